import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { useQuery } from 'urql';
import { WebhooksQuery } from './operations';
import { useViewer } from '../../data/viewer';
import { useCursorPager } from '../../lib/pagination';
import { formatDateTime } from '../../lib/format';
import { describeEvents, healthSummary, sortEvents } from '../../lib/webhooks';
import { ErrorMessage, Notice } from '../../components/ui';
import { ConnectionTable } from '../../components/ConnectionTable';
import { EndpointDialog, WebhookActions, type WebhookRow } from './WebhookDialogs';
import { VerifySnippet } from './VerifySnippet';

const PAGE = 25;

export function HealthCell({ webhook }: { webhook: WebhookRow }) {
  const h = healthSummary(webhook, (iso) => formatDateTime(iso));
  return (
    <>
      <span className={`status status-${h.tone}`} data-testid="webhook-status">
        {h.label}
      </span>
      <div className="muted small" data-testid="webhook-health">
        {h.detail}
      </div>
    </>
  );
}

export function WebhooksPage() {
  const { viewer, slug } = useViewer();
  const canWrite = viewer.scopes.includes('webhooks:write');
  const pager = useCursorPager();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: WebhooksQuery, variables: { slug, first: PAGE, after: pager.after } });
  const retry = () => reexecute({ requestPolicy: 'network-only' });
  const [creating, setCreating] = useState(false);
  const location = useLocation();
  // A notice handed over by the endpoint's page (after a delete).
  const [notice, setNotice] = useState<string | null>(() => {
    const st = location.state as { notice?: unknown } | null;
    return typeof st?.notice === 'string' ? st.notice : null;
  });
  const [actionError, setActionError] = useState<string | null>(null);

  const conn = data?.organization?.webhooks;
  const base = `/org/${slug}/dashboard/webhooks`;
  const changed = (message: string) => {
    setActionError(null);
    setNotice(message);
  };
  const failed = (message: string) => {
    setNotice(null);
    setActionError(message);
  };

  return (
    <section aria-labelledby="webhooks-title" className="webhooks-page">
      <div className="page-head">
        <h1 id="webhooks-title">Webhooks</h1>
        {canWrite && (
          <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
            Add endpoint
          </button>
        )}
      </div>
      <p className="hint page-intro">
        Your systems are told when something happens (a quiz completed, a member added…) instead of polling. Each endpoint gets a signed POST per
        event, retried for about a day until it answers 2xx.
      </p>

      {notice && <Notice kind="success">{notice}</Notice>}
      <ErrorMessage message={actionError} />

      <ConnectionTable
        label="Webhook endpoints"
        testId="webhooks-table"
        fetching={fetching}
        error={error}
        connection={conn}
        onRetry={retry}
        pager={pager}
        loadingLabel="Loading webhook endpoints…"
        empty={`No webhook endpoints yet.${canWrite ? ' Add one to have events sent to your systems.' : ''}`}
        rowKey={(w) => w.id}
        rowProps={(w) => ({ 'data-webhook-url': w.url })}
        columns={[
          {
            header: 'Endpoint',
            rowHeader: true,
            cell: (w) => (
              <>
                <Link to={`${base}/${encodeURIComponent(w.id)}`} className="webhook-url">
                  {w.url}
                </Link>
                <div className="muted small">{w.description || 'No description'}</div>
              </>
            ),
          },
          {
            header: 'Events',
            cell: (w) => <span title={w.events.length ? sortEvents(w.events).join(', ') : undefined}>{describeEvents(w.events)}</span>,
          },
          { header: 'Status and recent health', cardLabel: 'Status', cell: (w) => <HealthCell webhook={w} /> },
          {
            header: 'Actions',
            cell: (w) => (
              <>
                <div className="row-actions">
                  <Link className="btn btn-small" to={`${base}/${encodeURIComponent(w.id)}`} aria-label={`Delivery log of ${w.url}`}>
                    Delivery log
                  </Link>
                </div>
                {canWrite && <WebhookActions webhook={w} onChanged={changed} onError={failed} onDeleted={changed} />}
              </>
            ),
          },
        ]}
      />

      <VerifySnippet />

      {creating && (
        <EndpointDialog
          onClose={(saved) => {
            setCreating(false);
            if (saved) changed(`${saved.url} was added.`);
          }}
        />
      )}
    </section>
  );
}
