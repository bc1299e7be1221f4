// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { Client, fetchExchange, gql } from '@urql/core';
import { createElement } from 'react';
import { sessionExchange } from '../src/data/client';
import { errorInfo } from '../src/lib/errors';
import { onSessionEnded, reportSessionEnded, safeNext, sessionEndedLoginPath, signedInSlug } from '../src/data/session';
import { App } from '../src/App';
import { MODEL } from './accessModel';

const json = (body: unknown, init: ResponseInit = {}) =>
  new Response(JSON.stringify(body), { status: 200, ...init, headers: { 'content-type': 'application/json', ...(init.headers ?? {}) } });

const unauthenticated = {
  data: { organization: null },
  errors: [{ message: 'You need to sign in or send an API key.', path: ['organization', 'apiKeys'], extensions: { code: 'UNAUTHENTICATED' } }],
};
const forbidden = {
  data: { organization: { id: 'o', members: null } },
  errors: [{ message: 'Insufficient scopes. Required: members:read', path: ['organization', 'members'], extensions: { code: 'FORBIDDEN' } }],
};

function clientAnswering(response: () => Response, onEnded: () => void) {
  return new Client({ url: 'http://test/graphql', fetch: async () => response(), exchanges: [sessionExchange(onEnded), fetchExchange] });
}

const Q = gql`
  query Q {
    organization(slug: "s") {
      id
    }
  }
`;
const M = gql`
  mutation M {
    logout(input: {}) {
      ok
    }
  }
`;

describe('the session exchange (the one place handling UNAUTHENTICATED)', () => {
  it('reports an ended session for a query and for a mutation', async () => {
    const ended = vi.fn();
    const client = clientAnswering(() => json(unauthenticated), ended);
    const q = await client.query(Q, {}).toPromise();
    expect(q.error?.graphQLErrors[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect(ended).toHaveBeenCalledTimes(1);
    await client.mutation(M, {}).toPromise();
    expect(ended).toHaveBeenCalledTimes(2);
  });

  it('does not report FORBIDDEN, other errors or data', async () => {
    const ended = vi.fn();
    await clientAnswering(() => json(forbidden), ended).query(Q, {}).toPromise();
    await clientAnswering(() => json({ data: { organization: { id: 'o' } } }), ended).query(Q, {}).toPromise();
    await clientAnswering(() => new Response('<h1>Bad gateway</h1>', { status: 502, headers: { 'content-type': 'text/html' } }), ended)
      .query(Q, {})
      .toPromise();
    expect(ended).not.toHaveBeenCalled();
  });

  it('reportSessionEnded reaches subscribers until they unsubscribe', () => {
    const l = vi.fn();
    const off = onSessionEnded(l);
    reportSessionEnded();
    off();
    reportSessionEnded();
    expect(l).toHaveBeenCalledTimes(1);
  });
});

describe('errors of a failed answer', () => {
  it('shows an HTTP 500 as a server error with the request id, not as unreachable', async () => {
    const client = clientAnswering(
      () => new Response('<h1>oops</h1>', { status: 500, statusText: 'Internal Server Error', headers: { 'content-type': 'text/html', 'x-request-id': 'req-123' } }),
      () => {},
    );
    const r = await client.query(Q, {}).toPromise();
    const info = errorInfo(r.error)!;
    expect(info.message).not.toMatch(/reach/i);
    expect(info.message).toContain('HTTP 500');
    expect(info.message).toContain('req-123');
    expect(info.requestId).toBe('req-123');
  });

  it("quotes the request id of the server's INTERNAL problem", async () => {
    const body = { errors: [{ message: 'Internal error. Quote request id abc.', extensions: { code: 'INTERNAL', requestId: 'abc' } }] };
    const r = await clientAnswering(() => json(body, { status: 500 }), () => {}).query(Q, {}).toPromise();
    const info = errorInfo(r.error)!;
    expect(info.code).toBe('INTERNAL');
    expect(info.message).toContain('abc');
  });

  it('says offline when the browser is offline, unreachable otherwise', async () => {
    const client = new Client({ url: 'http://test/graphql', fetch: () => Promise.reject(new TypeError('Failed to fetch')), exchanges: [fetchExchange] });
    const r = await client.query(Q, {}).toPromise();
    expect(errorInfo(r.error)!.code).toBe('NETWORK');
    const online = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    expect(errorInfo(r.error)!.message).toMatch(/offline/);
    online.mockRestore();
  });
});

describe('where to go', () => {
  it('finds the org of signed-in pages only', () => {
    expect(signedInSlug('/org/acme/dashboard/api-keys')).toBe('acme');
    expect(signedInSlug('/org/acme/quizzes')).toBe('acme');
    expect(signedInSlug('/org/acme/quizzes/attempts/1')).toBe('acme');
    expect(signedInSlug('/org/acme/portal/p1/login')).toBe(null);
    expect(signedInSlug('/org/acme/signed-out')).toBe(null);
    expect(signedInSlug('/')).toBe(null);
  });

  it('returns only to a page of the same org on this site', () => {
    expect(safeNext('/org/acme/dashboard/members?role=ADMIN', 'acme')).toBe('/org/acme/dashboard/members?role=ADMIN');
    expect(safeNext('/org/other/dashboard', 'acme')).toBe(null);
    expect(safeNext('https://evil.example/org/acme/dashboard', 'acme')).toBe(null);
    expect(safeNext('//evil.example/org/acme/', 'acme')).toBe(null);
    expect(safeNext('/org/acme/dashboard//evil', 'acme')).toBe(null);
    expect(safeNext('/org/acme/portal/p/login', 'acme')).toBe(null);
    expect(safeNext(null, 'acme')).toBe(null);
  });

  it('builds the login link with the reason and the page', () => {
    const url = new URL(sessionEndedLoginPath('acme', 'p1', '/org/acme/dashboard/api-keys'), 'http://x');
    expect(url.pathname).toBe('/org/acme/portal/p1/login');
    expect(url.searchParams.get('reason')).toBe('session-ended');
    expect(url.searchParams.get('next')).toBe('/org/acme/dashboard/api-keys');
  });
});

describe('the app when a session ends', () => {
  const viewer = {
    kind: 'MEMBER',
    role: 'OWNER',
    scopes: ['api_keys:read', 'api_keys:write', 'members:read', 'members:write', 'org:write', 'quizzes:read', 'quizzes:write', 'audit:read'],
    member: { id: 'm1', username: 'owner', displayName: 'Owner', role: 'OWNER', __typename: 'Member' },
    organization: { id: 'o1', slug: 'acme', name: 'Acme', __typename: 'Organization' },
    __typename: 'Viewer',
  };

  const accessModel = {
    __typename: 'AccessModel',
    roles: MODEL.roles.map((r) => ({ ...r, __typename: 'RoleDefinition' })),
    scopes: MODEL.scopes.map((s) => ({ ...s, __typename: 'ScopeDefinition' })),
  };

  beforeEach(() => {
    localStorage.setItem('qg:portal:acme', 'p1');
    window.history.replaceState(null, '', '/org/acme/dashboard/api-keys');
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init: RequestInit) => {
        const body = JSON.parse(String(init.body)) as { query: string; operationName?: string };
        if (/query Viewer\b/.test(body.query)) return json({ data: { viewer, accessModel } });
        if (/query PublicOrganization\b/.test(body.query)) {
          return json({ data: { organization: { id: 'o1', slug: 'acme', name: 'Acme', branding: null, __typename: 'Organization' } } });
        }
        return json(unauthenticated);
      }),
    );
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
    localStorage.clear();
  });

  it('sends the user to the portal login with the message and the page to return to', async () => {
    render(createElement(App));
    await waitFor(() => expect(window.location.pathname).toBe('/org/acme/portal/p1/login'));
    const params = new URLSearchParams(window.location.search);
    expect(params.get('next')).toBe('/org/acme/dashboard/api-keys');
    expect(await screen.findByText('Your session ended; sign in again.')).toBeTruthy();
    // No false empty state on the way.
    expect(screen.queryByText('No API keys yet.')).toBeNull();
  });
});
