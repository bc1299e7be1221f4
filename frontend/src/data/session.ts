import { createContext, useContext } from 'react';
import type { CombinedError } from '@urql/core';
import { loginPath } from '../lib/portal';

export interface SessionContextValue {
  /** Drop every cached result and open connection (after sign-in or sign-out). */
  resetSession: () => void;
}

export const SessionContext = createContext<SessionContextValue>({ resetSession: () => {} });

export function useSession(): SessionContextValue {
  return useContext(SessionContext);
}

/** What the login page says when a session ended under the user's feet. */
export const SESSION_ENDED_MESSAGE = 'Your session ended; sign in again.';
const REASON = 'session-ended';

/** True when any GraphQL error of `error` says the caller is not signed in (any more). */
export function isUnauthenticated(error: CombinedError | null | undefined): boolean {
  return Boolean(error?.graphQLErrors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED'));
}

type Listener = () => void;
const listeners = new Set<Listener>();

/** Called by the client's exchange for every `UNAUTHENTICATED` answer (the one place that notices). */
export function reportSessionEnded(): void {
  for (const l of [...listeners]) l();
}

/** Subscribes to session-ended reports; returns the unsubscribe function. */
export function onSessionEnded(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** The org slug of a dashboard or student path (`/org/:slug/...`), not of a login page. */
export function signedInSlug(pathname: string): string | null {
  const m = /^\/org\/([^/]+)\/(?!portal\/|signed-out)/.exec(pathname);
  return m ? decodeURIComponent(m[1]!) : null;
}

/** The org's portal login saying the session ended, returning to `next` afterwards. */
export function sessionEndedLoginPath(slug: string, portalCode: string, next: string): string {
  const q = new URLSearchParams({ reason: REASON, next });
  return `${loginPath(slug, portalCode)}?${q.toString()}`;
}

export function isSessionEndedReason(params: URLSearchParams): boolean {
  return params.get('reason') === REASON;
}

/**
 * Where to go after signing in: `next` only when it is a page of the same org on this site
 * (no other host, no protocol-relative or backslash tricks, not a login page).
 */
export function safeNext(next: string | null, slug: string): string | null {
  if (!next) return null;
  if (!next.startsWith(`/org/${encodeURIComponent(slug)}/`) && !next.startsWith(`/org/${slug}/`)) return null;
  if (next.includes('//') || next.includes('\\') || [...next].some((c) => c.charCodeAt(0) < 0x20)) return null;
  if (signedInSlug(next.split(/[?#]/)[0]!) == null) return null;
  return next;
}
