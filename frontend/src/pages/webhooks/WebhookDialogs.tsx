import { useState, type FormEvent } from 'react';
import { useAction } from '../../data/useAction';
import type { WebhookFieldsFragment } from '../../gql/graphql';
import {
  CreateWebhookMutation,
  DeleteWebhookMutation,
  RotateWebhookSecretMutation,
  UpdateWebhookMutation,
} from './operations';
import {
  ALL_EVENTS,
  MAX_DESCRIPTION,
  ROTATION_GRACE_PERIODS,
  endpointFieldErrors,
  eventsInput,
  graceExplanation,
  selectionFromEvents,
  validateEndpoint,
  type EndpointErrors,
  type EndpointForm,
} from '../../lib/webhooks';
import { ConfirmDialog, Dialog, ErrorMessage, Field } from '../../components/ui';
import { EventPicker } from './EventPicker';
import { OneTimeSecretDialog } from '../../components/SecretReveal';

export type WebhookRow = WebhookFieldsFragment;

/** Where a secret shown once came from, for its dialog's wording. */
interface ShownSecret {
  secret: string;
  url: string;
  /** Extra explanation under the secret (the rotation's grace period). */
  note?: string;
}

/**
 * The secret, once: a copy button, and leaving (close button, Escape, Done, reloading the page)
 * asks for confirmation first, because it will not be shown again.
 */
function OneTimeSecret({ shown, title, onDone }: { shown: ShownSecret; title: string; onDone: () => void }) {
  return (
    <OneTimeSecretDialog title={title} secret={shown.secret} label={shown.url} id="webhook-secret" lostHint="rotate the secret to get a new one" onDone={onDone}>
      {shown.note && <p className="hint">{shown.note}</p>}
      <p className="hint">
        Give it to the receiver (for example as <code>QUIZGRAPH_WEBHOOK_SECRET</code>) and verify every delivery with it: see
        “Verifying deliveries” on the Webhooks page.
      </p>
    </OneTimeSecretDialog>
  );
}

const EMPTY_FORM: EndpointForm = { url: '', description: '', events: ALL_EVENTS, enabled: true };

function formOf(w: WebhookRow): EndpointForm {
  return { url: w.url, description: w.description, events: selectionFromEvents(w.events), enabled: w.enabled };
}

/** Create (no `webhook`) or edit an endpoint; a new endpoint's secret is shown once after. Mounted only while open. */
export function EndpointDialog({ webhook, onClose }: { webhook?: WebhookRow; onClose: (saved: WebhookRow | null) => void }) {
  const updateWebhook = useAction(UpdateWebhookMutation);
  const createWebhook = useAction(CreateWebhookMutation);
  const [form, setForm] = useState<EndpointForm>(() => (webhook ? formOf(webhook) : EMPTY_FORM));
  const [errors, setErrors] = useState<EndpointErrors>({});
  const [created, setCreated] = useState<{ row: WebhookRow; secret: string } | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const v = validateEndpoint(form);
    setErrors(v);
    updateWebhook.reset();
    createWebhook.reset();
    if (Object.keys(v).length) return;
    const common = { url: form.url.trim(), description: form.description.trim(), events: eventsInput(form.events), enabled: form.enabled };
    if (webhook) {
      const r = await updateWebhook.run({ input: { id: webhook.id, ...common } });
      if (!r.ok) setErrors(endpointFieldErrors(r.failure.fields));
      else onClose(r.data.updateWebhook.webhook);
      return;
    }
    const r = await createWebhook.run({ input: common });
    if (!r.ok) {
      setErrors(endpointFieldErrors(r.failure.fields));
      return;
    }
    setCreated({ row: r.data.createWebhook.webhook, secret: r.data.createWebhook.secret });
  }

  if (created) {
    return (
      <OneTimeSecret
        title="Your endpoint's signing secret"
        shown={{ secret: created.secret, url: created.row.url }}
        onDone={() => {
          setCreated(null);
          onClose(created.row);
        }}
      />
    );
  }

  return (
    <Dialog open title={webhook ? 'Edit webhook endpoint' : 'Add webhook endpoint'} onClose={() => onClose(null)} wide>
      <form onSubmit={submit} noValidate>
        <Field
          label="Endpoint URL"
          error={errors.url}
          hint="An https:// address on the internet; events are POSTed to it. Private and local addresses are refused unless the server's operator allows them."
        >
          {(p) => (
            <input
              {...p}
              type="url"
              inputMode="url"
              autoComplete="off"
              spellCheck={false}
              placeholder="https://example.com/quizgraph"
              value={form.url}
              onChange={(e) => setForm((f) => ({ ...f, url: e.target.value }))}
            />
          )}
        </Field>
        <Field label="Description (optional)" error={errors.description} hint={`What receives it, e.g. “LMS grade sync”. Up to ${MAX_DESCRIPTION} characters.`}>
          {(p) => <textarea {...p} rows={2} value={form.description} onChange={(e) => setForm((f) => ({ ...f, description: e.target.value }))} />}
        </Field>
        <EventPicker value={form.events} error={errors.events} onChange={(events) => setForm((f) => ({ ...f, events }))} />
        <label className="check">
          <input type="checkbox" checked={form.enabled} onChange={(e) => setForm((f) => ({ ...f, enabled: e.target.checked }))} />
          <span>Enabled: send events to it {webhook ? '' : 'as soon as it is saved'}</span>
        </label>
        <ErrorMessage message={updateWebhook.error ?? createWebhook.error} />
        <div className="actions">
          <button type="button" className="btn" onClick={() => onClose(null)}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={updateWebhook.busy || createWebhook.busy}>
            {updateWebhook.busy || createWebhook.busy ? 'Saving…' : webhook ? 'Save changes' : 'Add endpoint'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** A new secret, shown once, with the grace period during which the old one keeps signing. */
export function RotateSecretDialog({ webhook, onClose }: { webhook: WebhookRow; onClose: (rotated: boolean) => void }) {
  const rotateSecret = useAction(RotateWebhookSecretMutation);
  const [grace, setGrace] = useState(86400);
  const [shown, setShown] = useState<ShownSecret | null>(null);

  async function rotate(e: FormEvent) {
    e.preventDefault();
    const r = await rotateSecret.run({ input: { id: webhook.id, gracePeriodSeconds: grace } });
    if (!r.ok) return;
    const payload = r.data.rotateWebhookSecret;
    const until = grace > 0 ? new Date(Date.now() + grace * 1000).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : null;
    setShown({
      secret: payload.secret,
      url: payload.webhook.url,
      note: until
        ? `The old secret keeps signing alongside this one until about ${until}: each message carries both signatures until then. Update your receivers before that.`
        : 'The old secret no longer signs: receivers must use this one now.',
    });
  }

  if (shown) {
    return <OneTimeSecret title="Your endpoint's new signing secret" shown={shown} onDone={() => onClose(true)} />;
  }

  return (
    <Dialog open title="Rotate signing secret" onClose={() => onClose(false)} wide>
      <form onSubmit={rotate}>
        <p>
          A new secret replaces the one of <code>{webhook.url}</code>. It is shown once. Choose how long the old secret keeps signing alongside
          the new one, so receivers can switch without rejecting deliveries.
        </p>
        <Field label="Grace period for the old secret" hint={graceExplanation(grace)}>
          {(p) => (
            <select {...p} value={grace} onChange={(e) => setGrace(Number(e.target.value))}>
              {ROTATION_GRACE_PERIODS.map((g) => (
                <option key={g.seconds} value={g.seconds}>
                  {g.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <ErrorMessage message={rotateSecret.error} />
        <div className="actions">
          <button type="button" className="btn" onClick={() => onClose(false)}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={rotateSecret.busy}>
            {rotateSecret.busy ? 'Rotating…' : 'Rotate secret'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

interface ActionsProps {
  webhook: WebhookRow;
  /** Something changed: say what (the cache already shows it). */
  onChanged: (message: string) => void;
  onError: (message: string) => void;
  onDeleted: (message: string) => void;
}

/** Edit, enable/disable, rotate secret and delete (with confirmation) for one endpoint. */
export function WebhookActions({ webhook, onChanged, onError, onDeleted }: ActionsProps) {
  const toggleWebhook = useAction(UpdateWebhookMutation);
  const deleteWebhook = useAction(DeleteWebhookMutation);
  const [editing, setEditing] = useState(false);
  const [rotating, setRotating] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const who = webhook.description || webhook.url;

  async function setEnabled(enabled: boolean) {
    if (toggleWebhook.busy) return;
    const r = await toggleWebhook.run({ input: { id: webhook.id, enabled } });
    if (!r.ok) onError(`${webhook.url}: ${r.failure.message}`);
    else onChanged(enabled ? `${webhook.url} is enabled: pending deliveries are sent again.` : `${webhook.url} is disabled: nothing is sent to it.`);
  }

  async function confirmDelete() {
    const r = await deleteWebhook.run({ input: { id: webhook.id } });
    if (!r.ok) return;
    setDeleting(false);
    onDeleted(`${webhook.url} was deleted.`);
  }

  return (
    <>
      <div className="row-actions">
        <button type="button" className="btn btn-small" onClick={() => setEditing(true)} aria-label={`Edit ${who}`}>
          Edit
        </button>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => void setEnabled(!webhook.enabled)}
          aria-busy={toggleWebhook.busy || undefined}
          aria-label={`${webhook.enabled ? 'Disable' : 'Enable'} ${who}`}
        >
          {webhook.enabled ? 'Disable' : 'Enable'}
        </button>
        <button type="button" className="btn btn-small" onClick={() => setRotating(true)} aria-label={`Rotate secret of ${who}`}>
          Rotate secret
        </button>
        <button
          type="button"
          className="btn btn-small btn-danger"
          onClick={() => {
            deleteWebhook.reset();
            setDeleting(true);
          }}
          aria-label={`Delete ${who}`}
        >
          Delete
        </button>
      </div>
      {editing && (
        <EndpointDialog
          webhook={webhook}
          onClose={(saved) => {
            setEditing(false);
            if (saved) onChanged(`${saved.url} was saved.`);
          }}
        />
      )}
      {rotating && (
        <RotateSecretDialog
          webhook={webhook}
          onClose={(rotated) => {
            setRotating(false);
            if (rotated) onChanged(`The secret of ${webhook.url} was rotated.`);
          }}
        />
      )}
      <ConfirmDialog
        open={deleting}
        title="Delete webhook endpoint"
        confirmLabel="Delete endpoint"
        danger
        busy={deleteWebhook.busy}
        error={deleteWebhook.error}
        onCancel={() => setDeleting(false)}
        onConfirm={() => void confirmDelete()}
      >
        <p>
          Delete <code>{webhook.url}</code>
          {webhook.description ? ` (“${webhook.description}”)` : ''}? Its delivery log goes with it and pending deliveries are not sent. This
          can't be undone.
        </p>
      </ConfirmDialog>
    </>
  );
}
