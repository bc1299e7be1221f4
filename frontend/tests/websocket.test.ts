// @vitest-environment jsdom
// A socket the server closes because the session is gone (4401, 4403) ends the session like an
// HTTP UNAUTHENTICATED does, and is not reopened ("reconnecting" would never succeed).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { endsSession, isRefused, resetConnections, wsClient } from '../src/data/client';

/** A server that accepts the upgrade, then closes with `code` (as app/web/websocket.py does). */
function serverClosingWith(code: number) {
  const opened: FakeSocket[] = [];
  class FakeSocket {
    static readonly OPEN = 1;
    readyState = 0;
    protocol = 'graphql-transport-ws';
    onopen: (() => void) | null = null;
    onclose: ((e: { code: number; reason: string; wasClean: boolean }) => void) | null = null;
    onerror: ((e: unknown) => void) | null = null;
    onmessage: ((e: { data: string }) => void) | null = null;
    constructor() {
      opened.push(this);
      setTimeout(() => {
        this.readyState = 1;
        this.onopen?.();
        setTimeout(() => this.onclose?.({ code, reason: 'FORBIDDEN: the session ended', wasClean: true }), 5);
      }, 5);
    }
    send() {}
    close() {}
    addEventListener() {}
    removeEventListener() {}
  }
  vi.stubGlobal('WebSocket', FakeSocket);
  return opened;
}

afterEach(() => {
  resetConnections();
  vi.unstubAllGlobals();
});

describe('websocket close codes', () => {
  it('4401 and 4403 end the session; others (going away, restart, abnormal) do not', () => {
    expect(endsSession({ code: 4401, reason: '' })).toBe(true);
    expect(endsSession({ code: 4403, reason: '' })).toBe(true);
    for (const code of [1000, 1001, 1006, 1012, 1013, 4500]) expect(endsSession({ code, reason: '' })).toBe(false);
    expect(endsSession(new Error('network'))).toBe(false);
  });

  it('a 4403 for a disabled org does not end the session (the next request says the org is disabled)', () => {
    expect(endsSession({ code: 4403, reason: 'ORG_DISABLED: This organization is disabled.' })).toBe(false);
    expect(isRefused({ code: 4403, reason: 'ORG_DISABLED: This organization is disabled.' })).toBe(true);
    expect(endsSession({ code: 4403, reason: 'FORBIDDEN: the session ended' })).toBe(true);
  });

  it.each([4401, 4403])('a subscription closed with %i reports the ended session and is not retried', async (code) => {
    const opened = serverClosingWith(code);
    const ended = vi.fn();
    const error = vi.fn();
    resetConnections();

    wsClient(ended).subscribe({ query: 'subscription { leaderboardUpdated(orgSlug: "acme", top: 5) { quizId } }' }, { next() {}, error, complete() {} });

    await vi.waitFor(() => expect(error).toHaveBeenCalled());
    expect(ended).toHaveBeenCalledTimes(1);
    expect(error.mock.calls[0]![0]).toMatchObject({ code });
    expect(opened).toHaveLength(1);
  });
});
