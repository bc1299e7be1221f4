import { parse } from 'graphql';
import { describe, expect, it, vi } from 'vitest';
import { Client, fetchExchange } from '@urql/core';
import { uploadContext } from '../src/lib/upload';
import { errorInfo } from '../src/lib/errors';

const IMPORT = parse('mutation Import($input: ImportQuizInput!) { importQuiz(input: $input) { importedQuestions } }');

/** A client like the dashboard's whose fetch answers once; returns the mock to read what was sent. */
function clientAnswering(response: Response) {
  const fetchMock = vi.fn<(url: string, init: RequestInit) => Promise<Response>>(async () => response);
  const client = new Client({ url: '/graphql', fetch: fetchMock as unknown as typeof fetch, exchanges: [fetchExchange] });
  return { client, fetchMock };
}

describe('file upload through the client', () => {
  it('posts operations, map and the file as one multipart request with the preflight header', async () => {
    const { client, fetchMock } = clientAnswering(Response.json({ data: { importQuiz: { importedQuestions: 2 } } }));
    const file = new File(['What is 2+2?\nA. 4\nB. 5\nANSWER: A\n'], 'quiz.txt', { type: 'text/plain' });

    const result = await client.mutation(IMPORT, { input: { file, format: 'AIKEN' } }, uploadContext()).toPromise();

    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/graphql');
    expect(init.method).toBe('POST');
    // the session cookie goes along, so the server's CSRF rule for uploads applies:
    // a cookie-authenticated multipart POST without GraphQL-Preflight is refused
    expect(init.credentials).toBe('same-origin');
    expect(new Headers(init.headers).get('graphql-preflight')).toBe('1');
    // no content-type of our own: the browser must set multipart/form-data with its boundary
    expect(new Headers(init.headers).has('content-type')).toBe(false);
    const form = init.body as FormData;
    expect(form).toBeInstanceOf(FormData);
    expect([...form.keys()]).toEqual(['operations', 'map', '0']);
    const operations = JSON.parse(form.get('operations') as string);
    expect(operations.query).toContain('importQuiz(input: $input)');
    expect(operations.variables).toEqual({ input: { file: null, format: 'AIKEN' } });
    expect(JSON.parse(form.get('map') as string)).toEqual({ 0: ['variables.input.file'] });
    const sent = form.get('0') as File;
    expect(sent.name).toBe('quiz.txt');
    expect(await sent.text()).toBe(await file.text());
    expect(result.data).toEqual({ importQuiz: { importedQuestions: 2 } });
  });

  it('reports an answer that is not JSON as a server error naming the status', async () => {
    const { client } = clientAnswering(new Response('<html>Request Entity Too Large</html>', { status: 413, headers: { 'content-type': 'text/html' } }));

    const result = await client.mutation(IMPORT, { input: { file: new File(['x'], 'big.txt'), format: 'AIKEN' } }, uploadContext()).toPromise();

    expect(errorInfo(result.error)?.message).toContain('HTTP 413');
  });
});
