import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { IntegrityAttemptsQuery, IntegrityTimelineQuery, ReviewIntegrityFlagMutation } from './operations';
import type { AttemptIntegrityFieldsFragment, ReviewOutcome } from '../../gql/graphql';
import { useViewer } from '../../data/viewer';
import { useAction } from '../../data/useAction';
import { useCursorPager } from '../../lib/pagination';
import { formatDateTime } from '../../lib/format';
import { FilterBar, SelectFilter } from '../../components/FilterBar';
import { ConnectionPager, ErrorMessage, Field, Notice, Spinner } from '../../components/ui';
import { IntegrityRulesEditor } from './IntegrityRulesEditor';
import { countsText, FILTERS, reviewText, type IntegrityFilter } from './model';
import './integrity.css';

const PAGE = 20;

/** `/org/:slug/dashboard/integrity`: flagged attempts, each one's quiz log, the review; the rules. */
export function IntegrityPage() {
  const { viewer, slug } = useViewer();
  // updateIntegrityRules needs members:write besides integrity:read (owners and admins).
  const canEditRules = viewer.scopes.includes('members:write');
  const [filter, setFilter] = useState<IntegrityFilter>('unreviewed');
  const pager = useCursorPager();
  // A notification links here with ?attempt=<id>: that attempt alone, its log open.
  const [params] = useSearchParams();
  const onlyAttempt = params.get('attempt');
  const vars = onlyAttempt ? { flagged: null, unreviewed: null, attemptId: onlyAttempt } : { ...FILTERS[filter].variables, attemptId: null };
  const [{ data, fetching, error }, refetch] = useQuery({
    query: IntegrityAttemptsQuery,
    variables: { slug, first: PAGE, after: pager.after, ...vars },
    requestPolicy: 'cache-and-network',
  });
  const [toggled, setOpen] = useState<string | null>(null);
  const conn = data?.organization?.integrityAttempts;
  const open = toggled ?? (onlyAttempt ? (conn?.edges[0]?.node.id ?? null) : null);

  return (
    <section aria-labelledby="int-title" className="integrity">
      <div className="page-head">
        <h1 id="int-title">Integrity</h1>
        <button type="button" className="btn" onClick={() => refetch({ requestPolicy: 'network-only' })}>
          Refresh
        </button>
      </div>
      <p className="muted">
        Attempts the org's rules flagged (page switches, time away, a second address…). A flag is a prompt for your judgement, never proof: look at
        the attempt's log, then clear or confirm it with a note.
      </p>
      {onlyAttempt ? (
        <p>
          One attempt, from a notification. <Link to={`/org/${slug}/dashboard/integrity`}>Show the flags waiting for review</Link>
        </p>
      ) : (
        <FilterBar label="Which attempts" search={false}>
          <SelectFilter
            label="Show"
            value={filter}
            options={(Object.keys(FILTERS) as IntegrityFilter[]).map((f) => ({ value: f, label: FILTERS[f].label }))}
            onChange={(value) => {
              pager.reset();
              setFilter(value || 'unreviewed');
            }}
          />
        </FilterBar>
      )}
      {fetching && !conn ? (
        <Spinner label="Loading attempts…" />
      ) : error && !conn ? (
        <ErrorMessage error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : !conn || conn.edges.length === 0 ? (
        <p className="empty">{FILTERS[filter].empty}</p>
      ) : (
        <>
          <ul className="integrity-list" data-testid="integrity-attempts">
            {conn.edges.map(({ node }) => (
              <AttemptCard key={node.id} record={node} open={open === node.id} onToggle={() => setOpen(open === node.id ? null : node.id)} />
            ))}
          </ul>
          <ConnectionPager label="Attempts" pager={pager} connection={conn} />
        </>
      )}
      {canEditRules && <IntegrityRulesEditor />}
    </section>
  );
}

function AttemptCard({ record, open, onToggle }: { record: AttemptIntegrityFieldsFragment; open: boolean; onToggle: () => void }) {
  const panelId = `integrity-${record.id}`;
  const who = record.participant?.displayName ?? 'A removed member';
  return (
    <li className={`card integrity-card${record.flagged ? ' is-flagged' : ''}`} data-testid="integrity-attempt">
      <div className="integrity-head">
        <div>
          <h2 className="integrity-title">
            {who} · {record.quizTitle ?? 'a removed quiz'}
          </h2>
          <p className="small muted">{countsText(record)}</p>
          {record.flagged && (
            <ul className="integrity-reasons small">
              {record.flagReasons.map((r) => (
                <li key={r.code}>{r.description}</li>
              ))}
            </ul>
          )}
          <p className="small">
            {record.flagged ? (
              <span className={`status-pill ${record.review ? `review-${record.review.outcome.toLowerCase()}` : 'review-waiting'}`}>
                {record.review ? reviewText(record.review.outcome) : 'Waiting for review'}
              </span>
            ) : (
              <span className="status-pill">Not flagged</span>
            )}
            {record.flaggedAt && <span className="muted"> · flagged {formatDateTime(record.flaggedAt)}</span>}
          </p>
          {record.review?.note && <p className="small">Note: {record.review.note}</p>}
        </div>
        <button type="button" className="btn" aria-expanded={open} aria-controls={panelId} onClick={onToggle}>
          {open ? 'Hide the log' : record.flagged ? 'Log and review' : 'Show the log'}
        </button>
      </div>
      {open && (
        <div id={panelId} className="integrity-panel">
          <Timeline id={record.id} />
          {record.flagged && <ReviewForm record={record} />}
        </div>
      )}
    </li>
  );
}

/** The attempt's events in the order they happened, as Canvas's quiz log shows them. */
function Timeline({ id }: { id: string }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: IntegrityTimelineQuery, variables: { id, first: 100 }, requestPolicy: 'cache-and-network' });
  const node = data?.node;
  const timeline = node?.__typename === 'AttemptIntegrity' ? node.timeline : null;
  if (fetching && !timeline) return <Spinner label="Loading the log…" />;
  if (error && !timeline) return <ErrorMessage error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (!timeline || timeline.edges.length === 0) return <p className="empty">No events recorded.</p>;
  return (
    <>
      <h3>Log</h3>
      <ol className="integrity-timeline" data-testid="integrity-timeline">
        {timeline.edges.map(({ node: ev }) => (
          <li key={ev.id}>
            <time dateTime={ev.occurredAt}>{formatDateTime(ev.occurredAt)}</time> <span>{ev.description}</span>
            {ev.ipAddress && <span className="muted small"> · {ev.ipAddress}</span>}
          </li>
        ))}
      </ol>
      {timeline.pageInfo.hasNextPage && <p className="muted small">The first 100 of {timeline.totalCount} events.</p>}
    </>
  );
}

function ReviewForm({ record }: { record: AttemptIntegrityFieldsFragment }) {
  const review = useAction(ReviewIntegrityFlagMutation);
  const [outcome, setOutcome] = useState<ReviewOutcome>(record.review?.outcome ?? 'CLEARED');
  const [note, setNote] = useState(record.review?.note ?? '');
  const [done, setDone] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    const r = await review.run({ input: { attemptId: record.attemptId, outcome, note: note.trim() || null } });
    if (r.ok) setDone(`Marked ${reviewText(outcome).toLowerCase()}.`);
  }

  return (
    <form className="integrity-review" onSubmit={submit} aria-label="Review the flag">
      <h3>Review</h3>
      <fieldset className="review-outcome">
        <legend>Outcome</legend>
        <label className="choice">
          <input type="radio" name={`outcome-${record.id}`} checked={outcome === 'CLEARED'} onChange={() => setOutcome('CLEARED')} /> Cleared: nothing
          wrong
        </label>
        <label className="choice">
          <input type="radio" name={`outcome-${record.id}`} checked={outcome === 'CONFIRMED'} onChange={() => setOutcome('CONFIRMED')} /> Confirmed: the
          rules were broken
        </label>
      </fieldset>
      <Field label="Note" hint="Why, for whoever looks at it later (up to 1000 characters)." error={review.fieldErrors.note}>
        {(p) => <textarea {...p} rows={2} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <ErrorMessage message={review.error} />
      {done && <Notice kind="success">{done}</Notice>}
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={review.busy}>
          {review.busy ? 'Saving…' : record.review ? 'Change the review' : 'Save the review'}
        </button>
      </div>
    </form>
  );
}
