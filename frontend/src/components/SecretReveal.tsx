import { useRef, useState } from 'react';

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
