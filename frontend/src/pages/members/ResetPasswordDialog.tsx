import { useState, type FormEvent } from 'react';
import { useAction } from '../../data/useAction';
import type { MemberFieldsFragment } from '../../gql/graphql';
import { Dialog, ErrorMessage, Field } from '../../components/ui';
import { SecretReveal } from '../../components/SecretReveal';
import { formatDateTime } from '../../lib/format';
import { CreatePasswordResetLinkMutation, SetTemporaryPasswordMutation } from './operations';

type Mode = 'temporary' | 'link';
type Outcome = { kind: 'temporary'; password: string } | { kind: 'link'; url: string; expiresAt: string; emailedTo: string | null; emailProblem: string | null };

/**
 * Reset a member's password: a temporary password (generated, or typed) they must change at their
 * next sign-in, or a one-time link (24 hours) to hand over or mail. Either is shown once, with a
 * copy button.
 */
export function ResetPasswordDialog({ member, onClose }: { member: MemberFieldsFragment; onClose: () => void }) {
  const temporary = useAction(SetTemporaryPasswordMutation);
  const link = useAction(CreatePasswordResetLinkMutation);
  const [mode, setMode] = useState<Mode>('temporary');
  const [chosen, setChosen] = useState('');
  const [emailTo, setEmailTo] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const action = mode === 'temporary' ? temporary : link;

  async function submit(e: FormEvent) {
    e.preventDefault();
    temporary.reset();
    link.reset();
    if (mode === 'temporary') {
      const r = await temporary.run({ input: { memberId: member.id, password: chosen || null } });
      if (r.ok) setOutcome({ kind: 'temporary', password: r.data.setTemporaryPassword.temporaryPassword });
    } else {
      const r = await link.run({ input: { memberId: member.id, emailTo: emailTo.trim() || null } });
      if (r.ok) {
        const made = r.data.createPasswordResetLink;
        setOutcome({ kind: 'link', url: made.url, expiresAt: made.expiresAt, emailedTo: made.emailedTo ?? null, emailProblem: made.emailProblem ?? null });
      }
    }
  }

  return (
    <Dialog open title={`Reset the password of ${member.displayName}`} onClose={onClose} wide>
      {outcome ? (
        <div data-testid="reset-outcome">
          {outcome.kind === 'temporary' ? (
            <>
              <p>
                Give this temporary password to <strong>{member.displayName}</strong> ({member.username}). They must choose their own at their next sign-in;
                their open sessions were signed out.
              </p>
              <SecretReveal secret={outcome.password} keyName={member.username} id="temporary-password" />
            </>
          ) : (
            <>
              <p>
                Give this link to <strong>{member.displayName}</strong> ({member.username}). It works once, until {formatDateTime(outcome.expiresAt)}.
              </p>
              {outcome.emailedTo && <p role="status">It was mailed to {outcome.emailedTo}.</p>}
              {outcome.emailProblem && <ErrorMessage message={outcome.emailProblem} />}
              <SecretReveal secret={outcome.url} keyName={member.username} id="reset-link" />
            </>
          )}
          <div className="actions">
            <button type="button" className="btn btn-primary" onClick={onClose}>
              Done
            </button>
          </div>
        </div>
      ) : (
        <form onSubmit={submit} noValidate aria-busy={action.busy}>
          <fieldset className="radio-row">
            <legend>How</legend>
            <label className="check">
              <input type="radio" name="reset-mode" checked={mode === 'temporary'} onChange={() => setMode('temporary')} /> Temporary password
            </label>
            <label className="check">
              <input type="radio" name="reset-mode" checked={mode === 'link'} onChange={() => setMode('link')} /> One-time link
            </label>
          </fieldset>
          {mode === 'temporary' ? (
            <Field
              label="Temporary password (optional)"
              error={temporary.fieldErrors.password}
              hint="Leave empty to generate one. The member must change it at their next sign-in; their open sessions are signed out."
            >
              {(p) => <input {...p} autoComplete="off" value={chosen} onChange={(e) => setChosen(e.target.value)} />}
            </Field>
          ) : (
            <Field
              label="Mail the link to (optional)"
              error={link.fieldErrors.emailTo}
              hint="Only when this server has mail settings; otherwise copy the link and hand it over. It works once, for 24 hours."
            >
              {(p) => <input {...p} type="email" autoComplete="off" value={emailTo} onChange={(e) => setEmailTo(e.target.value)} />}
            </Field>
          )}
          {Object.keys(action.fieldErrors).length === 0 && <ErrorMessage message={action.error} />}
          <div className="actions">
            <button type="button" className="btn" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="btn btn-primary" disabled={action.busy}>
              {mode === 'temporary' ? 'Set temporary password' : 'Make the link'}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
