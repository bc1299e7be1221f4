import { Client, cacheExchange, fetchExchange, mapExchange } from 'urql';

/** The console's endpoint: the same schema as /graphql, behind a door that reads the console's cookie. */
export const PLATFORM_GRAPHQL_PATH = '/platform/graphql';

/**
 * The console's own client: its own endpoint and cache, so nothing of an org session (the
 * dashboard's client and its normalized cache) mixes with staff data. A document cache is
 * enough here: a mutation's answer refetches the queries that showed its types.
 * `onSignedOut` is called for any `UNAUTHENTICATED` answer (the console session ended).
 */
export function makePlatformClient(onSignedOut: () => void): Client {
  return new Client({
    url: PLATFORM_GRAPHQL_PATH,
    fetchOptions: () => ({
      credentials: 'same-origin',
      headers: { accept: 'application/graphql-response+json, application/json' },
    }),
    requestPolicy: 'cache-and-network',
    exchanges: [
      cacheExchange,
      mapExchange({
        onError(error) {
          if (error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) onSignedOut();
        },
      }),
      fetchExchange,
    ],
  });
}
