import { useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { AuditActorsQuery, AuditLogQuery } from '../operations/auditLog';
import { useViewer } from '../viewer';
import { dayBoundaryIso, formatDateTime } from '../lib/format';
import { useCursorPager } from '../lib/pagination';
import { ErrorMessage, Field, ConnectionPager, Spinner } from '../components/ui';

const PAGE = 50;

/** Common actions offered as suggestions; any text works. */
const ACTION_SUGGESTIONS = [
  'login.succeeded',
  'login.failed',
  'member.added',
  'member.updated',
  'member.removed',
  'api_key.created',
  'api_key.enabled',
  'api_key.disabled',
  'api_key.revoked',
  'api_key.rotated',
  'org.api_access_changed',
  'quiz.created',
  'quiz.published',
];

interface Filters {
  action: string;
  actor: string;
  since: string;
  until: string;
}
const NONE: Filters = { action: '', actor: '', since: '', until: '' };

export function AuditLogPage() {
  const { viewer, slug } = useViewer();
  const pager = useCursorPager();
  const [draft, setDraft] = useState<Filters>(NONE);
  const [applied, setApplied] = useState<Filters>(NONE);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: AuditLogQuery,
    variables: {
      slug,
      first: PAGE,
      after: pager.after,
      action: applied.action.trim() || null,
      actor: applied.actor.trim() || null,
      since: dayBoundaryIso(applied.since, false) ?? null,
      until: dayBoundaryIso(applied.until, true) ?? null,
    },
    requestPolicy: 'cache-and-network',
  });
  const canListMembers = viewer.scopes.includes('members:read');
  const [actors] = useQuery({ query: AuditActorsQuery, variables: { slug }, pause: !canListMembers });
  const conn = data?.organization?.auditLog;
  const rows = conn?.edges.map((e) => e.node) ?? [];

  function apply(e: FormEvent) {
    e.preventDefault();
    pager.reset();
    setApplied(draft);
  }
  function clear() {
    pager.reset();
    setDraft(NONE);
    setApplied(NONE);
  }
  const rangeInvalid = Boolean(draft.since && draft.until && draft.since > draft.until);

  return (
    <section aria-labelledby="audit-title">
      <div className="page-head">
        <h1 id="audit-title">Audit log</h1>
        <button type="button" className="btn" onClick={() => refetch({ requestPolicy: 'network-only' })}>
          Refresh
        </button>
      </div>
      <form className="filters" aria-label="Filter the audit log" onSubmit={apply}>
        <Field label="Action">
          {(p) => (
            <>
              <input
                {...p}
                list="audit-actions"
                placeholder="e.g. api_key.created"
                value={draft.action}
                onChange={(e) => setDraft((d) => ({ ...d, action: e.target.value }))}
              />
              <datalist id="audit-actions">
                {ACTION_SUGGESTIONS.map((a) => (
                  <option key={a} value={a} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <Field label="Actor" hint="A username or an API key prefix.">
          {(p) => (
            <>
              <input
                {...p}
                list={canListMembers ? 'audit-actors' : undefined}
                autoCapitalize="none"
                spellCheck={false}
                value={draft.actor}
                onChange={(e) => setDraft((d) => ({ ...d, actor: e.target.value }))}
              />
              {canListMembers && (
                <datalist id="audit-actors">
                  {(actors.data?.organization?.members.edges ?? []).map(({ node }) => (
                    <option key={node.id} value={node.username}>
                      {node.displayName}
                    </option>
                  ))}
                </datalist>
              )}
            </>
          )}
        </Field>
        <Field label="From">
          {(p) => <input {...p} type="date" value={draft.since} onChange={(e) => setDraft((d) => ({ ...d, since: e.target.value }))} />}
        </Field>
        <Field label="To" error={rangeInvalid ? 'The end is before the start.' : undefined}>
          {(p) => <input {...p} type="date" value={draft.until} onChange={(e) => setDraft((d) => ({ ...d, until: e.target.value }))} />}
        </Field>
        <div className="filter-actions">
          <button type="submit" className="btn btn-primary" disabled={rangeInvalid}>
            Apply filters
          </button>
          <button type="button" className="btn" onClick={clear}>
            Clear
          </button>
        </div>
      </form>

      {fetching && !data ? (
        <Spinner label="Loading the audit log…" />
      ) : error && !data ? (
        <ErrorMessage error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : rows.length === 0 ? (
        <p className="empty">No events match.</p>
      ) : (
        <div className="table-wrap">
          <table className="table table-stack">
            <caption className="visually-hidden">Audit events, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Action</th>
                <th scope="col">Actor</th>
                <th scope="col">Target</th>
                <th scope="col">From</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((ev) => (
                <tr key={ev.id}>
                  <td data-label="When">
                    <time dateTime={ev.createdAt}>{formatDateTime(ev.createdAt)}</time>
                  </td>
                  <td data-label="Action">
                    <code>{ev.action}</code>
                  </td>
                  <td data-label="Actor">{ev.actorLabel}</td>
                  <td data-label="Target">{ev.targetType ? `${ev.targetType}${ev.targetId ? ` ${ev.targetId}` : ''}` : '—'}</td>
                  <td data-label="From">
                    <span>{ev.ip ?? '—'}</span>
                    {ev.userAgent && (
                      <div className="muted small ua" title={ev.userAgent}>
                        {ev.userAgent}
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {error && data && <ErrorMessage error={error} />}
      {conn && (
        <ConnectionPager label="Audit log" pager={pager} connection={conn} />
      )}
    </section>
  );
}
