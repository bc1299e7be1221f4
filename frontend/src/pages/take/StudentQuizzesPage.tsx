import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { useAction } from '../../data/useAction';
import { MyAttemptsQuery, OpenQuizzesQuery, StartAttemptMutation } from './operations';
import { useViewer } from '../../data/viewer';
import { useCursorPager, useDebounced } from '../../lib/pagination';
import { formatDateTime } from '../../lib/format';
import { formatDuration } from '../../lib/countdown';
import { formatScore } from '../../lib/leaderboardMerge';
import { ErrorMessage, Spinner } from '../../components/ui';
import { ConnectionTable } from '../../components/ConnectionTable';
import { FilterBar, SearchFilter } from '../../components/FilterBar';
import { IntegrityNotice } from '../integrity/IntegrityNotice';

/** The student's home: the published quizzes open now, and their own attempts. */
export function StudentQuizzesPage() {
  const { viewer, slug } = useViewer();
  const startAttempt = useAction(StartAttemptMutation);
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const debounced = useDebounced(search.trim(), 300);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: OpenQuizzesQuery,
    variables: { slug, first: 50, search: debounced || null },
    requestPolicy: 'cache-and-network',
  });
  const attemptsPager = useCursorPager();
  const [attemptsResult, reexecuteAttempts] = useQuery({
    query: MyAttemptsQuery,
    variables: { slug, first: 20, after: attemptsPager.after, memberId: viewer.member?.id ?? null },
    requestPolicy: 'cache-and-network',
    pause: !viewer.member,
  });
  const [starting, setStarting] = useState<string | null>(null);
  const [startError, setStartError] = useState<string | null>(null);
  const quizzes = (data?.organization?.quizzes?.edges ?? []).map((e) => e.node).filter((q) => q.isOpen);
  const attempts = (attemptsResult.data?.organization?.attempts?.edges ?? []).map((e) => e.node);
  const openAttempt = (quizId: string) => attempts.find((a) => a.status === 'IN_PROGRESS' && a.quiz?.id === quizId);

  async function start(quizId: string, title: string) {
    setStartError(null);
    setStarting(quizId);
    const r = await startAttempt.run({ input: { quizId } });
    setStarting(null);
    if (!r.ok) {
      setStartError(`${title}: ${r.failure.message}`);
      return;
    }
    const attempt = r.data.startAttempt.attempt;
    navigate(`/org/${slug}/quizzes/attempts/${encodeURIComponent(attempt.id)}`, { state: { attempt } });
  }

  return (
    <section aria-labelledby="sq-title">
      <div className="page-head">
        <h1 id="sq-title">Your quizzes</h1>
        <Link className="btn" to={`/org/${slug}/quizzes/leaderboard`}>
          Leaderboard
        </Link>
      </div>
      <p className="muted">Hello {viewer.member?.displayName}. These are the quizzes you can take now.</p>
      <IntegrityNotice />
      <FilterBar label="Search quizzes">
        <SearchFilter label="Search by title" value={search} onChange={setSearch} />
      </FilterBar>
      <ErrorMessage message={startError} />
      {fetching && !data ? (
        <Spinner label="Loading quizzes…" />
      ) : error ? (
        <ErrorMessage error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : quizzes.length === 0 ? (
        <p className="empty">{debounced ? 'No open quiz matches.' : 'No quizzes are open for you right now.'}</p>
      ) : (
        <ul className="quiz-cards">
          {quizzes.map((q) => {
            const resume = openAttempt(q.id);
            return (
              <li key={q.id} className="card quiz-card">
                <h2>{q.title}</h2>
                {q.description && <p>{q.description}</p>}
                <p className="muted small">
                  {q.questionCount} {q.questionCount === 1 ? 'question' : 'questions'} · {formatScore(q.maxPoints)} points
                  {q.timeLimitSeconds ? ` · time limit ${formatDuration(q.timeLimitSeconds)}` : ' · no time limit'}
                  {q.attemptsAllowed ? ` · ${q.attemptsAllowed} ${q.attemptsAllowed === 1 ? 'attempt' : 'attempts'} allowed` : ''}
                  {q.passMarkPercent != null ? ` · pass mark ${q.passMarkPercent}%` : ''}
                  {q.closesAt ? ` · closes ${formatDateTime(q.closesAt)}` : ''}
                </p>
                {resume ? (
                  <Link className="btn btn-primary" to={`/org/${slug}/quizzes/attempts/${encodeURIComponent(resume.id)}`} aria-label={`Resume ${q.title}`}>
                    Resume
                  </Link>
                ) : (
                  <button type="button" className="btn btn-primary" disabled={starting != null} onClick={() => start(q.id, q.title)} aria-label={`Start ${q.title}`}>
                    {starting === q.id ? 'Starting…' : 'Start'}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <h2 className="section-title">Your attempts</h2>
      <ConnectionTable
        label="Your attempts"
        fetching={attemptsResult.fetching}
        error={attemptsResult.error}
        connection={attemptsResult.data?.organization?.attempts}
        onRetry={() => reexecuteAttempts({ requestPolicy: 'network-only' })}
        pager={attemptsPager}
        loadingLabel="Loading your attempts…"
        empty="You haven't taken a quiz yet."
        rowKey={(a) => a.id}
        columns={[
          {
            header: 'Quiz',
            rowHeader: true,
            cell: (a) => (
              <Link to={`/org/${slug}/quizzes/attempts/${encodeURIComponent(a.id)}`}>
                {a.quizTitle} #{a.number}
              </Link>
            ),
          },
          { header: 'Status', cell: (a) => (a.status === 'IN_PROGRESS' ? 'In progress' : a.status === 'SUBMITTED' ? 'Submitted' : 'Expired') },
          {
            header: 'Score',
            cell: (a) => (
              <>
                {a.score != null ? `${formatScore(a.score)} / ${formatScore(a.maxScore)}` : '—'}
                {a.percentage != null ? ` (${Math.round(a.percentage)}%)` : ''}
                {a.passed != null ? (a.passed ? ' · passed' : ' · not passed') : ''}
              </>
            ),
          },
          { header: 'Started', cell: (a) => formatDateTime(a.startedAt) },
        ]}
      />
    </section>
  );
}
