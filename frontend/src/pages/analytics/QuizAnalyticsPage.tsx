import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import type uPlot from 'uplot';
import { QuizStatisticsQuery } from './operations';
import type { QuizStatisticsQuery as QuizStatisticsResult } from '../../gql/graphql';
import { useViewer } from '../../data/viewer';
import { FilterBar } from '../../components/FilterBar';
import { ErrorMessage, Field, Spinner } from '../../components/ui';
import { Chart, bars } from './Chart';
import {
  FLAG_ADVICE,
  ageText,
  alphaWord,
  bucketLabel,
  describeDistribution,
  discriminationWord,
  flagLabel,
  formatFigure,
  formatSeconds,
  formatShare,
  resultsCsvUrl,
} from './figures';
import './analytics.css';

type Quiz = Extract<NonNullable<QuizStatisticsResult['node']>, { __typename: 'Quiz' }>;
type Statistics = NonNullable<Quiz['statistics']>;
type QuestionStats = Statistics['questions'][number];

/** `/org/:slug/dashboard/quizzes/:quizId/analytics`: one quiz's figures, histogram and item analysis. */
export function QuizAnalyticsPage() {
  const { quizId = '' } = useParams();
  const { slug } = useViewer();
  const [firstAttemptsOnly, setFirstAttemptsOnly] = useState(true);
  const [since, setSince] = useState('');
  const [until, setUntil] = useState('');
  const rangeInvalid = Boolean(since && until && since > until);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: QuizStatisticsQuery,
    variables: { id: quizId, firstAttemptsOnly, since: since || null, until: until || null },
    requestPolicy: 'cache-and-network',
    pause: rangeInvalid,
  });
  const node = data?.node;
  const quiz = node?.__typename === 'Quiz' ? node : null;
  const stats = quiz?.statistics ?? null;
  const analysisPending = stats != null && stats.itemAnalysisStatus !== 'READY';
  useEffect(() => {
    // The server computes the item analysis in the background: ask again until it is in.
    if (!analysisPending) return undefined;
    const timer = window.setTimeout(() => refetch({ requestPolicy: 'network-only' }), 2000);
    return () => window.clearTimeout(timer);
  }, [analysisPending, data, refetch]);

  return (
    <section aria-labelledby="qa-title" className="analytics">
      <p className="small">
        <Link to={`/org/${slug}/dashboard/analytics`}>← Analytics</Link>
      </p>
      <div className="page-head">
        <h1 id="qa-title">Analytics{quiz ? `: ${quiz.title}` : ''}</h1>
        <div className="actions">
          {quiz && (
            <Link className="btn" to={`/org/${slug}/dashboard/quizzes/${encodeURIComponent(quiz.id)}`}>
              Edit the quiz
            </Link>
          )}
          {/* A plain link: the browser streams the file to disk with the session cookie (GET, same origin). */}
          <a className="btn btn-primary" href={resultsCsvUrl(quizId, { firstAttemptsOnly, since, until })} download>
            Export results (CSV)
          </a>
        </div>
      </div>
      <FilterBar label="Which attempts count" search={false}>
        <Field label="Attempts">
          {(p) => (
            <select {...p} value={firstAttemptsOnly ? 'first' : 'all'} onChange={(e) => setFirstAttemptsOnly(e.target.value === 'first')}>
              <option value="first">Each member's first attempt</option>
              <option value="all">All attempts</option>
            </select>
          )}
        </Field>
        <Field label="From">{(p) => <input {...p} type="date" value={since} onChange={(e) => setSince(e.target.value)} />}</Field>
        <Field label="To" error={rangeInvalid ? 'The end is before the start.' : undefined}>
          {(p) => <input {...p} type="date" value={until} onChange={(e) => setUntil(e.target.value)} />}
        </Field>
      </FilterBar>
      {fetching && !data ? (
        <Spinner label="Loading the quiz's statistics…" />
      ) : error ? (
        <ErrorMessage error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : !quiz ? (
        <ErrorMessage message="That quiz no longer exists." />
      ) : !stats || stats.attempts === 0 ? (
        <p className="empty">No closed attempts {since || until ? 'in these days' : 'yet'}: the figures appear once students have taken the quiz.</p>
      ) : (
        <QuizFigures stats={stats} />
      )}
    </section>
  );
}

function QuizFigures({ stats }: { stats: Statistics }) {
  const buckets = stats.scoreDistribution;
  const histogram = useMemo(() => {
    const options: Omit<uPlot.Options, 'width' | 'height'> = {
      legend: { show: false },
      cursor: { show: false },
      scales: { x: { time: false, range: [-0.5, buckets.length - 0.5] }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
      axes: [
        { values: (_u, ticks) => ticks.map((t) => (Number.isInteger(t) && buckets[t] ? bucketLabel(buckets[t]) : '')), label: 'Score (points)' },
        { label: 'Attempts', incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 5000, 10000] },
      ],
      series: [{}, { label: 'Attempts', fill: 'rgba(59, 91, 219, 0.6)', stroke: '#3b5bdb', paths: bars(), points: { show: false } }],
    };
    const data: uPlot.AlignedData = [buckets.map((_b, i) => i), buckets.map((b) => b.attempts)];
    return { options, data };
  }, [buckets]);

  return (
    <>
      <dl className="stats analytics-figures card" data-testid="quiz-figures">
        <Figure term="Attempts" value={String(stats.attempts)} />
        <Figure term="Participants" value={String(stats.participants)} />
        <Figure term="Completed in time" value={formatShare(stats.completionRate)} />
        <Figure term="Mean score" value={`${formatFigure(stats.mean, 1)} / ${formatFigure(stats.maxScore, 1)}`} />
        <Figure term="Median" value={formatFigure(stats.median, 1)} />
        <Figure term="Standard deviation" value={formatFigure(stats.standardDeviation, 2)} />
        <Figure term="Pass rate" value={stats.passRate == null ? 'No pass mark' : formatShare(stats.passRate)} />
        <Figure term="Average time" value={formatSeconds(stats.averageTimeSeconds)} />
      </dl>

      <h2 className="section-title">Score distribution</h2>
      <Chart summary={describeDistribution(buckets)} options={histogram.options} data={histogram.data} testId="score-histogram" />
      <details className="chart-table">
        <summary>The distribution as a table</summary>
        <table className="table">
          <caption className="visually-hidden">Attempts per score range</caption>
          <thead>
            <tr>
              <th scope="col">Score (points)</th>
              <th scope="col">Attempts</th>
            </tr>
          </thead>
          <tbody>
            {buckets.map((b) => (
              <tr key={b.low}>
                <th scope="row">{bucketLabel(b)}</th>
                <td>{b.attempts}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>

      <h2 className="section-title">Test statistics</h2>
      <dl className="stats analytics-figures card">
        <Figure term="Internal consistency (Cronbach's alpha)" value={`${formatFigure(stats.cronbachAlpha, 2)} (${alphaWord(stats.cronbachAlpha)})`} />
        <Figure term="Error ratio" value={formatShare(stats.errorRatio)} />
        <Figure term="Standard error" value={stats.standardError == null ? '—' : `${formatFigure(stats.standardError, 2)} points`} />
      </dl>
      <p className="muted small" data-testid="computed-at">
        {stats.computedAt == null ? (
          'Computing the item analysis…'
        ) : (
          <>
            Item analysis computed <time dateTime={stats.computedAt}>{ageText(stats.computedAt)}</time>
            {stats.itemAnalysisStatus === 'STALE' ? ' (a newer one is being computed…)' : ''}; it is recomputed after new
            attempts, at most every 5 minutes.
          </>
        )}
      </p>

      <h2 className="section-title">Questions</h2>
      <ItemAnalysisTable questions={stats.questions} />
      <FlagLegend questions={stats.questions} />
    </>
  );
}

function Figure({ term, value }: { term: string; value: string }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function ItemAnalysisTable({ questions }: { questions: readonly QuestionStats[] }) {
  return (
    <div className="table-wrap">
      <table className="table table-stack item-analysis" data-testid="item-analysis">
        <caption className="visually-hidden">Item analysis per question</caption>
        <thead>
          <tr>
            <th scope="col">Question</th>
            <th scope="col">Answered</th>
            <th scope="col">Facility</th>
            <th scope="col">Std. dev.</th>
            <th scope="col">Discrimination</th>
            <th scope="col">Efficiency</th>
            <th scope="col">Looks wrong?</th>
          </tr>
        </thead>
        <tbody>
          {questions.map((q) => (
            <tr key={q.questionId} className={q.flags.length ? 'flagged' : undefined}>
              <th scope="row">
                <span className="q-number">{q.number}.</span> {q.prompt}
                {q.options.length > 0 && <OptionPicks options={q.options} />}
              </th>
              <td data-label="Answered">{q.answered}</td>
              <td data-label="Facility">{formatShare(q.facilityIndex)}</td>
              <td data-label="Std. dev.">{formatFigure(q.standardDeviation, 2)}</td>
              <td data-label="Discrimination">
                {formatFigure(q.discriminationIndex, 2)} <span className="muted small">({discriminationWord(q.discriminationIndex)})</span>
              </td>
              <td data-label="Efficiency">{formatShare(q.discriminativeEfficiency)}</td>
              <td data-label="Looks wrong?">
                {q.flags.length === 0 ? (
                  <span className="muted">No</span>
                ) : (
                  <ul className="flag-list">
                    {q.flags.map((f, i) => (
                      <li key={f}>
                        <strong>{flagLabel(f)}</strong>
                        {q.flagReasons[i] && <span className="small">: {q.flagReasons[i]}</span>}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function OptionPicks({ options }: { options: QuestionStats['options'] }) {
  return (
    <ul className="option-picks small">
      {options.map((o) => (
        <li key={o.optionId}>
          {o.correct ? <span aria-label="right answer">✓ </span> : null}
          {o.text}: <strong>{o.picks}</strong> <span className="muted">({formatShare(o.share)})</span>
        </li>
      ))}
    </ul>
  );
}

/** The flags that occur on this quiz, each with what it means and what to do. */
function FlagLegend({ questions }: { questions: readonly QuestionStats[] }) {
  const seen = [...new Set(questions.flatMap((q) => q.flags))];
  return (
    <div className="card flag-legend">
      <h3>Reading the table</h3>
      <p className="small">
        <strong>Facility</strong> is the mean score on the question as a share of its points: high means easy. <strong>Discrimination</strong> is how
        well the question tells apart students who did well on the rest of the quiz from those who didn't (above 0.3 is good).{' '}
        <strong>Efficiency</strong> is discrimination corrected for how easy the question is.
      </p>
      {seen.length > 0 && (
        <dl className="small">
          {seen.map((f) => (
            <div key={f}>
              <dt>{FLAG_ADVICE[f].label}</dt>
              <dd>{FLAG_ADVICE[f].advice}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}
