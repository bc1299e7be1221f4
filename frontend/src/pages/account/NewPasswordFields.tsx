import { Field } from '../../components/ui';
import type { PasswordPolicyFieldsFragment } from '../../gql/graphql';

/** The policy in one sentence, as the API will judge it (the server has the last word). */
export function policyHint(policy: PasswordPolicyFieldsFragment | null | undefined): string {
  if (!policy) return 'Your organization’s password rules apply.';
  const common = policy.rejectCommonPasswords ? ', not one of the most common passwords' : '';
  return `At least ${policy.minLength} characters${common}, and not your username.`;
}

/** What the browser can tell before asking the server: length and the repeat. */
export function checkNewPassword(
  password: string,
  repeat: string,
  policy: PasswordPolicyFieldsFragment | null | undefined,
): Record<string, string> {
  const errors: Record<string, string> = {};
  const min = policy?.minLength ?? 8;
  if (password.length < min) errors.newPassword = `Use at least ${min} characters.`;
  else if (policy && password.length > policy.maxLength) errors.newPassword = `Use at most ${policy.maxLength} characters.`;
  if (!errors.newPassword && repeat !== password) errors.repeatPassword = 'The two passwords differ.';
  return errors;
}

export function NewPasswordFields({
  password,
  repeat,
  onPassword,
  onRepeat,
  errors,
  policy,
}: {
  password: string;
  repeat: string;
  onPassword: (value: string) => void;
  onRepeat: (value: string) => void;
  errors: Record<string, string>;
  policy: PasswordPolicyFieldsFragment | null | undefined;
}) {
  return (
    <>
      <Field label="New password" error={errors.newPassword} hint={policyHint(policy)}>
        {(p) => <input {...p} type="password" autoComplete="new-password" value={password} onChange={(e) => onPassword(e.target.value)} />}
      </Field>
      <Field label="Repeat the new password" error={errors.repeatPassword}>
        {(p) => <input {...p} type="password" autoComplete="new-password" value={repeat} onChange={(e) => onRepeat(e.target.value)} />}
      </Field>
    </>
  );
}
