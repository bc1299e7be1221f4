import { useEffect, useState, type FormEvent } from 'react';
import { useClient } from 'urql';
import { useLatestQuery } from '../../lib/useLatestQuery';
import { AddMemberMutation, MembersQuery, RemoveMemberMutation, UpdateMemberMutation } from './operations';
import { useViewer } from '../../data/viewer';
import { ROLES, type Role } from '../../lib/scopes';
import { assignableRoles, manageRefusal } from '../../lib/roles';
import { errorInfo } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { useCursorPager, useDebounced } from '../../lib/pagination';
import { validateAddMember, hasErrors, type AddMemberForm, type FieldErrors, type AddMemberField } from '../../lib/validation';
import { ConfirmDialog, Dialog, ErrorMessage, Field, Notice, ConnectionPager, Spinner } from '../../components/ui';

const PAGE = 25;
type DisabledFilter = 'all' | 'active' | 'disabled';
type MemberRow = { id: string; username: string; displayName: string; role: Role; disabled: boolean; createdAt: string };

export function MembersPage() {
  const { viewer, slug } = useViewer();
  const canWrite = viewer.scopes.includes('members:write');
  const [search, setSearch] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [disabled, setDisabled] = useState<DisabledFilter>('all');
  const debouncedSearch = useDebounced(search.trim(), 300);
  const pager = useCursorPager();
  const [{ data, fetching, error }, reload] = useLatestQuery(MembersQuery, {
    slug,
    first: PAGE,
    after: pager.after,
    role: role || null,
    disabled: disabled === 'all' ? null : disabled === 'disabled',
    search: debouncedSearch || null,
  });
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [rowError, setRowError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<MemberRow | null>(null);
  const [removeBusy, setRemoveBusy] = useState(false);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const client = useClient();
  const [changingRole, setChangingRole] = useState<MemberRow | null>(null);
  const [newRole, setNewRole] = useState<Role>('STUDENT');
  const [roleBusy, setRoleBusy] = useState(false);
  const [roleError, setRoleError] = useState<string | null>(null);
  const guard = (self: boolean, run: () => void) => ({ disabled: self, onClick: run });
  const actorRole = (viewer.role ?? null) as Role | null;
  const platform = viewer.kind === 'PLATFORM_ADMIN';
  const grantable = assignableRoles(ROLES, actorRole, platform);
  const ownerRule = manageRefusal(actorRole, 'OWNER', platform);

  const conn = data?.organization?.members;
  const rows = (conn?.edges ?? []).map((e) => e.node as MemberRow);

  async function update(m: MemberRow, patch: { role?: Role; disabled?: boolean }): Promise<string | null> {
    setRowError(null);
    setNotice(null);
    const r = await client.mutation(UpdateMemberMutation, { input: { id: m.id, ...patch } }).toPromise();
    const info = errorInfo(r.error);
    if (info) {
      if (!patch.role) setRowError(`${m.displayName}: ${info.message}`);
      reload();
      return info.message;
    }
    setNotice(
      patch.role ? `${m.displayName} is now ${patch.role.toLowerCase()}.` : `${m.displayName} is ${patch.disabled ? 'disabled' : 'enabled'}.`,
    );
    reload();
    return null;
  }

  async function confirmRole() {
    if (!changingRole) return;
    if (newRole === changingRole.role) {
      setChangingRole(null);
      return;
    }
    setRoleBusy(true);
    const message = await update(changingRole, { role: newRole });
    setRoleBusy(false);
    if (message) setRoleError(message);
    else setChangingRole(null);
  }

  async function confirmRemove() {
    if (!removing) return;
    setRemoveBusy(true);
    setRemoveError(null);
    const r = await client.mutation(RemoveMemberMutation, { input: { id: removing.id } }).toPromise();
    setRemoveBusy(false);
    const info = errorInfo(r.error);
    if (info) {
      setRemoveError(info.message);
      return;
    }
    setNotice(`${removing.displayName} was removed.`);
    setRemoving(null);
    reload();
  }

  return (
    <section aria-labelledby="members-title">
      <div className="page-head">
        <h1 id="members-title">Members</h1>
        {canWrite && (
          <button type="button" className="btn btn-primary" onClick={() => setAdding(true)}>
            Add member
          </button>
        )}
      </div>

      <form className="filters" role="search" aria-label="Filter members" onSubmit={(e) => e.preventDefault()}>
        <Field label="Search">
          {(p) => (
            <input
              {...p}
              type="search"
              placeholder="Name or username"
              value={search}
              onChange={(e) => {
                setSearch(e.target.value);
                pager.reset();
              }}
            />
          )}
        </Field>
        <Field label="Role">
          {(p) => (
            <select
              {...p}
              value={role}
              onChange={(e) => {
                setRole(e.target.value as Role | '');
                pager.reset();
              }}
            >
              <option value="">All roles</option>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {roleLabel(r)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Status">
          {(p) => (
            <select
              {...p}
              value={disabled}
              onChange={(e) => {
                setDisabled(e.target.value as DisabledFilter);
                pager.reset();
              }}
            >
              <option value="all">All</option>
              <option value="active">Active</option>
              <option value="disabled">Disabled</option>
            </select>
          )}
        </Field>
      </form>

      {notice && <Notice kind="success">{notice}</Notice>}
      <ErrorMessage message={rowError} />

      {fetching && !data ? (
        <Spinner label="Loading members…" />
      ) : error ? (
        <ErrorMessage error={error} onRetry={reload} />
      ) : rows.length === 0 ? (
        <p className="empty">No members match.</p>
      ) : (
        <div className="table-wrap">
          <table className="table table-stack">
            <caption className="visually-hidden">Members</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Username</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
                <th scope="col">Joined</th>
                {canWrite && <th scope="col">Actions</th>}
              </tr>
            </thead>
            <tbody>
              {rows.map((m) => {
                const self = m.id === viewer.member?.id;
                const refusal = manageRefusal(actorRole, m.role, platform);
                return (
                  <tr key={m.id}>
                    <th scope="row">
                      {m.displayName}
                      {self && <span className="badge">you</span>}
                    </th>
                    <td data-label="Username">{m.username}</td>
                    <td data-label="Role">{roleLabel(m.role)}</td>
                    <td data-label="Status">
                      <span className={`status status-${m.disabled ? 'disabled' : 'active'}`}>{m.disabled ? 'Disabled' : 'Active'}</span>
                    </td>
                    <td data-label="Joined">{formatDate(m.createdAt)}</td>
                    {canWrite && (
                      <td data-label="Actions">
                        {refusal ? (
                          <span className="muted small" data-testid="member-rule">
                            {refusal}
                          </span>
                        ) : (
                        <div className="row-actions">
                          <button
                            type="button"
                            className="btn btn-small"
                            {...guard(self, () => {
                              setRoleError(null);
                              setChangingRole(m);
                            })}
                            aria-label={`Change role of ${m.displayName}`}
                          >
                            Change role
                          </button>
                          <button
                            type="button"
                            className="btn btn-small"
                            {...guard(self, () => void update(m, { disabled: !m.disabled }))}
                            aria-label={`${m.disabled ? 'Enable' : 'Disable'} ${m.displayName}`}
                          >
                            {m.disabled ? 'Enable' : 'Disable'}
                          </button>
                          <button
                            type="button"
                            className="btn btn-small btn-danger"
                            {...guard(self, () => {
                              setRemoveError(null);
                              setRemoving(m);
                            })}
                            aria-label={`Remove ${m.displayName}`}
                          >
                            Remove
                          </button>
                        </div>
                        )}
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {conn && (
        <ConnectionPager label="Members" pager={pager} connection={conn} />
      )}

      <AddMemberDialog
        open={adding}
        roles={grantable}
        rule={ownerRule}
        onClose={() => setAdding(false)}
        onAdded={(name) => {
          setAdding(false);
          setNotice(`${name} was added.`);
          reload();
        }}
      />
      {changingRole && (
        <ConfirmDialog
          open
          title="Change role"
          confirmLabel="Save role"
          busy={roleBusy}
          error={roleError}
          onCancel={() => setChangingRole(null)}
          onConfirm={() => void confirmRole()}
        >
          <RolePicker member={changingRole} roles={grantable} rule={ownerRule} value={newRole} onChange={setNewRole} />
        </ConfirmDialog>
      )}
      <ConfirmDialog
        open={removing != null}
        title="Remove member"
        confirmLabel={removing ? `Remove ${removing.displayName}` : 'Remove'}
        danger
        busy={removeBusy}
        error={removeError}
        onCancel={() => setRemoving(null)}
        onConfirm={() => void confirmRemove()}
      >
        <p>
          Remove <strong>{removing?.displayName}</strong> ({removing?.username}) from the organization? Their API keys stop working.
        </p>
      </ConfirmDialog>
    </section>
  );
}

function RolePicker({
  member,
  roles,
  rule,
  value,
  onChange,
}: {
  member: MemberRow;
  roles: readonly Role[];
  rule: string | null;
  value: Role;
  onChange: (r: Role) => void;
}) {
  useEffect(() => onChange(member.role), [member, onChange]);
  return (
    <>
      <p>
        Choose a new role for <strong>{member.displayName}</strong> ({member.username}).
      </p>
      <Field
        label="Role"
        hint={`Owners and admins manage members and API keys; teachers manage quizzes; students take quizzes.${rule ? ` ${rule}` : ''}`}
      >
        {(p) => (
          <select {...p} value={value} onChange={(e) => onChange(e.target.value as Role)}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {roleLabel(r)}
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  );
}

export function roleLabel(r: Role | string): string {
  return r.charAt(0) + r.slice(1).toLowerCase();
}

const EMPTY: AddMemberForm = { username: '', displayName: '', role: 'STUDENT', password: '' };

function AddMemberDialog({
  open,
  roles,
  rule,
  onClose,
  onAdded,
}: {
  open: boolean;
  roles: readonly Role[];
  rule: string | null;
  onClose: () => void;
  onAdded: (name: string) => void;
}) {
  const client = useClient();
  const [form, setForm] = useState<AddMemberForm>(EMPTY);
  const [errors, setErrors] = useState<FieldErrors<AddMemberField>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function close() {
    setForm(EMPTY);
    setErrors({});
    setFormError(null);
    onClose();
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const v = validateAddMember(form);
    setErrors(v);
    setFormError(null);
    if (hasErrors(v)) return;
    setBusy(true);
    const r = await client
      .mutation(AddMemberMutation, {
        input: { username: form.username.trim(), displayName: form.displayName.trim(), role: form.role as Role, password: form.password },
      })
      .toPromise();
    setBusy(false);
    const info = errorInfo(r.error);
    if (info) {
      setErrors(info.fields as FieldErrors<AddMemberField>);
      setFormError(info.message);
      return;
    }
    const name = r.data?.addMember.member.displayName ?? form.displayName;
    setForm(EMPTY);
    setErrors({});
    onAdded(name);
  }

  const set = (k: AddMemberField) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));

  return (
    <Dialog open={open} title="Add member" onClose={close}>
      <form onSubmit={submit} noValidate>
        <Field label="Username" error={errors.username} hint="3 to 64 characters: a-z, 0-9, dots, dashes, underscores.">
          {(p) => <input {...p} autoComplete="off" autoCapitalize="none" value={form.username} onChange={set('username')} />}
        </Field>
        <Field label="Display name" error={errors.displayName}>
          {(p) => <input {...p} autoComplete="off" value={form.displayName} onChange={set('displayName')} />}
        </Field>
        <Field label="Role" error={errors.role} {...(rule ? { hint: rule } : {})}>
          {(p) => (
            <select {...p} value={form.role} onChange={set('role')}>
              {roles.map((r) => (
                <option key={r} value={r}>
                  {roleLabel(r)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Initial password" error={errors.password} hint="10 to 256 characters. Share it with the member privately.">
          {(p) => <input {...p} type="password" autoComplete="new-password" value={form.password} onChange={set('password')} />}
        </Field>
        <ErrorMessage message={formError} />
        <div className="actions">
          <button type="button" className="btn" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Adding…' : 'Add member'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
