import { afterEach, describe, expect, it, vi } from 'vitest';
import { gql } from '@urql/core';
import { makePlatformClient } from '../src/pages/platform/client';

const Q = gql`
  query PlatformAdmin {
    platformAdmin {
      id
      username
    }
  }
`;

function answering(body: unknown) {
  const fetchMock = vi.fn<(url: string, init: RequestInit) => Promise<Response>>(async () => Response.json(body));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the platform console client (the shared client factory with the console’s differences)', () => {
  it('asks /platform/graphql with the document’s text and the console’s cookie', async () => {
    const fetchMock = answering({ data: { platformAdmin: { __typename: 'PlatformAdmin', id: 'p1', username: 'staff' } } });

    const result = await makePlatformClient(() => {}).query(Q, {}).toPromise();

    expect(result.data?.platformAdmin.username).toBe('staff');
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/platform/graphql');
    expect(init.credentials).toBe('same-origin');
    expect(new Headers(init.headers).get('accept')).toContain('application/graphql-response+json');
    // the console's documents are not in the dashboard's trusted manifest: sent as text, not a hash
    const sent = JSON.parse(init.body as string);
    expect(sent.query).toContain('platformAdmin');
    expect(sent.extensions?.persistedQuery).toBeUndefined();
  });

  it('sends the admin back to sign in on UNAUTHENTICATED, not on other errors', async () => {
    const signedOut = vi.fn();
    const client = makePlatformClient(signedOut);

    answering({ data: { platformAdmin: null }, errors: [{ message: 'no', path: ['platformAdmin'], extensions: { code: 'FORBIDDEN' } }] });
    await client.query(Q, {}, { requestPolicy: 'network-only' }).toPromise();
    expect(signedOut).not.toHaveBeenCalled();

    answering({ data: { platformAdmin: null }, errors: [{ message: 'sign in', path: ['platformAdmin'], extensions: { code: 'UNAUTHENTICATED' } }] });
    await client.query(Q, {}, { requestPolicy: 'network-only' }).toPromise();
    expect(signedOut).toHaveBeenCalledTimes(1);
  });
});
