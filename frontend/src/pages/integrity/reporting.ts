/**
 * What the take page tells the server while an attempt is open (docs/integrity.md): the page
 * hidden and shown again (Page Visibility), full screen left, copy and paste. Only the event, its
 * time by the browser's clock and small details (how much was copied or pasted) are sent; never
 * what was copied. The server adds its own time and the address, and judges the org's rules.
 */
import type { IntegrityEventType } from '../../gql/graphql';

export interface IntegrityReport {
  type: IntegrityEventType;
  occurredAt: string;
  details?: Record<string, string | number | boolean | null>;
}

/** Attaches the listeners to `doc`; returns the function that removes them. */
export function watchIntegrity(doc: Document, report: (event: IntegrityReport) => void, now: () => Date = () => new Date()): () => void {
  const at = () => now().toISOString();
  let wasFullscreen = Boolean(doc.fullscreenElement);
  const onVisibility = () => report({ type: doc.visibilityState === 'hidden' ? 'PAGE_HIDDEN' : 'PAGE_SHOWN', occurredAt: at() });
  const onFullscreen = () => {
    const isFullscreen = Boolean(doc.fullscreenElement);
    if (wasFullscreen && !isFullscreen) report({ type: 'FULLSCREEN_EXITED', occurredAt: at() });
    wasFullscreen = isFullscreen;
  };
  const clipboard = (type: 'COPY' | 'PASTE') => (e: Event) => {
    const data = (e as ClipboardEvent).clipboardData;
    const text = type === 'PASTE' ? data?.getData('text/plain') : doc.getSelection?.()?.toString();
    report({ type, occurredAt: at(), details: { length: text?.length ?? 0 } });
  };
  const onCopy = clipboard('COPY');
  const onPaste = clipboard('PASTE');
  doc.addEventListener('visibilitychange', onVisibility);
  doc.addEventListener('fullscreenchange', onFullscreen);
  doc.addEventListener('copy', onCopy);
  doc.addEventListener('paste', onPaste);
  return () => {
    doc.removeEventListener('visibilitychange', onVisibility);
    doc.removeEventListener('fullscreenchange', onFullscreen);
    doc.removeEventListener('copy', onCopy);
    doc.removeEventListener('paste', onPaste);
  };
}
