import { Client, fetchExchange, mapExchange, subscriptionExchange, type Exchange } from 'urql';
import { persistedExchange } from '@urql/exchange-persisted';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { isUnauthenticated, reportSessionEnded } from './session';
import { makeCacheExchange } from './cache';

export const GRAPHQL_PATH = '/graphql';

function wsUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}${GRAPHQL_PATH}`;
}

let ws: WsClient | null = null;

/**
 * The server's close codes for a socket whose credential is gone: 4401 (none, or the session
 * expired) and 4403 (refused: signed out elsewhere, member disabled). Both end the session like
 * an HTTP `UNAUTHENTICATED`; retrying can't help, so the socket is not reopened.
 */
const SESSION_CLOSE_CODES: ReadonlySet<number> = new Set([4401, 4403]);

/** The contract's error code a refusal names at the start of its close reason (`CODE: message`). */
function closeErrorCode(closeEvent: unknown): string | null {
  const reason = (closeEvent as { reason?: unknown } | null)?.reason;
  return typeof reason === 'string' ? (/^([A-Z_]+):/.exec(reason)?.[1] ?? null) : null;
}

/** A refusal no reconnect can change: the session is gone, or the org is disabled. */
export function isRefused(closeEvent: unknown): boolean {
  const code = (closeEvent as { code?: unknown } | null)?.code;
  return typeof code === 'number' && SESSION_CLOSE_CODES.has(code);
}

/**
 * Whether a close ends the session. An org disabled by the platform's staff does not: the
 * session is still the member's, and the page's next request shows "This organization is
 * disabled." instead of a sign-in that would be refused the same way.
 */
export function endsSession(closeEvent: unknown): boolean {
  return isRefused(closeEvent) && closeErrorCode(closeEvent) !== 'ORG_DISABLED';
}

/** The websocket client (graphql-transport-ws); the session cookie rides on the upgrade request. */
export function wsClient(onEnded: () => void = reportSessionEnded): WsClient {
  if (!ws) {
    ws = createWsClient({
      url: wsUrl(),
      lazy: true,
      retryAttempts: 5,
      shouldRetry: (closeEvent) => !isRefused(closeEvent),
      on: {
        closed: (closeEvent) => {
          if (endsSession(closeEvent)) onEnded();
        },
      },
    });
  }
  return ws;
}

/**
 * The one place that notices an ended session: any answer (query, mutation, subscription)
 * with an `UNAUTHENTICATED` error calls `onEnded`. Pages never handle it themselves.
 */
export function sessionExchange(onEnded: () => void = reportSessionEnded): Exchange {
  return mapExchange({
    onError(error) {
      if (isUnauthenticated(error)) onEnded();
    },
  });
}

/**
 * The hash codegen gave a document at build time (client preset, `persistedDocuments`): the
 * SHA-256 of its text in `src/gql/persisted-documents.json`, the manifest the server registers
 * as trusted at start-up. A document without one (none of ours) is sent in full.
 */
export function documentHash(document: unknown): string {
  const meta = (document as { __meta__?: { hash?: unknown } } | null)?.__meta__;
  return typeof meta?.hash === 'string' ? meta.hash : '';
}

/**
 * Every operation (queries, mutations, subscriptions) is sent as its hash alone, never its
 * text, so the dashboard works on a server that runs trusted documents only. No retry with the
 * text: the text urql would print is not the manifest's, so its hash would not match. POST
 * stays the method (the session's idle clock moves with POSTs only).
 */
export function persistedDocumentsExchange(): Exchange {
  return persistedExchange({
    enforcePersistedQueries: true,
    enableForMutation: true,
    enableForSubscriptions: true,
    preferGetForPersistedQueries: false,
    generateHash: (_query, document) => Promise.resolve(documentHash(document)),
  });
}

/** What tells the dashboard's client from the platform console's: everything else is shared. */
export interface GraphqlClientOptions {
  /** The endpoint: `/graphql`, or the console's `/platform/graphql`. */
  url: string;
  /** The cache: the dashboard's normalized Graphcache (`makeCacheExchange`), the console's document cache. */
  cache: Exchange;
  /** Called for any answer with an `UNAUTHENTICATED` error: the way back to that side's sign-in. */
  onSessionEnded: () => void;
  /** What carries an operation after the cache and the session check; `fetchExchange` alone by default. */
  transport?: readonly Exchange[];
}

/**
 * The one construction of a client: same-origin cookies, the GraphQL-over-HTTP media type,
 * cache-and-network, and the exchanges in the order that matters (the cache first, then the
 * session check, so a cached answer never ends a session and every network answer is looked at).
 */
export function makeGraphqlClient({ url, cache, onSessionEnded, transport = [fetchExchange] }: GraphqlClientOptions): Client {
  return new Client({
    url,
    fetchOptions: () => ({
      credentials: 'same-origin',
      headers: { accept: 'application/graphql-response+json, application/json' },
    }),
    requestPolicy: 'cache-and-network',
    exchanges: [cache, sessionExchange(onSessionEnded), ...transport],
  });
}

/** The dashboard's client: operations sent as their hashes, subscriptions over the websocket. */
export function makeClient(): Client {
  return makeGraphqlClient({
    url: GRAPHQL_PATH,
    cache: makeCacheExchange(),
    onSessionEnded: reportSessionEnded,
    transport: [
      persistedDocumentsExchange(),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query || '' };
          return {
            subscribe(sink) {
              const unsubscribe = wsClient().subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });
}

/** After sign-in or sign-out the cached data belongs to someone else: start over. */
export function resetConnections(): void {
  if (ws) {
    void ws.dispose();
    ws = null;
  }
}
