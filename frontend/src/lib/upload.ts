// The GraphQL multipart request (https://github.com/jaydenseric/graphql-multipart-request-spec)
// for importQuiz. A cookie-authenticated multipart POST must carry `GraphQL-Preflight: 1`
// (the server's CSRF rule for uploads), else the server answers 403.
import { print, type DocumentNode } from 'graphql';

export interface MultipartParts {
  operations: string;
  map: string;
}

/** `operations` and `map` for one file at `variables.<path>` (e.g. `input.file`). */
export function multipartParts(query: string, variables: Record<string, unknown>, filePath: string, operationName?: string): MultipartParts {
  const vars = structuredClone(variables);
  let target: Record<string, unknown> = vars;
  const keys = filePath.split('.');
  keys.slice(0, -1).forEach((k) => {
    const next = (target[k] ??= {}) as Record<string, unknown>;
    target = next;
  });
  target[keys[keys.length - 1]!] = null;
  return {
    operations: JSON.stringify({ query, variables: vars, ...(operationName ? { operationName } : {}) }),
    map: JSON.stringify({ 0: [`variables.${filePath}`] }),
  };
}

export const PREFLIGHT_HEADERS: Readonly<Record<string, string>> = {
  'GraphQL-Preflight': '1',
  accept: 'application/graphql-response+json, application/json',
};

export interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** Sends one file with a mutation as a multipart request; resolves to the GraphQL response. */
export async function uploadMutation<T>(
  doc: DocumentNode,
  variables: Record<string, unknown>,
  filePath: string,
  file: File,
  url = '/graphql',
): Promise<{ status: number; body: GraphQLResponse<T> }> {
  const { operations, map } = multipartParts(print(doc), variables, filePath);
  const form = new FormData();
  form.append('operations', operations);
  form.append('map', map);
  form.append('0', file, file.name);
  const res = await fetch(url, { method: 'POST', body: form, credentials: 'same-origin', headers: { ...PREFLIGHT_HEADERS } });
  let body: GraphQLResponse<T>;
  try {
    body = (await res.json()) as GraphQLResponse<T>;
  } catch {
    body = { errors: [{ message: `The server answered ${res.status}.` }] };
  }
  return { status: res.status, body };
}
