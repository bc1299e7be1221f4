import { useState } from 'react';
import { useViewer } from '../../data/viewer';
import { Notice } from '../../components/ui';
import { ChangePasswordForm } from './ChangePasswordForm';

/** My account: who you are, and changing your password (your other sessions end). */
export function MyAccountPage() {
  const { viewer, slug } = useViewer();
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <section aria-labelledby="account-title">
      <div className="page-head">
        <h1 id="account-title">My account</h1>
      </div>
      <dl className="facts">
        <dt>Name</dt>
        <dd>{viewer.member?.displayName}</dd>
        <dt>Username</dt>
        <dd>{viewer.member?.username}</dd>
        <dt>Role</dt>
        <dd>{viewer.role ? viewer.role.charAt(0) + viewer.role.slice(1).toLowerCase() : '—'}</dd>
      </dl>
      <h2>Change your password</h2>
      <p className="muted">Your other sessions (other browsers and devices) are signed out; this one stays signed in.</p>
      {notice && <Notice kind="success">{notice}</Notice>}
      {viewer.kind === 'MEMBER' ? (
        <ChangePasswordForm
          slug={slug}
          currentLabel="Current password"
          submitLabel="Change password"
          onChanged={(ended) =>
            setNotice(`Your password was changed.${ended ? ` ${ended} other ${ended === 1 ? 'session was' : 'sessions were'} signed out.` : ''}`)
          }
        />
      ) : (
        <p>Only members signed in on the portal have a password to change.</p>
      )}
    </section>
  );
}
