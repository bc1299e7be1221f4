// File uploads (importQuiz) go through the urql client like every mutation: its fetchExchange
// sends variables holding a File as a GraphQL multipart request
// (https://github.com/jaydenseric/graphql-multipart-request-spec), so the cache and the session
// handling see the answer. A cookie-authenticated multipart POST must carry `GraphQL-Preflight: 1`
// (the server's CSRF rule for uploads), else the server answers 403.
import type { OperationContext } from 'urql';

export const PREFLIGHT_HEADERS: Readonly<Record<string, string>> = {
  'GraphQL-Preflight': '1',
  accept: 'application/graphql-response+json, application/json',
};

/** The operation context of an upload: the session cookie and the preflight header. */
export function uploadContext(): Partial<OperationContext> {
  return { fetchOptions: { credentials: 'same-origin', headers: { ...PREFLIGHT_HEADERS } } };
}
