import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import type uPlot from 'uplot';
import { OrgAnalyticsQuery } from './operations';
import type { AnalyticsInterval } from '../../gql/graphql';
import { useViewer } from '../../data/viewer';
import { FilterBar, SelectFilter, type FilterOption } from '../../components/FilterBar';
import { ErrorMessage, Spinner } from '../../components/ui';
import { formatDate } from '../../lib/format';
import { Chart, bars } from './Chart';
import { activitySeries, formatPercent, type ActivityBucket } from './figures';
import './analytics.css';

const INTERVALS: readonly FilterOption<AnalyticsInterval>[] = [
  { value: 'DAY', label: 'Day (last 30 days)' },
  { value: 'WEEK', label: 'Week (last 12 weeks)' },
];

/** `/org/:slug/dashboard/analytics`: the org's activity over time, top quizzes, members' progress. */
export function OrgAnalyticsPage() {
  const { slug } = useViewer();
  const [interval, setInterval] = useState<AnalyticsInterval>('DAY');
  const [{ data, fetching, error }, refetch] = useQuery({
    query: OrgAnalyticsQuery,
    variables: { slug, interval, since: null, until: null },
    requestPolicy: 'cache-and-network',
  });
  const a = data?.organization?.analytics;
  const unit = interval === 'DAY' ? 'day' : 'week';

  return (
    <section aria-labelledby="oa-title" className="analytics">
      <div className="page-head">
        <h1 id="oa-title">Analytics</h1>
      </div>
      <FilterBar label="Period" search={false}>
        <SelectFilter
          label="Group by"
          value={interval}
          options={INTERVALS}
          onChange={(value) => setInterval(value || 'DAY')}
        />
      </FilterBar>
      {fetching && !data ? (
        <Spinner label="Loading analytics…" />
      ) : error ? (
        <ErrorMessage error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : !a ? (
        <ErrorMessage message="Analytics are not available." />
      ) : (
        <>
          <p className="muted small">
            From {formatDate(a.since)} to {formatDate(a.until)} (UTC).
          </p>
          <dl className="stats analytics-figures card" data-testid="org-figures">
            <div>
              <dt>Attempts</dt>
              <dd>{a.attempts}</dd>
            </div>
            <div>
              <dt>Active members</dt>
              <dd>{a.activeMembers}</dd>
            </div>
            <div>
              <dt>Average score</dt>
              <dd>{formatPercent(a.averagePercentage)}</dd>
            </div>
          </dl>
          {a.timeline.length === 0 ? (
            <p className="empty">No attempts closed in this period.</p>
          ) : (
            <ActivityCharts timeline={a.timeline} unit={unit} />
          )}

          <h2 className="section-title">Top quizzes</h2>
          {a.topQuizzes.length === 0 ? (
            <p className="empty">No quiz was taken in this period.</p>
          ) : (
            <div className="table-wrap">
              <table className="table table-stack" data-testid="top-quizzes">
                <caption className="visually-hidden">Quizzes with the most attempts in the period</caption>
                <thead>
                  <tr>
                    <th scope="col">Quiz</th>
                    <th scope="col">Attempts</th>
                    <th scope="col">Average score</th>
                  </tr>
                </thead>
                <tbody>
                  {a.topQuizzes.map((q) => (
                    <tr key={q.quizId}>
                      <th scope="row">
                        <Link to={`/org/${slug}/dashboard/quizzes/${encodeURIComponent(q.quizId)}/analytics`}>{q.title}</Link>
                      </th>
                      <td data-label="Attempts">{q.attempts}</td>
                      <td data-label="Average score">{formatPercent(q.averagePercentage)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}

          <h2 className="section-title">Members' progress</h2>
          {a.members.edges.length === 0 ? (
            <p className="empty">No member closed an attempt in this period.</p>
          ) : (
            <div className="table-wrap">
              <table className="table table-stack">
                <caption className="visually-hidden">Active members, most attempts first</caption>
                <thead>
                  <tr>
                    <th scope="col">Member</th>
                    <th scope="col">Attempts</th>
                    <th scope="col">New quizzes</th>
                    <th scope="col">Average score</th>
                    <th scope="col">Last active</th>
                  </tr>
                </thead>
                <tbody>
                  {a.members.edges.map(({ node: m }) => (
                    <tr key={m.memberId}>
                      <th scope="row">{m.displayName}</th>
                      <td data-label="Attempts">{m.attempts}</td>
                      <td data-label="New quizzes">{m.quizzesStarted}</td>
                      <td data-label="Average score">{formatPercent(m.averagePercentage)}</td>
                      <td data-label="Last active">{m.lastActiveOn ? formatDate(String(m.lastActiveOn)) : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}

function ActivityCharts({ timeline, unit }: { timeline: ActivityBucket[]; unit: 'day' | 'week' }) {
  const charts = useMemo(() => {
    const s = activitySeries(timeline);
    const common = { legend: { show: false }, cursor: { show: false }, scales: { x: { time: true } } } as const;
    const counts: Omit<uPlot.Options, 'width' | 'height'> = {
      ...common,
      scales: { ...common.scales, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
      axes: [{}, { label: `Per ${unit}` }],
      series: [
        {},
        { label: 'Attempts', fill: 'rgba(59, 91, 219, 0.55)', stroke: '#3b5bdb', paths: bars(), points: { show: false } },
        { label: 'Active members', stroke: '#237032', width: 2 },
      ],
    };
    const average: Omit<uPlot.Options, 'width' | 'height'> = {
      ...common,
      scales: { ...common.scales, y: { range: [0, 100] } },
      axes: [{}, { label: 'Average score (%)' }],
      series: [{}, { label: 'Average score', stroke: '#a35200', width: 2, spanGaps: true }],
    };
    return {
      counts: { options: counts, data: [s.x, s.attempts, s.activeMembers] as uPlot.AlignedData },
      average: { options: average, data: [s.x, s.average] as uPlot.AlignedData },
      total: s.attempts.reduce((n, x) => n + x, 0),
      busiest: Math.max(...s.attempts),
    };
  }, [timeline, unit]);

  return (
    <div className="chart-grid">
      <div>
        <h2 className="section-title">Attempts and active members per {unit}</h2>
        <p className="chart-key small" aria-hidden="true">
          <span className="key key-attempts" /> Attempts <span className="key key-members" /> Active members
        </p>
        <Chart
          summary={`${charts.total} attempts over ${timeline.length} ${unit}s with activity; at most ${charts.busiest} in one ${unit}.`}
          options={charts.counts.options}
          data={charts.counts.data}
          testId="activity-chart"
        />
      </div>
      <div>
        <h2 className="section-title">Average score per {unit}</h2>
        <Chart
          summary={`Average score per ${unit}, from ${formatPercent(timeline[0]?.averagePercentage)} to ${formatPercent(timeline.at(-1)?.averagePercentage)}.`}
          options={charts.average.options}
          data={charts.average.data}
          testId="average-chart"
        />
      </div>
      <details className="chart-table">
        <summary>The activity as a table</summary>
        <table className="table">
          <caption className="visually-hidden">Activity per {unit}</caption>
          <thead>
            <tr>
              <th scope="col">{unit === 'day' ? 'Day' : 'Week of'}</th>
              <th scope="col">Attempts</th>
              <th scope="col">Active members</th>
              <th scope="col">Average score</th>
            </tr>
          </thead>
          <tbody>
            {timeline.map((b) => (
              <tr key={b.start}>
                <th scope="row">{formatDate(b.start)}</th>
                <td>{b.attempts}</td>
                <td>{b.activeMembers}</td>
                <td>{formatPercent(b.averagePercentage)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
