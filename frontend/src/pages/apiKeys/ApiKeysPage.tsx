import { lazy, Suspense, useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { useAction } from '../../data/useAction';
import type { ApiKeyFieldsFragment, ApiKeysQuery as ApiKeysResult } from '../../gql/graphql';
import {
  ApiKeysQuery,
  CreateApiKeyMutation,
  RevokeApiKeyMutation,
  RotateApiKeyMutation,
  SetApiAccessMutation,
  SetApiKeyEnabledMutation,
} from './operations';
import { useViewer } from '../../data/viewer';
import { formatDate, formatDateTime, keyStatus } from '../../lib/format';
import { canWriteOrg } from '../../lib/nav';
import { sortScopes } from '../../lib/access';
import { useCursorPager } from '../../lib/pagination';
import {
  expiryToIso,
  hasErrors,
  validateCreateKey,
  type CreateKeyField,
  type CreateKeyForm,
  type FieldErrors,
} from '../../lib/validation';
import { ConfirmDialog, Dialog, ErrorMessage, Field, Notice } from '../../components/ui';
import { ConnectionTable } from '../../components/ConnectionTable';
import { ScopePicker } from './ScopePicker';
import { CodeSnippet, OneTimeSecretDialog } from '../../components/SecretReveal';
import { curlSnippet, pythonSnippet } from '../../lib/apiKeySnippets';
import { GRAPHQL_PATH } from '../../data/client';

const PAGE = 25;

// The usage dialog brings uPlot (the analytics pages' chart): loaded when first opened.
const KeyUsageDialog = lazy(() => import('./KeyUsageDialog'));

type KeyRow = ApiKeyFieldsFragment;
type ListedKey = NonNullable<NonNullable<ApiKeysResult['organization']>['apiKeys']>['edges'][number]['node'];

export function ApiKeysPage() {
  const { viewer, access, slug } = useViewer();
  const canWrite = viewer.scopes.includes('api_keys:write');
  const isOwner = canWriteOrg(viewer.scopes);
  const pager = useCursorPager();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: ApiKeysQuery, variables: { slug, first: PAGE, after: pager.after } });
  const retry = () => reexecute({ requestPolicy: 'network-only' });
  const setKeyEnabled = useAction(SetApiKeyEnabledMutation);
  const revokeKey = useAction(RevokeApiKeyMutation);
  const setApiAccess = useAction(SetApiAccessMutation);
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<KeyRow | null>(null);
  const [rotating, setRotating] = useState<KeyRow | null>(null);
  const [viewingUsage, setViewingUsage] = useState<KeyRow | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [confirmAccessOff, setConfirmAccessOff] = useState(false);


  const org = data?.organization;
  const conn = org?.apiKeys;
  const rows = (conn?.edges ?? []).map((e) => e.node);
  const accessOn = org?.apiAccessEnabled ?? null;
  // Keys that work now and stop while API access is off (a rotated key in its grace period too).
  const working = rows.filter((k) => {
    const st = keyStatus(k);
    return st === 'active' || st === 'retiring';
  }).length;
  const moreOnLaterPages = Boolean(conn?.pageInfo.hasNextPage);

  async function setEnabled(k: KeyRow, enabled: boolean) {
    if (busyId === k.id) return;
    setBusyId(k.id);
    setActionError(null);
    setNotice(null);
    const r = await setKeyEnabled.run({ input: { id: k.id, enabled } });
    setBusyId(null);
    if (!r.ok) setActionError(`${k.name}: ${r.failure.message}`);
    else setNotice(`“${k.name}” is ${enabled ? 'enabled' : 'disabled'}.`);
  }

  async function confirmRevoke() {
    if (!revoking) return;
    const r = await revokeKey.run({ input: { id: revoking.id } });
    if (!r.ok) return;
    setNotice(`“${revoking.name}” was revoked.`);
    setRevoking(null);
  }

  async function setAccess(enabled: boolean): Promise<boolean> {
    setActionError(null);
    setNotice(null);
    const r = await setApiAccess.run({ input: { enabled } });
    if (!r.ok) return false;
    setNotice(enabled ? 'API access is on for the organization.' : 'API access is off: every key of the organization is refused.');
    return true;
  }

  function keyActions(k: KeyRow) {
    const status = keyStatus(k);
    // A rotated key in its grace period can still be revoked at once, nothing else.
    const canChange = status !== 'revoked' && status !== 'retiring';
    return (
      <div className="row-actions">
        {canChange && (
          <>
            <button
              type="button"
              className="btn btn-small"
              onClick={() => void setEnabled(k, !k.enabled)}
              aria-busy={busyId === k.id || undefined}
              aria-label={`${k.enabled ? 'Disable' : 'Enable'} ${k.name}`}
            >
              {k.enabled ? 'Disable' : 'Enable'}
            </button>
            <button type="button" className="btn btn-small" onClick={() => setRotating(k)} aria-label={`Rotate ${k.name}`}>
              Rotate
            </button>
          </>
        )}
        {status !== 'revoked' && (
          <button
            type="button"
            className="btn btn-small btn-danger"
            onClick={() => {
              revokeKey.reset();
              setRevoking(k);
            }}
            aria-label={`Revoke ${k.name}`}
          >
            Revoke
          </button>
        )}
      </div>
    );
  }

  return (
    <section aria-labelledby="keys-title">
      <div className="page-head">
        <h1 id="keys-title">API keys</h1>
        {canWrite && (
          <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
            Create API key
          </button>
        )}
      </div>

      {isOwner && (
        <div className="card switch-card">
          <label className="switch">
            <input
              type="checkbox"
              role="switch"
              checked={accessOn ?? false}
              disabled={setApiAccess.busy || accessOn == null}
              onChange={(e) => {
                if (e.target.checked) void setAccess(true);
                else {
                  setApiAccess.reset();
                  setConfirmAccessOff(true);
                }
              }}
              aria-describedby="api-access-hint"
            />
            <span>API access for the organization</span>
          </label>
          <p className="hint" id="api-access-hint">
            {accessOn == null
              ? fetching
                ? 'Loading…'
                : "Unknown: the organization's settings could not be loaded."
              : accessOn
                ? 'On: keys work according to their own status.'
                : 'Off: every key of this organization is refused; they show as paused and work again when access is switched on.'}
          </p>
          {!confirmAccessOff && <ErrorMessage message={setApiAccess.error} />}
        </div>
      )}
      {org && !isOwner && !org.apiAccessEnabled && (
        <Notice kind="warning">API access is switched off for this organization by its owner; no key works.</Notice>
      )}

      {notice && <Notice kind="success">{notice}</Notice>}
      <ErrorMessage message={actionError} />

      <ConnectionTable
        label="API keys"
        testId="api-keys-table"
        fetching={fetching}
        error={error}
        connection={conn}
        onRetry={retry}
        pager={pager}
        loadingLabel="Loading API keys…"
        empty="No API keys yet."
        rowKey={(k) => k.id}
        rowProps={(k) => ({ 'data-key-name': k.name })}
        columns={[
          {
            header: 'Name',
            rowHeader: true,
            cell: (k) => (
              <>
                {k.name}
                <div className="muted small">
                  by {k.createdBy?.displayName ?? 'unknown'}, {formatDate(k.createdAt)}
                </div>
              </>
            ),
          },
          { header: 'Prefix', cell: (k) => <code>{k.prefix}…</code> },
          {
            header: 'Scopes',
            cell: (k) => (
              <ul className="chips" aria-label="Scopes">
                {sortScopes(access, k.scopes).map((s) => (
                  <li key={s} className="chip-static">
                    {s}
                  </li>
                ))}
              </ul>
            ),
          },
          { header: 'Limit', cell: (k) => `${k.rateLimitPerMinute}/min` },
          { header: 'Last used', cell: (k) => <LastUsed apiKey={k} /> },
          { header: 'Expires', cell: (k) => formatDate(k.expiresAt, 'Never') },
          { header: 'Status', cell: (k) => <KeyStatus apiKey={k} accessOn={accessOn} /> },
          {
            header: 'Usage',
            cell: (k) => (
              <button type="button" className="btn btn-small" onClick={() => setViewingUsage(k)} aria-label={`Usage of ${k.name}`}>
                Usage
              </button>
            ),
          },
          canWrite && { header: 'Actions', cell: (k) => keyActions(k) },
        ]}
      />

      {creating && (
        <CreateKeyDialog
          viewerScopes={viewer.scopes}
          onClose={(created) => {
            setCreating(false);
            if (created) setNotice(`“${created}” was created.`);
          }}
        />
      )}
      {viewingUsage && (
        <Suspense fallback={<p className="muted">Loading usage…</p>}>
          <KeyUsageDialog keyId={viewingUsage.id} name={viewingUsage.name} onClose={() => setViewingUsage(null)} />
        </Suspense>
      )}
      {rotating && (
        <RotateKeyDialog
          apiKey={rotating}
          onClose={(rotated) => {
            setRotating(null);
            if (rotated) setNotice(`“${rotating.name}” was rotated.`);
          }}
        />
      )}
      <ConfirmDialog
        open={confirmAccessOff}
        title="Switch API access off?"
        confirmLabel="Switch API access off"
        danger
        busy={setApiAccess.busy}
        error={setApiAccess.error}
        onCancel={() => setConfirmAccessOff(false)}
        onConfirm={() =>
          void setAccess(false).then((ok) => {
            if (ok) setConfirmAccessOff(false);
          })
        }
      >
        <p data-testid="api-access-off-count">
          {working === 0 && !moreOnLaterPages
            ? 'No key works right now, so nothing stops; new keys will be refused until access is switched on again.'
            : `${moreOnLaterPages ? 'At least ' : ''}${working} ${working === 1 ? 'key stops' : 'keys stop'} working at once: every request with ${working === 1 ? 'it' : 'them'} is refused until API access is switched on again.`}
        </p>
        <p>The keys are not changed: they show as paused and work again when you switch access back on.</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={revoking != null}
        title="Revoke API key"
        confirmLabel={revoking ? `Revoke “${revoking.name}”` : 'Revoke'}
        danger
        busy={revokeKey.busy}
        error={revokeKey.error}
        onCancel={() => setRevoking(null)}
        onConfirm={() => void confirmRevoke()}
      >
        <p>
          Revoke <strong>“{revoking?.name}”</strong> (<code>{revoking?.prefix}…</code>)? Requests with this key are refused from now on.
          This can't be undone.
        </p>
      </ConfirmDialog>
    </section>
  );
}

/** When the key was last used (the usage counts, else the key's own note) and from where. */
function LastUsed({ apiKey }: { apiKey: ListedKey }) {
  const at: string | null | undefined = apiKey.usage.lastUsedAt ?? apiKey.lastUsedAt;
  return (
    <>
      {formatDateTime(at, 'Never')}
      {apiKey.usage.lastUsedIp && <div className="muted small">from {apiKey.usage.lastUsedIp}</div>}
    </>
  );
}

/** A key's status; working keys show as paused while the org's API access is off. A working key
 * nobody used for 30 days is marked, as a candidate to revoke. */
function KeyStatus({ apiKey, accessOn }: { apiKey: ListedKey; accessOn: boolean | null }) {
  const status = keyStatus(apiKey);
  return (
    <>
      {status === 'active' && apiKey.usage.unusedFor30Days && (
        <span className="status status-disabled" data-testid="key-unused" title="No request in the last 30 days: revoke it if nothing needs it">
          Unused 30 days
        </span>
      )}
      {accessOn === false && (status === 'active' || status === 'retiring') ? (
        <span className="status status-paused" data-testid="key-status">
          Paused (API access off)
        </span>
      ) : (
        <span className={`status status-${status}`} data-testid="key-status">
          {status.charAt(0).toUpperCase() + status.slice(1)}
        </span>
      )}
      {status === 'retiring' && <div className="muted small">until {formatDateTime(apiKey.revokedAt)}</div>}
    </>
  );
}

// An empty rate limit is left out: the server gives the key the organization's default (Settings).
const EMPTY_FORM: CreateKeyForm = { name: '', scopes: [], rateLimitPerMinute: '', expiresOn: '' };

/** Mounted only while open, so the secret lives only as long as the dialog. */
function CreateKeyDialog({ viewerScopes, onClose }: { viewerScopes: readonly string[]; onClose: (created: string | null) => void }) {
  const { access } = useViewer();
  const createKey = useAction(CreateApiKeyMutation);
  const [form, setForm] = useState<CreateKeyForm>(EMPTY_FORM);
  const [errors, setErrors] = useState<FieldErrors<CreateKeyField>>({});
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const v = validateCreateKey(form, viewerScopes, access);
    setErrors(v);
    createKey.reset();
    if (hasErrors(v)) return;
    const rl = form.rateLimitPerMinute.trim();
    const r = await createKey.run({
      input: {
        name: form.name.trim(),
        scopes: [...form.scopes],
        ...(rl ? { rateLimitPerMinute: Number(rl) } : {}),
        ...(form.expiresOn ? { expiresAt: expiryToIso(form.expiresOn) } : {}),
      },
    });
    if (!r.ok) {
      setErrors(mapKeyFields(r.failure.fields));
      return;
    }
    const { apiKey, secret } = r.data.createApiKey;
    setCreated({ name: apiKey.name, secret });
  }

  const close = () => {
    setCreated(null);
    onClose(created?.name ?? null);
  };

  if (created) return <KeySecretDialog title="Your new API key" name={created.name} secret={created.secret} onDone={close} />;
  return (
    <Dialog open title="Create API key" onClose={close} wide>
        <form onSubmit={submit} noValidate>
          <Field label="Name" error={errors.name} hint="What uses this key, e.g. “Gradebook sync”.">
            {(p) => <input {...p} autoComplete="off" value={form.name} onChange={(e) => setForm((f) => ({ ...f, name: e.target.value }))} />}
          </Field>
          <ScopePicker
            selected={form.scopes}
            viewerScopes={viewerScopes}
            error={errors.scopes}
            onChange={(scopes) => setForm((f) => ({ ...f, scopes }))}
          />
          <div className="row-2">
            <Field label="Rate limit (requests per minute)" error={errors.rateLimitPerMinute} hint="1 to 10,000; empty for the organization’s default.">
              {(p) => (
                <input
                  {...p}
                  inputMode="numeric"
                  placeholder="Organization default"
                  value={form.rateLimitPerMinute}
                  onChange={(e) => setForm((f) => ({ ...f, rateLimitPerMinute: e.target.value }))}
                />
              )}
            </Field>
            <Field label="Expires on (optional)" error={errors.expiresOn} hint="Leave empty for a key that does not expire.">
              {(p) => (
                <input {...p} type="date" value={form.expiresOn} onChange={(e) => setForm((f) => ({ ...f, expiresOn: e.target.value }))} />
              )}
            </Field>
          </div>
          <ErrorMessage message={createKey.error} />
          <div className="actions">
            <button type="button" className="btn" onClick={close}>
              Cancel
            </button>
            <button type="submit" className="btn btn-primary" disabled={createKey.busy}>
              {createKey.busy ? 'Creating…' : 'Create key'}
            </button>
          </div>
        </form>
    </Dialog>
  );
}

function mapKeyFields(fields: Record<string, string>): FieldErrors<CreateKeyField> {
  const out: FieldErrors<CreateKeyField> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (k === 'expiresAt') out.expiresOn = v;
    else if (k === 'name' || k === 'scopes' || k === 'rateLimitPerMinute') out[k] = v;
  }
  return out;
}

export const GRACE_PERIODS: readonly { seconds: number; label: string }[] = [
  { seconds: 0, label: 'None: the old key stops now' },
  { seconds: 3600, label: '1 hour' },
  { seconds: 86400, label: '24 hours' },
  { seconds: 7 * 86400, label: '7 days (the longest allowed)' },
];

function RotateKeyDialog({ apiKey, onClose }: { apiKey: KeyRow; onClose: (rotated: boolean) => void }) {
  const rotateKey = useAction(RotateApiKeyMutation);
  const [grace, setGrace] = useState(86400);
  const [secret, setSecret] = useState<{ name: string; secret: string } | null>(null);

  async function rotate(e: FormEvent) {
    e.preventDefault();
    const r = await rotateKey.run({ input: { id: apiKey.id, gracePeriodSeconds: grace } });
    if (!r.ok) return;
    setSecret({ name: r.data.rotateApiKey.apiKey.name, secret: r.data.rotateApiKey.secret });
  }

  const close = () => {
    const done = secret != null;
    setSecret(null);
    onClose(done);
  };

  if (secret) return <KeySecretDialog title="Your rotated API key" name={secret.name} secret={secret.secret} onDone={close} />;
  return (
    <Dialog open title={`Rotate “${apiKey.name}”`} onClose={close} wide>
        <form onSubmit={rotate}>
          <p>
            A new secret replaces <code>{apiKey.prefix}…</code>, with the same name, scopes and limit. Choose how long the old secret keeps
            working so your systems can switch over.
          </p>
          <ErrorMessage message={rotateKey.error} />
          <Field label="Grace period for the old secret">
            {(p) => (
              <select {...p} value={grace} onChange={(e) => setGrace(Number(e.target.value))}>
                {GRACE_PERIODS.map((g) => (
                  <option key={g.seconds} value={g.seconds}>
                    {g.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="actions">
            <button type="button" className="btn" onClick={close}>
              Cancel
            </button>
            <button type="submit" className="btn btn-primary" disabled={rotateKey.busy}>
              {rotateKey.busy ? 'Rotating…' : 'Rotate key'}
            </button>
          </div>
        </form>
    </Dialog>
  );
}

/** A new key's secret, once, with ready-to-paste calls using it; leaving asks first. */
function KeySecretDialog({ title, name, secret, onDone }: { title: string; name: string; secret: string; onDone: () => void }) {
  const endpoint = `${window.location.origin}${GRAPHQL_PATH}`;
  return (
    <OneTimeSecretDialog title={title} secret={secret} label={name} id="api-key-secret" lostHint="rotate the key to get a new one" onDone={onDone}>
      <div className="key-snippets">
        <p className="hint">
          Send it as <code>Authorization: Bearer …</code> to <code>{endpoint}</code>. Ready to paste, with this key:
        </p>
        <CodeSnippet title="curl" code={curlSnippet(endpoint, secret)} testId="snippet-curl" />
        <CodeSnippet title="Python" code={pythonSnippet(endpoint, secret)} testId="snippet-python" />
      </div>
    </OneTimeSecretDialog>
  );
}
