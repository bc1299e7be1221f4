import { useState } from 'react';
import { useAction } from '../../data/useAction';
import { ConfirmDialog } from '../../components/ui';
import { SecretReveal } from '../../components/SecretReveal';
import { rememberPortal } from '../../lib/portal';
import { RotatePortalCodeMutation } from './operations';

/** Owners change the portal code: the old sign-in link stops working at once; the new one is shown once. */
export function PortalCodeCard({ slug }: { slug: string }) {
  const rotate = useAction(RotatePortalCodeMutation);
  const [confirming, setConfirming] = useState(false);
  const [link, setLink] = useState<string | null>(null);

  async function confirm() {
    const r = await rotate.run({});
    if (!r.ok) return;
    const made = r.data.rotatePortalCode;
    rememberPortal(slug, made.portalCode);
    setLink(`${window.location.origin}${made.loginPath}`);
    setConfirming(false);
  }

  return (
    <section className="card" aria-labelledby="portal-title">
      <h2 id="portal-title">Portal sign-in link</h2>
      <p className="muted">
        Members sign in with your organization’s portal link. If it reached someone it shouldn’t, change the code: the old link stops working at once;
        people already signed in stay signed in.
      </p>
      {link && <SecretReveal secret={link} keyName="the new portal link" id="portal-link" />}
      <button type="button" className="btn" onClick={() => setConfirming(true)}>
        Change portal code
      </button>
      <ConfirmDialog
        open={confirming}
        title="Change the portal code?"
        confirmLabel="Change code"
        danger
        busy={rotate.busy}
        error={rotate.error}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void confirm()}
      >
        <p>The current sign-in link stops working at once. Everyone must use the new link from now on.</p>
      </ConfirmDialog>
    </section>
  );
}
