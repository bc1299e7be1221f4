import { useMemo, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { useAction } from '../../data/useAction';
import { useSession } from '../../data/session';
import { ErrorMessage, Spinner } from '../../components/ui';
import { formatDateTime } from '../../lib/format';
import { PasswordResetLinkQuery, ResetPasswordWithLinkMutation } from './operations';
import { NewPasswordFields, checkNewPassword } from './NewPasswordFields';

/** The token of a reset link: `/org/<slug>/reset-password#token=…` (a fragment never reaches a server log). */
export function tokenFromHash(hash: string): string {
  return new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? '';
}

/** `/org/<slug>/reset-password#token=…`: a member sets a new password with the one-time link an admin gave them. */
export function ResetPasswordPage() {
  const token = useMemo(() => tokenFromHash(window.location.hash), []);
  const [{ data, fetching, error }] = useQuery({ query: PasswordResetLinkQuery, variables: { token }, pause: !token });
  const reset = useAction(ResetPasswordWithLinkMutation);
  const navigate = useNavigate();
  const { resetSession } = useSession();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const link = data?.passwordResetLink;

  async function submit(e: FormEvent) {
    e.preventDefault();
    reset.reset();
    const found = checkNewPassword(password, repeat, link?.passwordPolicy);
    setErrors(found);
    if (Object.keys(found).length || !link) return;
    const r = await reset.run({ input: { token, newPassword: password } });
    if (!r.ok) {
      setErrors(r.failure.fields);
      return;
    }
    // Signed in now, with a new session: start from an empty cache.
    resetSession();
    navigate(`/org/${encodeURIComponent(link.organizationSlug)}/dashboard`, { replace: true });
  }

  let body;
  if (!token) body = <p role="alert">This address has no reset link in it. Open the whole link you were given.</p>;
  else if (fetching && !data) body = <Spinner label="Checking the link…" />;
  else if (error) body = <ErrorMessage error={error} />;
  else if (!link)
    body = (
      <p role="alert" data-testid="reset-link-invalid">
        This link doesn’t work: it was used already, replaced by a newer one, or is more than 24 hours old. Ask an owner or admin of your organization for
        a new one.
      </p>
    );
  else
    body = (
      <>
        <p>
          Choose a new password for <strong>{link.displayName}</strong> ({link.username}) at <strong>{link.organizationName}</strong>. The link works once,
          until {formatDateTime(link.expiresAt)}.
        </p>
        <form onSubmit={submit} noValidate aria-busy={reset.busy}>
          <NewPasswordFields password={password} repeat={repeat} onPassword={setPassword} onRepeat={setRepeat} errors={errors} policy={link.passwordPolicy} />
          <ErrorMessage message={errors.token ?? (Object.keys(reset.fieldErrors).length ? null : reset.error)} />
          <div className="actions">
            <button type="submit" className="btn btn-primary" disabled={reset.busy}>
              {reset.busy ? 'Saving…' : 'Set password and sign in'}
            </button>
          </div>
        </form>
      </>
    );

  return (
    <main className="center-page" id="main">
      <div className="card narrow">
        <h1>Set a new password</h1>
        {body}
      </div>
    </main>
  );
}
