import { useState, type FormEvent } from 'react';
import { useAction } from '../../data/useAction';
import type { OrgPasswordPolicyFieldsFragment } from '../../gql/graphql';
import { ErrorMessage, Field, Notice } from '../../components/ui';
import { UpdatePasswordPolicyMutation } from './operations';
import { passwordPolicyInput } from './model';

/**
 * The org's password policy (the accounts domain's rules: `updatePasswordPolicy`, org:write): the
 * fewest characters within the platform's bounds, and whether the most common passwords are
 * refused. It applies to passwords set from now on.
 */
export function PasswordPolicySection({ current, canEdit }: { current: OrgPasswordPolicyFieldsFragment; canEdit: boolean }) {
  const update = useAction(UpdatePasswordPolicyMutation);
  const [minLength, setMinLength] = useState(String(current.minLength));
  const [rejectCommon, setRejectCommon] = useState(current.rejectCommonPasswords);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const { input, error: found } = passwordPolicyInput({ minLength, rejectCommonPasswords: rejectCommon }, current);
    setError(found);
    if (found) return;
    if (Object.keys(input).length === 0) {
      setSaved(true);
      return;
    }
    const r = await update.run({ input });
    if (r.ok) {
      const policy = r.data.updatePasswordPolicy.passwordPolicy;
      setMinLength(String(policy.minLength));
      setRejectCommon(policy.rejectCommonPasswords);
      setSaved(true);
    }
  }

  return (
    <section aria-labelledby="password-policy-title" className="card">
      <h2 id="password-policy-title">Password policy</h2>
      <p className="small muted">For passwords set from now on: new members’, changed and reset ones. Existing passwords keep working.</p>
      <form onSubmit={submit} aria-label="Password policy" noValidate>
        <fieldset disabled={!canEdit || update.busy}>
          <div className="settings-grid">
            <Field
              label="Minimum length (characters)"
              hint={`From ${current.minLengthFloor} to ${current.minLengthCeiling}.`}
              error={error ?? update.fieldErrors.minLength}
            >
              {(p) => (
                <input
                  {...p}
                  name="minLength"
                  type="number"
                  inputMode="numeric"
                  min={current.minLengthFloor}
                  max={current.minLengthCeiling}
                  value={minLength}
                  onChange={(e) => {
                    setSaved(false);
                    setMinLength(e.target.value);
                  }}
                />
              )}
            </Field>
            <label className="choice-inline policy-check">
              <input
                type="checkbox"
                name="rejectCommonPasswords"
                checked={rejectCommon}
                onChange={(e) => {
                  setSaved(false);
                  setRejectCommon(e.target.checked);
                }}
              />
              Refuse the most common passwords
            </label>
          </div>
        </fieldset>
        <ErrorMessage message={update.fieldErrors.minLength ? null : update.error} />
        {saved && <Notice kind="success">The password policy is saved.</Notice>}
        {canEdit && (
          <div className="actions">
            <button type="submit" className="btn btn-primary" disabled={update.busy}>
              {update.busy ? 'Saving…' : 'Save the password policy'}
            </button>
          </div>
        )}
      </form>
    </section>
  );
}
