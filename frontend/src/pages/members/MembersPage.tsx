import { useEffect, useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { useAction } from '../../data/useAction';
import type { MemberFieldsFragment } from '../../gql/graphql';
import { AddMemberMutation, MembersQuery, RemoveMemberMutation, UpdateMemberMutation } from './operations';
import { useViewer } from '../../data/viewer';
import { rolesOf, type Role } from '../../lib/access';
import { assignableRoles, manageRefusal } from '../../lib/roles';
import { formatDate } from '../../lib/format';
import { useCursorPager, useDebounced } from '../../lib/pagination';
import { validateAddMember, hasErrors, type AddMemberForm, type FieldErrors, type AddMemberField } from '../../lib/validation';
import { ConfirmDialog, Dialog, ErrorMessage, Field, Notice } from '../../components/ui';
import { ConnectionTable } from '../../components/ConnectionTable';
import { FilterBar, SearchFilter, SelectFilter } from '../../components/FilterBar';
import { ImportMembersDialog } from './ImportMembersDialog';
import { PortalCodeCard } from './PortalCodeCard';
import { ResetPasswordDialog } from './ResetPasswordDialog';

const PAGE = 25;
type DisabledFilter = 'active' | 'disabled';
const STATUS_FILTERS: readonly { value: DisabledFilter; label: string }[] = [
  { value: 'active', label: 'Active' },
  { value: 'disabled', label: 'Disabled' },
];
type MemberRow = MemberFieldsFragment;

export function MembersPage() {
  const { viewer, access, slug } = useViewer();
  const canWrite = viewer.scopes.includes('members:write');
  const ownsOrg = viewer.scopes.includes('org:write');
  const roles = rolesOf(access);
  const [search, setSearch] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [disabled, setDisabled] = useState<DisabledFilter | ''>('');
  const debouncedSearch = useDebounced(search.trim(), 300);
  const pager = useCursorPager();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: MembersQuery,
    variables: {
      slug,
      first: PAGE,
      after: pager.after,
      role: role || null,
      disabled: disabled === '' ? null : disabled === 'disabled',
      search: debouncedSearch || null,
    },
  });
  const retry = () => reexecute({ requestPolicy: 'network-only' });
  const updateMember = useAction(UpdateMemberMutation);
  const removeMember = useAction(RemoveMemberMutation);
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const [resetting, setResetting] = useState<MemberRow | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [rowError, setRowError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<MemberRow | null>(null);
  const [changingRole, setChangingRole] = useState<MemberRow | null>(null);
  const [newRole, setNewRole] = useState<Role>('STUDENT');
  const guard = (self: boolean, run: () => void) => ({ disabled: self, onClick: run });
  const actorRole = viewer.role ?? null;
  const platform = viewer.kind === 'PLATFORM_ADMIN';
  const grantable = assignableRoles(roles, actorRole, platform);
  const ownerRule = manageRefusal(roles, actorRole, 'OWNER', platform);

  const conn = data?.organization?.members;

  async function update(m: MemberRow, patch: { role?: Role; disabled?: boolean }): Promise<boolean> {
    setRowError(null);
    setNotice(null);
    const r = await updateMember.run({ input: { id: m.id, ...patch } });
    if (!r.ok) {
      if (!patch.role) setRowError(`${m.displayName}: ${r.failure.message}`);
      return false;
    }
    setNotice(
      patch.role ? `${m.displayName} is now ${patch.role.toLowerCase()}.` : `${m.displayName} is ${patch.disabled ? 'disabled' : 'enabled'}.`,
    );
    return true;
  }

  async function confirmRole() {
    if (!changingRole) return;
    if (newRole === changingRole.role) {
      setChangingRole(null);
      return;
    }
    if (await update(changingRole, { role: newRole })) setChangingRole(null);
  }

  async function confirmRemove() {
    if (!removing) return;
    const r = await removeMember.run({ input: { id: removing.id } });
    if (!r.ok) return;
    setNotice(`${removing.displayName} was removed.`);
    setRemoving(null);
  }

  function memberActions(m: MemberRow) {
    const self = m.id === viewer.member?.id;
    const refusal = manageRefusal(roles, actorRole, m.role, platform);
    if (refusal) {
      return (
        <span className="muted small" data-testid="member-rule">
          {refusal}
        </span>
      );
    }
    return (
      <div className="row-actions">
        <button
          type="button"
          className="btn btn-small"
          {...guard(self, () => {
            updateMember.reset();
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
          className="btn btn-small"
          {...guard(self, () => setResetting(m))}
          aria-label={`Reset the password of ${m.displayName}`}
          title={self ? 'Change your own password on My account' : undefined}
        >
          Reset password
        </button>
        <button
          type="button"
          className="btn btn-small btn-danger"
          {...guard(self, () => {
            removeMember.reset();
            setRemoving(m);
          })}
          aria-label={`Remove ${m.displayName}`}
        >
          Remove
        </button>
      </div>
    );
  }

  return (
    <section aria-labelledby="members-title">
      <div className="page-head">
        <h1 id="members-title">Members</h1>
        {canWrite && (
          <div className="row-actions">
            <button type="button" className="btn" onClick={() => setImporting(true)}>
              Import CSV
            </button>
            <button type="button" className="btn btn-primary" onClick={() => setAdding(true)}>
              Add member
            </button>
          </div>
        )}
      </div>

      <FilterBar label="Filter members">
        <SearchFilter
          label="Search"
          placeholder="Name or username"
          value={search}
          onChange={(value) => {
            setSearch(value);
            pager.reset();
          }}
        />
        <SelectFilter
          label="Role"
          allLabel="All roles"
          value={role}
          options={roles.map((r) => ({ value: r, label: roleLabel(r) }))}
          onChange={(value) => {
            setRole(value);
            pager.reset();
          }}
        />
        <SelectFilter
          label="Status"
          allLabel="All"
          value={disabled}
          options={STATUS_FILTERS}
          onChange={(value) => {
            setDisabled(value);
            pager.reset();
          }}
        />
      </FilterBar>

      {notice && <Notice kind="success">{notice}</Notice>}
      <ErrorMessage message={rowError} />

      <ConnectionTable
        label="Members"
        fetching={fetching}
        error={error}
        connection={conn}
        onRetry={retry}
        pager={pager}
        loadingLabel="Loading members…"
        empty="No members match."
        rowKey={(m) => m.id}
        columns={[
          {
            header: 'Name',
            rowHeader: true,
            cell: (m) => (
              <>
                {m.displayName}
                {m.id === viewer.member?.id && <span className="badge">you</span>}
              </>
            ),
          },
          { header: 'Username', cell: (m) => m.username },
          { header: 'Role', cell: (m) => roleLabel(m.role) },
          {
            header: 'Status',
            cell: (m) => (
              <>
                <span className={`status status-${m.disabled ? 'disabled' : 'active'}`}>{m.disabled ? 'Disabled' : 'Active'}</span>
                {m.passwordChangeRequired && <span className="badge">temporary password</span>}
              </>
            ),
          },
          { header: 'Joined', cell: (m) => formatDate(m.createdAt) },
          canWrite && { header: 'Actions', cell: (m) => memberActions(m) },
        ]}
      />

      <ImportMembersDialog
        open={importing}
        onClose={() => setImporting(false)}
        onImported={(count) => {
          setNotice(`${count} ${count === 1 ? 'member was' : 'members were'} imported.`);
          retry();
        }}
      />
      {resetting && <ResetPasswordDialog member={resetting} onClose={() => setResetting(null)} />}
      {ownsOrg && <PortalCodeCard slug={slug} />}
      <AddMemberDialog
        open={adding}
        roles={grantable}
        rule={ownerRule}
        onClose={() => setAdding(false)}
        onAdded={(name) => {
          setAdding(false);
          setNotice(`${name} was added.`);
        }}
      />
      {changingRole && (
        <ConfirmDialog
          open
          title="Change role"
          confirmLabel="Save role"
          busy={updateMember.busy}
          error={updateMember.error}
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
        busy={removeMember.busy}
        error={removeMember.error}
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
  const addMember = useAction(AddMemberMutation);
  const [form, setForm] = useState<AddMemberForm>(EMPTY);
  const [errors, setErrors] = useState<FieldErrors<AddMemberField>>({});

  function close() {
    setForm(EMPTY);
    setErrors({});
    addMember.reset();
    onClose();
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const v = validateAddMember(form, roles);
    setErrors(v);
    addMember.reset();
    if (hasErrors(v)) return;
    const r = await addMember.run({
      input: { username: form.username.trim(), displayName: form.displayName.trim(), role: form.role as Role, password: form.password },
    });
    if (!r.ok) {
      setErrors(r.failure.fields);
      return;
    }
    const name = r.data.addMember.member.displayName;
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
        <Field label="Initial password" error={errors.password} hint="Your organization's password policy applies (at least 8 characters by default). Share it with the member privately.">
          {(p) => <input {...p} type="password" autoComplete="new-password" value={form.password} onChange={set('password')} />}
        </Field>
        <ErrorMessage message={addMember.error} />
        <div className="actions">
          <button type="button" className="btn" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={addMember.busy}>
            {addMember.busy ? 'Adding…' : 'Add member'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
