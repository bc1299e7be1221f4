import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { useAction } from '../../data/useAction';
import { PingWebhookMutation, RedeliverWebhookMessageMutation, WebhookDeliveriesQuery } from './operations';
import type { WebhookDeliveryFieldsFragment } from '../../gql/graphql';
import { useViewer } from '../../data/viewer';
import { useCursorPager } from '../../lib/pagination';
import { errorInfo } from '../../lib/errors';
import { DELIVERY_STATUS_LABEL, describeEvents, formatDuration, truncateBody, tryOutcome } from '../../lib/webhooks';
import { ErrorMessage, Notice, Spinner } from '../../components/ui';
import { ConnectionTable } from '../../components/ConnectionTable';
import { WebhookActions } from './WebhookDialogs';
import { VerifySnippet } from './VerifySnippet';
import { HealthCell } from './WebhooksPage';

const PAGE = 20;
/** While a delivery of the page waits for its (next) try, the log refreshes itself this often. */
const POLL_MS = 2000;

type Delivery = WebhookDeliveryFieldsFragment;
type Try = Delivery['tries'][number];

/** Times in the log carry seconds: deliveries and their retries are seconds apart. */
function logTime(iso: string | null | undefined, empty = '—'): string {
  if (!iso) return empty;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}

export function WebhookDetailPage() {
  const { webhookId = '' } = useParams();
  const { viewer, slug } = useViewer();
  const navigate = useNavigate();
  const canWrite = viewer.scopes.includes('webhooks:write');
  const pager = useCursorPager();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: WebhookDeliveriesQuery, variables: { id: webhookId, first: PAGE, after: pager.after } });
  const reload = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const pingWebhook = useAction(PingWebhookMutation);
  const redeliverMessage = useAction(RedeliverWebhookMessageMutation);
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [redelivering, setRedelivering] = useState<string | null>(null);

  const node = data?.node;
  const webhook = node?.__typename === 'Webhook' ? node : null;
  const deliveries = (webhook?.deliveries.edges ?? []).map((e) => e.node);
  const waiting = deliveries.some((d) => d.status === 'PENDING');
  const list = `/org/${slug}/dashboard/webhooks`;

  // Deliveries are sent by the server in the background: while one waits for its (next) try,
  // the log asks again, so results appear without a reload.
  useEffect(() => {
    if (!waiting || fetching) return;
    const t = setTimeout(reload, POLL_MS);
    return () => clearTimeout(t);
  }, [waiting, fetching, reload]);

  const changed = (message: string) => {
    setActionError(null);
    setNotice(message);
  };
  const failed = (message: string) => {
    setNotice(null);
    setActionError(message);
  };

  async function ping() {
    if (!webhook || pingWebhook.busy) return;
    const r = await pingWebhook.run({ input: { id: webhook.id } });
    if (!r.ok) failed(`The test event could not be sent: ${r.failure.message}`);
    else changed(`A test event (webhook.ping, ${r.data.pingWebhook.delivery.messageId}) is on its way.`);
  }

  async function redeliver(d: Delivery) {
    if (!webhook || redelivering) return;
    setRedelivering(d.id);
    const r = await redeliverMessage.run({ input: { messageId: d.messageId, webhookId: webhook.id } });
    setRedelivering(null);
    if (!r.ok) failed(`${d.messageId} could not be redelivered: ${r.failure.message}`);
    else changed(`${d.messageId} (${d.event}) is queued again, with the same webhook-id.`);
  }

  if (fetching && !data) return <Spinner label="Loading the endpoint…" />;
  const notFound = errorInfo(error)?.code === 'NOT_FOUND';
  if (error && !data && !notFound) {
    return (
      <section aria-labelledby="webhook-title" className="webhooks-page">
        <h1 id="webhook-title">Webhook endpoint</h1>
        <ErrorMessage error={error} onRetry={reload} />
        <p>
          <Link to={list}>← All endpoints</Link>
        </p>
      </section>
    );
  }
  if (!webhook) {
    return (
      <section aria-labelledby="webhook-title" className="webhooks-page">
        <h1 id="webhook-title">Endpoint not found</h1>
        <p>This webhook endpoint doesn't exist or was deleted.</p>
        <p>
          <Link to={list}>← All endpoints</Link>
        </p>
      </section>
    );
  }

  return (
    <section aria-labelledby="webhook-title" className="webhooks-page">
      <p>
        <Link to={list}>← All endpoints</Link>
      </p>
      <div className="page-head">
        <h1 id="webhook-title" className="webhook-title">
          <span className="visually-hidden">Webhook endpoint </span>
          {webhook.url}
        </h1>
        {canWrite && (
          <button type="button" className="btn" onClick={() => void ping()} disabled={pingWebhook.busy || !webhook.enabled} aria-busy={pingWebhook.busy || undefined}>
            {pingWebhook.busy ? 'Sending…' : 'Send test event'}
          </button>
        )}
      </div>
      <div className="card webhook-summary">
        <dl className="facts">
          <div>
            <dt>Description</dt>
            <dd>{webhook.description || '—'}</dd>
          </div>
          <div>
            <dt>Events</dt>
            <dd>{describeEvents(webhook.events)}</dd>
          </div>
          <div>
            <dt>Status</dt>
            <dd>
              <HealthCell webhook={webhook} />
            </dd>
          </div>
          <div>
            <dt>Created</dt>
            <dd>{logTime(webhook.createdAt)}</dd>
          </div>
        </dl>
        {canWrite && (
          <WebhookActions
            webhook={webhook}
            onChanged={changed}
            onError={failed}
            onDeleted={(message) => navigate(list, { replace: true, state: { notice: message } })}
          />
        )}
        {canWrite && !webhook.enabled && <p className="hint">Enable the endpoint to send test events.</p>}
      </div>

      {notice && <Notice kind="success">{notice}</Notice>}
      <ErrorMessage message={actionError} />

      <div className="page-head log-head">
        <h2 id="log-title">Delivery log</h2>
        <button type="button" className="btn btn-small" onClick={reload} aria-busy={fetching || undefined}>
          {fetching ? 'Refreshing…' : 'Refresh'}
        </button>
      </div>
      <ConnectionTable
        label="Deliveries"
        caption="Delivery log"
        testId="delivery-log"
        fetching={fetching}
        error={error}
        connection={webhook.deliveries}
        onRetry={reload}
        pager={pager}
        empty={`No deliveries yet. Events the endpoint subscribed to appear here as they happen${canWrite ? '; or send a test event' : ''}.`}
        rowKey={(d) => d.id}
        rowProps={(d) => ({ 'data-message-id': d.messageId, 'data-testid': 'delivery-row' })}
        columns={[
          {
            header: 'Time',
            cell: (d) => (
              <>
                {logTime(d.createdAt)}
                <div className="muted small">
                  <code className="msg-id">{d.messageId}</code>
                </div>
              </>
            ),
          },
          { header: 'Event', cell: (d) => <code className="event-name">{d.event}</code> },
          {
            header: 'Status',
            cell: (d) => (
              <span className={`status status-${d.status.toLowerCase()}`} data-testid="delivery-status">
                {DELIVERY_STATUS_LABEL[d.status]}
              </span>
            ),
          },
          { header: 'HTTP', testId: 'delivery-http', cell: (d) => <LastOutcome d={d} /> },
          { header: 'Duration', cell: (d) => formatDuration(d.tries[0]?.durationMs) },
          { header: 'Response', cell: (d) => <LastResponse d={d} /> },
          { header: 'Next retry', cell: (d) => (d.status === 'PENDING' ? logTime(d.nextAttemptAt, 'now') : '—') },
          { header: 'Tries', cell: (d) => <Tries d={d} /> },
          canWrite && {
            header: 'Actions',
            cell: (d) => {
              const busy = redelivering === d.id;
              return (
                <button
                  type="button"
                  className="btn btn-small"
                  onClick={() => void redeliver(d)}
                  disabled={busy}
                  aria-busy={busy || undefined}
                  aria-label={`Redeliver ${d.event} ${d.messageId}`}
                >
                  {busy ? 'Queuing…' : 'Redeliver'}
                </button>
              );
            },
          },
        ]}
      />

      <VerifySnippet />
    </section>
  );
}

function LastOutcome({ d }: { d: Delivery }) {
  const last: Try | undefined = d.tries[0];
  const outcome = last ? tryOutcome(last) : null;
  return outcome ? <span className={outcome.ok ? 'ok-text' : 'bad-text'}>{outcome.text}</span> : <span className="muted">not tried yet</span>;
}

function LastResponse({ d }: { d: Delivery }) {
  const last: Try | undefined = d.tries[0];
  const body = truncateBody(last?.responseBody);
  return body.text ? (
    <code className="response" title={last?.responseBody ?? undefined}>
      {body.text}
    </code>
  ) : (
    <span className="muted">—</span>
  );
}

/** The number of tries, and each try in a disclosure. */
function Tries({ d }: { d: Delivery }) {
  return (
    <>
      <span data-testid="delivery-attempts">{d.attempt}</span>
      {d.tries.length > 0 && (
        <details className="tries">
          <summary>All tries</summary>
          <table className="table tries-table" aria-label={`Tries of ${d.messageId}`}>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Sent</th>
                <th scope="col">HTTP</th>
                <th scope="col">Duration</th>
                <th scope="col">Response</th>
                <th scope="col">Next retry</th>
              </tr>
            </thead>
            <tbody>
              {d.tries.map((t) => {
                const o = tryOutcome(t);
                return (
                  <tr key={t.attempt}>
                    <td>{t.attempt}</td>
                    <td>{logTime(t.attemptedAt)}</td>
                    <td>{o.text}</td>
                    <td>{formatDuration(t.durationMs)}</td>
                    <td>
                      <code className="response">{truncateBody(t.responseBody, 200).text || '—'}</code>
                    </td>
                    <td>{logTime(t.nextAttemptAt, '—')}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </details>
      )}
    </>
  );
}
