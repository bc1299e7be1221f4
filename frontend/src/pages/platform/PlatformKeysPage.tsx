import { useEffect, useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { useAction } from '../../data/useAction';
import type { PlatformApiKeyFieldsFragment } from '../../gql/graphql';
import { formatDateTime } from '../../lib/format';
import { useCursorPager } from '../../lib/pagination';
import { ConnectionTable } from '../../components/ConnectionTable';
import { OneTimeSecretDialog } from '../../components/SecretReveal';
import { ConfirmDialog, Dialog, ErrorMessage, Field, Notice } from '../../components/ui';
import { CreatePlatformApiKeyMutation, PlatformApiKeysQuery, RevokePlatformApiKeyMutation, RotatePlatformApiKeyMutation } from './operations';

const PAGE = 25;
type Key = PlatformApiKeyFieldsFragment;
type ScopeOption = { name: string; description: string };

/** /platform/keys: platform keys (staff's, across orgs): list, create, rotate, revoke. */
export function PlatformKeysPage() {
  const pager = useCursorPager();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: PlatformApiKeysQuery, variables: { first: PAGE, after: pager.after } });
  const revoke = useAction(RevokePlatformApiKeyMutation);
  const rotate = useAction(RotatePlatformApiKeyMutation);
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<{ secret: string; name: string } | null>(null);
  const [revoking, setRevoking] = useState<Key | null>(null);
  const [rotating, setRotating] = useState<Key | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const scopes: ScopeOption[] = (data?.accessModel.scopes ?? []).filter((s) => s.grantableToKeys);

  useEffect(() => {
    document.title = 'Platform keys · quizgraph platform console';
  }, []);

  async function confirmRevoke() {
    if (!revoking) return;
    const r = await revoke.run({ input: { id: revoking.id } });
    if (!r.ok) return;
    setNotice(`${revoking.name} is revoked.`);
    setRevoking(null);
  }

  async function confirmRotate() {
    if (!rotating) return;
    const r = await rotate.run({ input: { id: rotating.id, gracePeriodSeconds: 24 * 60 * 60 } });
    if (!r.ok) return;
    setRotating(null);
    setSecret({ secret: r.data.rotatePlatformApiKey.secret, name: r.data.rotatePlatformApiKey.apiKey.name });
  }

  return (
    <>
      <div className="page-header">
        <h1>Platform keys</h1>
        <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
          New platform key
        </button>
      </div>
      <p>Keys for staff tools, reaching every organization or those listed. Their secrets are shown once.</p>
      {notice && <Notice kind="success">{notice}</Notice>}
      <ConnectionTable<Key>
        label="Platform keys"
        fetching={fetching}
        error={error}
        connection={data?.platformApiKeys}
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
        pager={pager}
        empty="No platform keys yet."
        rowKey={(k) => k.id}
        testId="platform-keys"
        columns={[
          { header: 'Name', rowHeader: true, cell: (k) => k.name },
          { header: 'Prefix', cell: (k) => <code>{k.prefix}…</code> },
          { header: 'Reaches', cell: (k) => (k.allOrganizations ? 'every organization' : k.organizations.map((o) => o.slug).join(', ')) },
          { header: 'Scopes', cell: (k) => k.scopes.join(', ') },
          { header: 'Last used', cell: (k) => formatDateTime(k.lastUsedAt, 'never') },
          { header: 'Revoked', cell: (k) => formatDateTime(k.revokedAt, '—') },
          {
            header: 'Actions',
            hiddenHeader: true,
            cell: (k) =>
              k.revokedAt ? null : (
                <span className="row-actions">
                  <button type="button" className="btn btn-small" onClick={() => setRotating(k)}>
                    Rotate
                  </button>
                  <button type="button" className="btn btn-small btn-danger" onClick={() => setRevoking(k)}>
                    Revoke
                  </button>
                </span>
              ),
          },
        ]}
      />
      {creating && (
        <CreatePlatformKeyDialog
          scopes={scopes}
          onClose={() => setCreating(false)}
          onCreated={(made) => {
            setCreating(false);
            setSecret(made);
          }}
        />
      )}
      {secret && (
        <OneTimeSecretDialog
          title="Platform key created"
          secret={secret.secret}
          label={secret.name}
          id="platform-key-secret"
          lostHint="rotate the key to get a new one"
          onDone={() => setSecret(null)}
        />
      )}
      <ConfirmDialog
        open={revoking != null}
        title={`Revoke ${revoking?.name ?? ''}?`}
        confirmLabel="Revoke"
        danger
        busy={revoke.busy}
        error={revoke.error}
        onConfirm={confirmRevoke}
        onCancel={() => setRevoking(null)}
      >
        <p>It is refused from its next request, in every server process. This is final.</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={rotating != null}
        title={`Rotate ${rotating?.name ?? ''}?`}
        confirmLabel="Rotate"
        busy={rotate.busy}
        error={rotate.error}
        onConfirm={confirmRotate}
        onCancel={() => setRotating(null)}
      >
        <p>A new key like it is made now; the old one keeps working for 24 hours, then is revoked.</p>
      </ConfirmDialog>
    </>
  );
}

function CreatePlatformKeyDialog({
  scopes,
  onClose,
  onCreated,
}: {
  scopes: ScopeOption[];
  onClose: () => void;
  onCreated: (made: { secret: string; name: string }) => void;
}) {
  const create = useAction(CreatePlatformApiKeyMutation);
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<string[]>(['org:read']);
  const [everyOrg, setEveryOrg] = useState(false);
  const [orgs, setOrgs] = useState('');

  async function submit(e: FormEvent) {
    e.preventDefault();
    const slugs = orgs
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const r = await create.run({
      input: { name: name.trim(), scopes: chosen, ...(everyOrg ? { allOrganizations: true } : { organizations: slugs }) },
    });
    if (r.ok) onCreated({ secret: r.data.createPlatformApiKey.secret, name: r.data.createPlatformApiKey.apiKey.name });
  }

  const fields = create.fieldErrors;
  return (
    <Dialog open title="New platform key" onClose={onClose} wide>
      <form onSubmit={submit} noValidate>
        <ErrorMessage message={Object.keys(fields).length ? null : create.error} />
        <Field label="Name" error={fields.name}>
          {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} required />}
        </Field>
        <fieldset>
          <legend>Reaches</legend>
          <label>
            <input type="checkbox" checked={everyOrg} onChange={(e) => setEveryOrg(e.target.checked)} /> Every organization
          </label>
          {!everyOrg && (
            <Field label="Organizations (slugs, comma-separated)" error={fields.organizations ?? fields.orgs}>
              {(p) => <input {...p} value={orgs} onChange={(e) => setOrgs(e.target.value)} />}
            </Field>
          )}
        </fieldset>
        <fieldset>
          <legend>Scopes</legend>
          {fields.scopes && <p className="field-error">{fields.scopes}</p>}
          {scopes.map((s) => (
            <label key={s.name} className="scope-option">
              <input
                type="checkbox"
                checked={chosen.includes(s.name)}
                onChange={(e) => setChosen((c) => (e.target.checked ? [...c, s.name] : c.filter((n) => n !== s.name)))}
              />{' '}
              <code>{s.name}</code> {s.description}
            </label>
          ))}
        </fieldset>
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
