import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useAction } from '../../data/useAction';
import type { ConsoleOrganizationFieldsFragment, CreateOrganizationMutation as CreatedResult } from '../../gql/graphql';
import { formatDate, formatDateTime } from '../../lib/format';
import { useCursorPager, useDebounced } from '../../lib/pagination';
import { ConnectionTable } from '../../components/ConnectionTable';
import { FilterBar, SearchFilter, SelectFilter } from '../../components/FilterBar';
import { Dialog, ErrorMessage, Field } from '../../components/ui';
import { CreateOrganizationMutation, PlatformOrganizationsQuery } from './operations';

const PAGE = 25;
type StatusFilter = 'enabled' | 'disabled';
const STATUS: readonly { value: StatusFilter; label: string }[] = [
  { value: 'enabled', label: 'Enabled' },
  { value: 'disabled', label: 'Disabled' },
];
type Created = CreatedResult['createOrganization'];

/** /platform/organizations: every org with its members and activity; search, create. */
export function OrganizationsPage() {
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<StatusFilter | ''>('');
  const debounced = useDebounced(search.trim(), 300);
  const pager = useCursorPager();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: PlatformOrganizationsQuery,
    variables: { first: PAGE, after: pager.after, search: debounced || null, disabled: status === '' ? null : status === 'disabled' },
  });
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<Created | null>(null);

  useEffect(() => {
    document.title = 'Organizations · quizgraph platform console';
  }, []);

  return (
    <>
      <div className="page-header">
        <h1>Organizations</h1>
        <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
          New organization
        </button>
      </div>
      <FilterBar label="Filter organizations">
        <SearchFilter
          label="Search"
          placeholder="Slug or name"
          value={search}
          onChange={(v) => {
            setSearch(v);
            pager.reset();
          }}
        />
        <SelectFilter
          label="Status"
          allLabel="All"
          value={status}
          options={STATUS}
          onChange={(v) => {
            setStatus(v);
            pager.reset();
          }}
        />
      </FilterBar>
      <ConnectionTable<ConsoleOrganizationFieldsFragment>
        label="Organizations"
        fetching={fetching}
        error={error}
        connection={data?.platformOrganizations}
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
        pager={pager}
        empty="No organization matches."
        rowKey={(o) => o.id}
        testId="platform-orgs"
        columns={[
          { header: 'Organization', rowHeader: true, cell: (o) => <Link to={`/platform/organizations/${encodeURIComponent(o.id)}`}>{o.name}</Link> },
          { header: 'Slug', cell: (o) => <code>{o.slug}</code> },
          { header: 'Status', cell: (o) => (o.disabled ? <span className="badge badge-danger">disabled</span> : 'enabled') },
          { header: 'Members', cell: (o) => o.memberCount },
          { header: 'Last activity', cell: (o) => formatDateTime(o.lastActivityAt, 'never') },
          { header: 'Attempts (30 days)', cardLabel: 'Attempts', cell: (o) => o.attemptsLast30Days },
          { header: 'Created', cell: (o) => formatDate(o.createdAt) },
        ]}
      />
      {creating && (
        <CreateOrganizationDialog
          onClose={() => setCreating(false)}
          onCreated={(made) => {
            setCreating(false);
            setCreated(made);
          }}
        />
      )}
      {created && <CreatedOrganizationDialog created={created} onDone={() => setCreated(null)} />}
    </>
  );
}

function CreateOrganizationDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (created: Created) => void }) {
  const create = useAction(CreateOrganizationMutation);
  const [slug, setSlug] = useState('');
  const [name, setName] = useState('');
  const [ownerUsername, setOwnerUsername] = useState('owner');
  const [ownerDisplayName, setOwnerDisplayName] = useState('');

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await create.run({
      input: { slug: slug.trim(), name: name.trim(), ownerUsername: ownerUsername.trim(), ownerDisplayName: ownerDisplayName.trim() || null },
    });
    if (r.ok) onCreated(r.data.createOrganization);
  }

  const fields = create.fieldErrors;
  return (
    <Dialog open title="New organization" onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <p>Its owner's first password and the portal code are generated and shown once, to hand over.</p>
        <ErrorMessage message={Object.keys(fields).length ? null : create.error} />
        <Field label="Slug" hint="Used in addresses: a-z, 0-9 and '-'." error={fields.slug}>
          {(p) => <input {...p} value={slug} onChange={(e) => setSlug(e.target.value)} required />}
        </Field>
        <Field label="Name" error={fields.name}>
          {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} required />}
        </Field>
        <Field label="Owner's username" error={fields.ownerUsername}>
          {(p) => <input {...p} value={ownerUsername} onChange={(e) => setOwnerUsername(e.target.value)} required />}
        </Field>
        <Field label="Owner's display name" hint="The username when left empty.">
          {(p) => <input {...p} value={ownerDisplayName} onChange={(e) => setOwnerDisplayName(e.target.value)} />}
        </Field>
        <div className="actions">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={create.busy}>
            {create.busy ? 'Creating…' : 'Create'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function CreatedOrganizationDialog({ created, onDone }: { created: Created; onDone: () => void }) {
  const org = created.organization;
  const loginPath = `/org/${org.slug}/portal/${created.portalCode}/login`;
  return (
    <Dialog open title={`${org.name} is ready`} onClose={onDone} wide>
      <p role="status">
        <strong>Shown once.</strong> Hand these to the owner; they are stored hashed and can't be shown again.
      </p>
      <dl className="credentials" data-testid="created-org">
        <dt>Sign-in page</dt>
        <dd>
          <code>{loginPath}</code>
        </dd>
        <dt>Portal code</dt>
        <dd>
          <code>{created.portalCode}</code>
        </dd>
        <dt>Owner</dt>
        <dd>
          <code>{created.ownerUsername}</code>
        </dd>
        <dt>First password</dt>
        <dd>
          <code>{created.ownerPassword}</code>
        </dd>
      </dl>
      <div className="actions">
        <button type="button" className="btn btn-primary" onClick={onDone}>
          Done
        </button>
      </div>
    </Dialog>
  );
}
