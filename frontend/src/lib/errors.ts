import type { CombinedError } from '@urql/core';

export interface ErrorInfo {
  code: string | null;
  message: string;
  retryAfterSeconds: number | null;
  fields: Record<string, string>;
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
  UNAUTHENTICATED: 'Your session has ended. Please sign in again.',
  FORBIDDEN: "You don't have permission to do that.",
  NOT_FOUND: 'That item no longer exists.',
  INTERNAL: 'Something went wrong on our side. Please try again.',
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

export function errorInfo(error: CombinedError | null | undefined): ErrorInfo | null {
  if (!error) return null;
  const gql = firstGraphQLError(error);
  if (gql) {
    const ext = gql.extensions ?? {};
    const code = typeof ext.code === 'string' ? ext.code : null;
    const ra = ext.retryAfterSeconds ?? ext.retryAfter;
    const retryAfterSeconds = typeof ra === 'number' ? Math.max(0, Math.ceil(ra)) : typeof ra === 'string' && /^\d+$/.test(ra) ? Number(ra) : null;
    const message = code === 'FORBIDDEN' || code === 'BAD_USER_INPUT' || code === 'CONFLICT' || !code || !FRIENDLY[code]
      ? gql.message || FRIENDLY[code ?? ''] || 'Something went wrong.'
      : FRIENDLY[code] ?? gql.message;
    return { code, message, retryAfterSeconds, fields: fieldsOf(ext) };
  }
  if (error.networkError) {
    return {
      code: 'NETWORK',
      message: "Can't reach the server. Check your connection and try again.",
      retryAfterSeconds: null,
      fields: {},
    };
  }
  return { code: null, message: error.message || 'Something went wrong.', retryAfterSeconds: null, fields: {} };
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
