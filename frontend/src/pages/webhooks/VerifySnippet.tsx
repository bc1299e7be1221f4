import { useId, useState } from 'react';
import { NODE_SNIPPET, PYTHON_SNIPPET } from '../../lib/webhooks';

const SNIPPETS = [
  { id: 'python', label: 'Python', code: PYTHON_SNIPPET },
  { id: 'node', label: 'Node', code: NODE_SNIPPET },
] as const;

/** Copy-paste verification code for receivers, with the `standardwebhooks` packages. */
export function VerifySnippet() {
  const base = useId();
  const [lang, setLang] = useState<(typeof SNIPPETS)[number]['id']>('python');
  const [copied, setCopied] = useState<string | null>(null);
  const current = SNIPPETS.find((s) => s.id === lang) ?? SNIPPETS[0];

  async function copy() {
    try {
      await navigator.clipboard.writeText(current.code);
      setCopied(`${current.label} snippet copied to the clipboard.`);
    } catch {
      setCopied('Copy failed: select the code and press Ctrl+C (⌘C).');
    }
  }

  return (
    <section className="card snippet" aria-labelledby={`${base}-title`}>
      <h2 id={`${base}-title`}>Verifying deliveries</h2>
      <p className="hint">
        Every request carries <code>webhook-id</code>, <code>webhook-timestamp</code> and <code>webhook-signature</code> headers (Standard
        Webhooks). Verify the raw body with the endpoint's secret before trusting it, answer 2xx quickly, and deduplicate on{' '}
        <code>webhook-id</code>: it stays the same on every retry.
      </p>
      {/* The tablist holds only its tabs (ARIA: a tablist owns tabs); the copy button sits beside it. */}
      <div className="snippet-tabs">
        <div className="snippet-tablist" role="tablist" aria-label="Language">
          {SNIPPETS.map((s) => (
            <button
              key={s.id}
              type="button"
              role="tab"
              id={`${base}-tab-${s.id}`}
              aria-selected={lang === s.id}
              aria-controls={`${base}-panel`}
              className={`btn btn-small chip${lang === s.id ? ' chip-active' : ''}`}
              onClick={() => {
                setLang(s.id);
                setCopied(null);
              }}
            >
              {s.label}
            </button>
          ))}
        </div>
        <button type="button" className="btn btn-small" onClick={() => void copy()}>
          Copy {current.label} snippet
        </button>
      </div>
      <div role="tabpanel" id={`${base}-panel`} aria-labelledby={`${base}-tab-${lang}`}>
        {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable code block must be reachable by keyboard (WCAG 2.1.1, axe scrollable-region-focusable) */}
        <pre className="code-block" tabIndex={0} aria-label={`${current.label} verification code`}>
          <code>{current.code}</code>
        </pre>
      </div>
      <p className="hint" role="status" aria-live="polite">
        {copied ?? ''}
      </p>
    </section>
  );
}
