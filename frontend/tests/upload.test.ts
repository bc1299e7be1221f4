import { parse } from 'graphql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { multipartParts, uploadMutation } from '../src/lib/upload';

const IMPORT = parse('mutation Import($input: ImportQuizInput!) { importQuiz(input: $input) { importedQuestions } }');

/** Stubs `fetch` with one answer; returns the mock to read what was sent. */
function answerWith(response: Response) {
  const fetchMock = vi.fn<(url: string, init: RequestInit) => Promise<Response>>(async () => response);
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('multipart upload', () => {
  it('nulls the file variable and maps part 0 onto it', () => {
    const vars = { input: { file: 'x', format: 'AIKEN' } };
    const p = multipartParts('mutation M($input: ImportQuizInput!) { importQuiz(input: $input) { importedQuestions } }', vars, 'input.file');
    expect(JSON.parse(p.operations).variables).toEqual({ input: { file: null, format: 'AIKEN' } });
    expect(JSON.parse(p.map)).toEqual({ 0: ['variables.input.file'] });
    expect(vars.input.file).toBe('x');
  });

  it('posts operations, map and the file as one multipart request with the preflight header', async () => {
    const fetchMock = answerWith(Response.json({ data: { importQuiz: { importedQuestions: 2 } } }));
    const file = new File(['What is 2+2?\nA. 4\nB. 5\nANSWER: A\n'], 'quiz.txt', { type: 'text/plain' });

    const result = await uploadMutation(IMPORT, { input: { file: null, format: 'AIKEN' } }, 'input.file', file);

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
    expect(result).toEqual({ status: 200, body: { data: { importQuiz: { importedQuestions: 2 } } } });
  });

  it('turns an answer that is not JSON into an error naming the status', async () => {
    answerWith(new Response('<html>Request Entity Too Large</html>', { status: 413, headers: { 'content-type': 'text/html' } }));
    const file = new File(['x'], 'big.txt');

    const result = await uploadMutation(IMPORT, { input: { file: null, format: 'AIKEN' } }, 'input.file', file);

    expect(result).toEqual({ status: 413, body: { errors: [{ message: 'The server answered 413.' }] } });
  });
});
