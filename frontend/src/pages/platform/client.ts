import { cacheExchange, type Client } from 'urql';
import { makeGraphqlClient } from '../../data/client';

/** The console's endpoint: the same schema as /graphql, behind a door that reads the console's cookie. */
export const PLATFORM_GRAPHQL_PATH = '/platform/graphql';

/**
 * The console's own client: its own endpoint and cache, so nothing of an org session (the
 * dashboard's client and its normalized cache) mixes with staff data. A document cache is
 * enough here: a mutation's answer refetches the queries that showed its types. Documents go
 * as text over HTTP (no hashes, no websocket). `onSignedOut` is called for any
 * `UNAUTHENTICATED` answer (the console session ended).
 */
export function makePlatformClient(onSignedOut: () => void): Client {
  return makeGraphqlClient({ url: PLATFORM_GRAPHQL_PATH, cache: cacheExchange, onSessionEnded: onSignedOut });
}
