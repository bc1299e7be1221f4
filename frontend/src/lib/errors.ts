import type { CombinedError } from '@urql/core';

export interface ErrorInfo {
  code: string | null;
  message: string;
  retryAfterSeconds: number | null;
  fields: Record<string, string>;
  /** The server's request id when it answered with an error (quote it when reporting). */
  requestId?: string | null;
}

interface ErrorLike {
  message: string;
  extensions?: Record<string, unknown> | null;
}

function firstGraphQLError(error: CombinedError | null | undefined): ErrorLike | null {
  if (!error) return null;
  return (error.graphQLErrors?.[0] as ErrorLike | undefined) ?? null;
}

const FRIENDLY: Record<string, string> = {
  UNAUTHENTICATED: 'Your session ended; sign in again.',
  FORBIDDEN: "You don't have permission to do that.",
  NOT_FOUND: 'That item no longer exists.',
  INTERNAL: 'The server ran into an error. Please try again.',
  QUERY_TOO_COMPLEX: 'That request was too large.',
  USER_DISABLED: 'This account is disabled.',
  ORG_DISABLED: 'This organization is disabled.',
};

function fieldsOf(ext: Record<string, unknown> | null | undefined): Record<string, string> {
  const raw = ext?.fields;
  const out: Record<string, string> = {};
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
      if (typeof v === 'string') out[k] = v;
      else if (Array.isArray(v)) out[k] = v.map(String).join(' ');
      else if (v != null) out[k] = String(v);
    }
  }
  return out;
}

/** The request id of a failed answer: the error's `extensions.requestId`, else the `X-Request-ID` header. */
function requestIdOf(error: CombinedError, gql: ErrorLike | null): string | null {
  const fromExt = gql?.extensions?.requestId;
  if (typeof fromExt === 'string' && fromExt) return fromExt;
  const res = (error as { response?: { headers?: { get?: (n: string) => string | null } } }).response;
  try {
    return res?.headers?.get?.('x-request-id') ?? null;
  } catch {
    return null;
  }
}

function httpStatusOf(error: CombinedError): number | null {
  const res = (error as { response?: { status?: unknown } }).response;
  return res && typeof res.status === 'number' ? res.status : null;
}

function isOffline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false;
}

export function errorInfo(error: CombinedError | null | undefined): ErrorInfo | null {
  if (!error) return null;
  const gql = firstGraphQLError(error);
  if (gql) {
    const ext = gql.extensions ?? {};
    const code = typeof ext.code === 'string' ? ext.code : null;
    const ra = ext.retryAfterSeconds ?? ext.retryAfter;
    const retryAfterSeconds = typeof ra === 'number' ? Math.max(0, Math.ceil(ra)) : typeof ra === 'string' && /^\d+$/.test(ra) ? Number(ra) : null;
    let message = code === 'FORBIDDEN' || code === 'BAD_USER_INPUT' || code === 'CONFLICT' || !code || !FRIENDLY[code]
      ? gql.message || FRIENDLY[code ?? ''] || 'Something went wrong.'
      : FRIENDLY[code] ?? gql.message;
    if (code === 'INTERNAL') {
      const id = requestIdOf(error, gql);
      if (id) message = `${message} If it keeps happening, quote request id ${id}.`;
    }
    return { code, message, retryAfterSeconds, fields: fieldsOf(ext), requestId: requestIdOf(error, gql) };
  }
  const status = httpStatusOf(error);
  if (status != null && (status < 200 || status >= 300)) {
    // The server (or a proxy before it) answered, with an error and no GraphQL body.
    const id = requestIdOf(error, null);
    return {
      code: status >= 500 ? 'INTERNAL' : 'HTTP',
      message: `The server answered with an error (HTTP ${status}). Please try again.${id ? ` If it keeps happening, quote request id ${id}.` : ''}`,
      retryAfterSeconds: null,
      fields: {},
      requestId: id,
    };
  }
  if (error.networkError) {
    return isOffline()
      ? { code: 'OFFLINE', message: "You're offline. Check your connection and try again.", retryAfterSeconds: null, fields: {}, requestId: null }
      : { code: 'NETWORK', message: "Can't reach the server. Check your connection and try again.", retryAfterSeconds: null, fields: {}, requestId: null };
  }
  return { code: null, message: error.message || 'Something went wrong.', retryAfterSeconds: null, fields: {}, requestId: null };
}

/** The one message the login page shows. */
export function loginErrorMessage(info: ErrorInfo): string {
  switch (info.code) {
    case 'INVALID_CREDENTIALS':
      return "That didn't work. Check your username and password and try again.";
    case 'RATE_LIMITED': {
      const n = info.retryAfterSeconds;
      if (n == null) return 'Too many attempts. Please wait a moment and try again.';
      return `Too many attempts. Try again in ${n} ${n === 1 ? 'second' : 'seconds'}.`;
    }
    case 'USER_DISABLED':
      return 'This account is disabled. Ask an administrator of your organization.';
    case 'ORG_DISABLED':
      return 'This organization is disabled.';
    default:
      return info.message;
  }
}

/** `extensions.problems` (e.g. publishQuiz's reasons) and `extensions.reason` of the first error. */
export function errorDetails(error: CombinedError | null | undefined): { problems: string[]; reason: string | null } {
  const ext = (firstGraphQLError(error)?.extensions ?? {}) as Record<string, unknown>;
  const raw = ext.problems;
  const problems = Array.isArray(raw)
    ? raw.map((p) => (typeof p === 'string' ? p : p && typeof p === 'object' && 'message' in p ? String((p as { message: unknown }).message) : String(p)))
    : [];
  return { problems, reason: typeof ext.reason === 'string' ? ext.reason : null };
}
