import { useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { useAction } from '../../data/useAction';
import { ErrorMessage, Field } from '../../components/ui';
import { ChangeMyPasswordMutation, OwnPasswordPolicyQuery } from './operations';
import { NewPasswordFields, checkNewPassword } from './NewPasswordFields';

/** Current password, new password twice; calls `onChanged` with how many other sessions ended. */
export function ChangePasswordForm({
  slug,
  currentLabel,
  submitLabel,
  onChanged,
}: {
  slug: string;
  currentLabel: string;
  submitLabel: string;
  onChanged: (endedSessions: number) => void;
}) {
  const [{ data }] = useQuery({ query: OwnPasswordPolicyQuery, variables: { slug } });
  const policy = data?.organization?.passwordPolicy;
  const change = useAction(ChangeMyPasswordMutation);
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  async function submit(e: FormEvent) {
    e.preventDefault();
    change.reset();
    const found = checkNewPassword(password, repeat, policy);
    if (!current) found.currentPassword = 'Enter your current password.';
    setErrors(found);
    if (Object.keys(found).length) return;
    const r = await change.run({ input: { currentPassword: current, newPassword: password } });
    if (!r.ok) {
      setErrors(r.failure.fields);
      return;
    }
    setCurrent('');
    setPassword('');
    setRepeat('');
    onChanged(r.data.changeMyPassword.endedSessions);
  }

  const fieldProblems = Object.keys(change.fieldErrors).length > 0;
  return (
    <form onSubmit={submit} noValidate aria-busy={change.busy} className="narrow-form">
      <Field label={currentLabel} error={errors.currentPassword}>
        {(p) => <input {...p} type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />}
      </Field>
      <NewPasswordFields password={password} repeat={repeat} onPassword={setPassword} onRepeat={setRepeat} errors={errors} policy={policy} />
      {!fieldProblems && <ErrorMessage message={change.error} />}
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={change.busy}>
          {change.busy ? 'Saving…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
