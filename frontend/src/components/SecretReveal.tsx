import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Dialog } from './ui';

/** Shows a just-created secret (an API key's, a webhook's) once, with a copy button and a warning. */
export function SecretReveal({ secret, keyName, id = 'api-key-secret' }: { secret: string; keyName: string; id?: string }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('yes');
    } catch {
      // Clipboard API refused (e.g. insecure origin): select the text for a manual copy.
      const el = inputRef.current;
      if (el) {
        el.focus();
        el.select();
        try {
          setCopied(document.execCommand('copy') ? 'yes' : 'failed');
        } catch {
          setCopied('failed');
        }
      } else setCopied('failed');
    }
  }

  return (
    <div className="secret-reveal">
      <div className="alert alert-warning" role="alert">
        <strong>Copy this secret now.</strong> It is shown only once: after you close this dialog nobody, not even you,
        can see it again. Store it somewhere safe, such as a password manager or your server's secret store.
      </div>
      <label htmlFor={id}>Secret for “{keyName}”</label>
      <div className="secret-row">
        <input
          id={id}
          data-testid={id}
          ref={inputRef}
          className="secret"
          readOnly
          value={secret}
          spellCheck={false}
          autoComplete="off"
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" className="btn btn-primary" onClick={() => void copy()}>
          Copy
        </button>
      </div>
      <p className="hint" role="status" aria-live="polite">
        {copied === 'yes' ? 'Copied to the clipboard.' : copied === 'failed' ? 'Copy failed: the secret is selected, press Ctrl+C (⌘C).' : ''}
      </p>
    </div>
  );
}

/**
 * A dialog showing a secret once (a new API key, a webhook's signing secret). Leaving it by the
 * close button, Escape or Done asks first ("The secret will not be shown again"), and reloading
 * or closing the tab triggers the browser's own leave warning.
 */
export function OneTimeSecretDialog({
  title,
  secret,
  label,
  id,
  lostHint,
  onDone,
  children,
}: {
  title: string;
  secret: string;
  /** What the secret belongs to (a key's name, an endpoint's URL). */
  label: string;
  /** The secret input's id and test id. */
  id: string;
  /** What to do when the secret is lost, e.g. "rotate the key to get a new one". */
  lostHint: string;
  onDone: () => void;
  /** Shown under the secret (usage snippets, notes). */
  children?: ReactNode;
}) {
  const [confirming, setConfirming] = useState(false);

  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);

  return (
    <Dialog open title={confirming ? 'Close without the secret?' : title} onClose={() => setConfirming(!confirming)} wide>
      {confirming ? (
        <div role="alert" className="confirm-leave">
          <p>
            <strong>The secret will not be shown again.</strong> If you haven't stored it, go back and copy it now; otherwise you will have to{' '}
            {lostHint}.
          </p>
          <div className="actions">
            {/* eslint-disable-next-line jsx-a11y/no-autofocus -- a modal dialog's initial focus (HTML dialog focusing steps): the safe choice */}
            <button type="button" className="btn" onClick={() => setConfirming(false)} autoFocus>
              Back to the secret
            </button>
            <button type="button" className="btn btn-primary" onClick={onDone}>
              Close, I have stored it
            </button>
          </div>
        </div>
      ) : (
        <>
          <SecretReveal secret={secret} keyName={label} id={id} />
          {children}
          <div className="actions">
            <button type="button" className="btn btn-primary" onClick={() => setConfirming(true)}>
              Done
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}

/** A block of code with its own copy button. */
export function CodeSnippet({ title, code, testId }: { title: string; code: string; testId?: string }) {
  const titleId = useId();
  const [copied, setCopied] = useState<string | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(code);
      setCopied(`${title} copied to the clipboard.`);
    } catch {
      setCopied('Copy failed: select the code and press Ctrl+C (⌘C).');
    }
  }
  return (
    <div className="code-snippet">
      <div className="code-snippet-head">
        <h3 id={titleId}>{title}</h3>
        <button type="button" className="btn btn-small" onClick={() => void copy()} aria-label={`Copy the ${title}`}>
          Copy
        </button>
      </div>
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable code block must be reachable by keyboard (WCAG 2.1.1, axe scrollable-region-focusable) */}
      <pre className="code-block" tabIndex={0} aria-labelledby={titleId} data-testid={testId}>
        <code>{code}</code>
      </pre>
      <p className="hint" role="status" aria-live="polite">
        {copied ?? ''}
      </p>
    </div>
  );
}
