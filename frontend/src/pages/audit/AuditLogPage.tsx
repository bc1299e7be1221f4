import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { AuditActionsQuery, AuditActorsQuery, AuditLogQuery } from './operations';
import { useViewer } from '../../data/viewer';
import { dayBoundaryIso, formatDateTime } from '../../lib/format';
import { useCursorPager } from '../../lib/pagination';
import { canSee, sectionById } from '../../lib/nav';
import {
  auditSentence,
  detailRows,
  excludedActions,
  groupActions,
  parsePick,
  type AuditEventLike,
  type AuditLink,
} from '../../lib/auditSentence';
import { Field } from '../../components/ui';
import { ConnectionTable } from '../../components/ConnectionTable';
import { FilterBar } from '../../components/FilterBar';

const PAGE = 50;

interface Filters {
  /** The picker's value: '' (any), 'area:<area>' or 'action:<action>'. */
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
  const [showSignIns, setShowSignIns] = useState(false);
  const pick = parsePick(applied.action);
  const excluded = excludedActions(pick, showSignIns);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: AuditLogQuery,
    variables: {
      slug,
      first: PAGE,
      after: pager.after,
      action: pick.action,
      area: pick.area,
      excludeActions: excluded,
      actor: applied.actor.trim() || null,
      since: dayBoundaryIso(applied.since, false) ?? null,
      until: dayBoundaryIso(applied.until, true) ?? null,
    },
    requestPolicy: 'cache-and-network',
  });
  const canListMembers = viewer.scopes.includes('members:read');
  const [actors] = useQuery({ query: AuditActorsQuery, variables: { slug }, pause: !canListMembers });
  const [actionList] = useQuery({ query: AuditActionsQuery, variables: { slug } });
  const groups = groupActions(actionList.data?.organization?.auditActions ?? []);
  const hrefOf = (link: AuditLink | undefined): string | undefined => {
    if (!link) return undefined;
    const base = `/org/${slug}/dashboard`;
    const can = (id: Parameters<typeof sectionById>[0]) => canSee(sectionById(id), viewer.scopes);
    switch (link.page) {
      case 'members':
        return can('members') ? `${base}/members` : undefined;
      case 'apiKeys':
        return can('apiKeys') ? `${base}/api-keys` : undefined;
      case 'quiz':
        return can('quizzes') ? `${base}/quizzes/${encodeURIComponent(link.id)}` : undefined;
      case 'webhook':
        return can('webhooks') ? `${base}/webhooks/${encodeURIComponent(link.id)}` : undefined;
    }
  };
  const conn = data?.organization?.auditLog;

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
      <FilterBar label="Filter the audit log" onSubmit={apply}>
        <Field label="Action">
          {(p) => (
            <select {...p} value={draft.action} onChange={(e) => setDraft((d) => ({ ...d, action: e.target.value }))}>
              <option value="">Any action</option>
              {groups.map((g) => (
                <optgroup key={g.area} label={g.areaLabel}>
                  <option value={`area:${g.area}`}>All: {g.areaLabel}</option>
                  {g.actions.map((a) => (
                    <option key={a.action} value={`action:${a.action}`}>
                      {a.label}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
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
                  {(actors.data?.organization?.members?.edges ?? []).map(({ node }) => (
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
      </FilterBar>

      <div className="audit-fold">
        <label className="check">
          <input
            type="checkbox"
            checked={showSignIns || excluded === null}
            disabled={excluded === null && !showSignIns}
            onChange={(e) => {
              pager.reset();
              setShowSignIns(e.target.checked);
            }}
          />{' '}
          Show sign-ins
        </label>
        {excluded !== null && <span className="muted small"> Successful sign-ins are folded away.</span>}
      </div>
      <ConnectionTable
        label="Audit log"
        caption="Audit events, newest first"
        fetching={fetching}
        error={error}
        connection={conn}
        onRetry={() => refetch({ requestPolicy: 'network-only' })}
        pager={pager}
        loadingLabel="Loading the audit log…"
        empty="No events match."
        rowKey={(ev) => ev.id}
        columns={[
          { header: 'When', cell: (ev) => <time dateTime={ev.createdAt}>{formatDateTime(ev.createdAt)}</time> },
          { header: 'What happened', cell: (ev) => <EventSentence ev={ev} hrefOf={hrefOf} /> },
          {
            header: 'From',
            cell: (ev) => (
              <>
                <span>{ev.ip ?? '—'}</span>
                {ev.userAgent && (
                  <div className="muted small ua" title={ev.userAgent}>
                    {ev.userAgent}
                  </div>
                )}
              </>
            ),
          },
        ]}
      />
    </section>
  );
}

function EventSentence({ ev, hrefOf }: { ev: AuditEventLike & { action: string }; hrefOf: (l: AuditLink | undefined) => string | undefined }) {
  const rows = detailRows(ev);
  return (
    <div className="audit-event">
      <p className="audit-sentence">
        {auditSentence(ev).map((part, i) => {
          if (part.kind === 'text') return <span key={i}>{part.text}</span>;
          const href = hrefOf(part.link);
          const cls = part.kind === 'actor' ? 'audit-actor' : 'audit-target';
          return href ? (
            <Link key={i} className={cls} to={href}>
              {part.text}
            </Link>
          ) : (
            <strong key={i} className={cls}>
              {part.text}
            </strong>
          );
        })}
      </p>
      <details className="audit-details">
        <summary>
          Details <span className="visually-hidden">of this event</span>
        </summary>
        <dl>
          <div className="audit-detail-row">
            <dt>Action</dt>
            <dd>
              {ev.actionInfo ? `${ev.actionInfo.label} ` : ''}
              <code>{ev.action}</code>
            </dd>
          </div>
          {ev.targetType && (
            <div className="audit-detail-row">
              <dt>Target</dt>
              <dd>
                {ev.targetType} <code>{ev.targetId}</code>
              </dd>
            </div>
          )}
          {rows.map((r) => (
            <div key={r.label} className="audit-detail-row">
              <dt>{r.label}</dt>
              <dd>{r.value}</dd>
            </div>
          ))}
        </dl>
      </details>
    </div>
  );
}
