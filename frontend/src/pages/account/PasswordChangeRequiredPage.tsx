import { useEffect } from 'react';
import { ChangePasswordForm } from './ChangePasswordForm';

/**
 * After signing in with a temporary password the session can do nothing else (the API answers
 * PASSWORD_CHANGE_REQUIRED), so the layout shows only this page until the password is changed.
 */
export function PasswordChangeRequiredPage({
  slug,
  orgName,
  onChanged,
  onSignOut,
}: {
  slug: string;
  orgName: string;
  onChanged: () => void;
  onSignOut: () => void;
}) {
  useEffect(() => {
    document.title = `Choose a new password · ${orgName}`;
  }, [orgName]);
  return (
    <main className="center-page" id="main">
      <div className="card narrow">
        <h1>Choose a new password</h1>
        <p>
          You signed in to <strong>{orgName}</strong> with a temporary password. Choose your own password to continue.
        </p>
        <ChangePasswordForm slug={slug} currentLabel="Temporary password" submitLabel="Save and continue" onChanged={onChanged} />
        <p>
          <button type="button" className="btn btn-link" onClick={onSignOut}>
            Sign out instead
          </button>
        </p>
      </div>
    </main>
  );
}
