import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useQuery } from 'urql';
import { useAction } from '../../data/useAction';
import { AttemptQuery, SaveAttemptAnswersMutation, SubmitAttemptMutation } from './operations';
import { MyRankQuery } from '../leaderboard/operations';
import type { AttemptFieldsFragment } from '../../gql/graphql';
import { useViewer } from '../../data/viewer';
import { answerOf, answeredCount, buildAnswerPayload, choose, setText, type Answers } from '../../lib/answers';
import { countdownLevel, crossedThreshold, describeCountdown, formatCountdown, formatDuration, remainingMs } from '../../lib/countdown';
import { formatScore } from '../../lib/leaderboardMerge';
import { ConfirmDialog, ErrorMessage, Notice, Spinner } from '../../components/ui';
import { useIntegrityReporting } from '../integrity/useIntegrityReporting';
import { IntegrityNotice } from '../integrity/IntegrityNotice';

type Attempt = AttemptFieldsFragment;

const storageKey = (id: string) => `qg:answers:${id}`;
function loadAnswers(id: string): Answers {
  try {
    const raw = sessionStorage.getItem(storageKey(id));
    return raw ? (JSON.parse(raw) as Answers) : {};
  } catch {
    return {};
  }
}
function storeAnswers(id: string, a: Answers | null) {
  try {
    if (a) sessionStorage.setItem(storageKey(id), JSON.stringify(a));
    else sessionStorage.removeItem(storageKey(id));
  } catch {
    /* storage may be unavailable */
  }
}

/** `/org/:slug/quizzes/attempts/:attemptId`: take an open attempt, or see a closed one's result. */
export function AttemptPage() {
  const { attemptId = '' } = useParams();
  const location = useLocation();
  const passed = (location.state as { attempt?: Attempt } | null)?.attempt;
  const [override, setOverride] = useState<Attempt | null>(passed && passed.id === attemptId ? passed : null);
  // Set when this page submitted the attempt because its time ran out.
  const [timeUp, setTimeUp] = useState(false);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: AttemptQuery,
    variables: { id: attemptId },
    requestPolicy: 'network-only',
    pause: override != null,
  });
  const node = data?.node;
  const attempt = override ?? (node?.__typename === 'Attempt' ? node : null);

  if (!attempt) {
    if (fetching) return <Spinner label="Loading the attempt…" />;
    return (
      <section aria-labelledby="at-title">
        <h1 id="at-title">Attempt</h1>
        <ErrorMessage error={error} message={error ? undefined : 'That attempt no longer exists.'} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      </section>
    );
  }
  return attempt.status === 'IN_PROGRESS' ? (
    <TakeAttempt
      key={attempt.id}
      attempt={attempt}
      onClosed={(closed, byTimer) => {
        setTimeUp(byTimer);
        setOverride(closed);
      }}
    />
  ) : (
    <AttemptResult attempt={attempt} timeUp={timeUp} />
  );
}

function useNow(ms = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(t);
  }, [ms]);
  return now;
}

function TakeAttempt({ attempt, onClosed }: { attempt: Attempt; onClosed: (a: Attempt, byTimer: boolean) => void }) {
  const { viewer } = useViewer();
  useIntegrityReporting(attempt.id, viewer.scopes.includes('integrity:write'));
  const submitAttempt = useAction(SubmitAttemptMutation);
  const saveAnswers = useAction(SaveAttemptAnswersMutation);
  const [answers, setAnswers] = useState<Answers>(() => loadAnswers(attempt.id));
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirm, setConfirm] = useState(false);
  const [announce, setAnnounce] = useState('');
  const now = useNow();
  const left = remainingMs(attempt.deadline, now);
  const prevLeft = useRef(left);
  const autoSubmitted = useRef(false);
  const questions = attempt.questions;
  const done = answeredCount(questions, answers);

  useEffect(() => storeAnswers(attempt.id, answers), [attempt.id, answers]);

  const submit = useCallback(async () => {
    setConfirm(false);
    setSubmitting(true);
    setError(null);
    const r = await submitAttempt.run({ input: { attemptId: attempt.id, answers: buildAnswerPayload(questions, answers) } });
    setSubmitting(false);
    if (!r.ok) {
      setError(r.failure.message);
      return;
    }
    storeAnswers(attempt.id, null);
    onClosed(r.data.submitAttempt.attempt, autoSubmitted.current);
    window.scrollTo?.(0, 0);
  }, [submitAttempt, attempt.id, questions, answers, onClosed]);

  const save = useCallback(async () => {
    setSaving(true);
    setError(null);
    const r = await saveAnswers.run({ input: { attemptId: attempt.id, answers: buildAnswerPayload(questions, answers) } });
    setSaving(false);
    if (!r.ok) setError(r.failure.message);
    else {
      setDirty(false);
      setSavedAt(new Date());
    }
  }, [saveAnswers, attempt.id, questions, answers]);

  // Autosave a few seconds after a change.
  useEffect(() => {
    if (!dirty) return;
    const t = setTimeout(() => void save(), 5000);
    return () => clearTimeout(t);
  }, [dirty, save]);

  // Announce 10, 5 and 1 minute(s) left; submit what there is when time is up.
  useEffect(() => {
    if (left == null) return;
    const crossed = prevLeft.current != null ? crossedThreshold(prevLeft.current, left) : null;
    prevLeft.current = left;
    if (crossed != null) setAnnounce(crossed === 0 ? 'Time is up. Submitting your answers.' : describeCountdown(left));
    if (left === 0 && !autoSubmitted.current) {
      autoSubmitted.current = true;
      void submit();
    }
  }, [left, submit]);

  function change(next: Answers) {
    setAnswers(next);
    setDirty(true);
  }

  return (
    <section aria-labelledby="at-title" className="take">
      <div className="take-head">
        <div>
          <h1 id="at-title">{attempt.quizTitle}</h1>
          <p className="muted small">
            Attempt {attempt.number} · {done} of {questions.length} answered · {formatScore(attempt.maxScore)} points
          </p>
        </div>
        {left != null && (
          <div className={`countdown countdown-${countdownLevel(left)}`} role="timer" aria-label={`Time left: ${describeCountdown(left)}`} data-testid="countdown">
            <span className="countdown-label" aria-hidden="true">
              Time left
            </span>
            <span className="countdown-value" aria-hidden="true">
              {formatCountdown(left)}
            </span>
          </div>
        )}
      </div>
      {left != null && (
        // Phones: the header above scrolls away, this compact timer stays at the top.
        <div
          className={`take-timer-compact countdown-${countdownLevel(left)}`}
          role="timer"
          aria-label={`Time left: ${describeCountdown(left)}`}
          data-testid="countdown-compact"
        >
          <span aria-hidden="true">
            <span className="take-timer-label">Time left</span> <strong className="take-timer-value">{formatCountdown(left)}</strong>
          </span>
          <span className="take-timer-progress" aria-hidden="true">
            {done}/{questions.length} answered
          </span>
        </div>
      )}
      <p className="visually-hidden" aria-live="assertive">
        {announce}
      </p>
      {left == null && <p className="muted small">No time limit.</p>}
      <IntegrityNotice compact />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (done < questions.length) setConfirm(true);
          else void submit();
        }}
      >
        <ol className="take-questions">
          {questions.map((q) => {
            const a = answerOf(answers, q.id);
            const legendId = `q-${q.number}`;
            return (
              <li key={q.id} className="card take-question">
                <fieldset aria-labelledby={legendId}>
                  <legend id={legendId}>
                    <span className="q-number">Question {q.number}</span>{' '}
                    <span className="muted small">
                      ({formatScore(q.points)} {q.points === 1 ? 'point' : 'points'}
                      {q.kind === 'MULTIPLE_CHOICE' ? ', choose all that apply' : ''})
                    </span>
                    <span className="q-prompt">{q.prompt}</span>
                  </legend>
                  {q.kind === 'SHORT_ANSWER' ? (
                    <label className="field">
                      <span className="visually-hidden">Your answer to question {q.number}</span>
                      <input value={a.text} maxLength={1000} onChange={(e) => change(setText(answers, q.id, e.target.value))} placeholder="Your answer" />
                    </label>
                  ) : q.kind === 'NUMERIC' ? (
                    <label className="field">
                      <span className="visually-hidden">Your answer to question {q.number} (a number)</span>
                      <input inputMode="decimal" value={a.text} onChange={(e) => change(setText(answers, q.id, e.target.value))} placeholder="A number" />
                    </label>
                  ) : (
                    <ul className="choices">
                      {q.options.map((o) => (
                        <li key={o.id}>
                          <label className="choice">
                            <input
                              type={q.kind === 'MULTIPLE_CHOICE' ? 'checkbox' : 'radio'}
                              name={`answer-${q.id}`}
                              checked={a.selected.includes(o.id)}
                              onChange={(e) => change(choose(answers, q, o.id, e.target.checked))}
                            />
                            <span>{o.text}</span>
                          </label>
                        </li>
                      ))}
                    </ul>
                  )}
                </fieldset>
              </li>
            );
          })}
        </ol>
        <ErrorMessage message={error} />
        <div className="actions sticky-actions">
          <span className="muted small" aria-live="polite">
            {saving ? 'Saving…' : savedAt && !dirty ? `Saved at ${savedAt.toLocaleTimeString()}` : dirty ? 'Unsaved changes' : ''}
          </span>
          <button type="button" className="btn" onClick={() => void save()} disabled={saving || submitting}>
            Save answers
          </button>
          <button type="submit" className="btn btn-primary" disabled={submitting}>
            {submitting ? 'Submitting…' : 'Submit'}
          </button>
        </div>
      </form>
      <ConfirmDialog
        open={confirm}
        title="Submit with unanswered questions?"
        confirmLabel="Submit anyway"
        onConfirm={() => void submit()}
        onCancel={() => setConfirm(false)}
        busy={submitting}
      >
        <p>
          You answered {done} of {questions.length} questions. Unanswered questions score no points, and you can't change your answers after
          submitting.
        </p>
      </ConfirmDialog>
    </section>
  );
}

function AttemptResult({ attempt, timeUp = false }: { attempt: Attempt; timeUp?: boolean }) {
  const { slug } = useViewer();
  const quizId = attempt.quiz?.id ?? null;
  const [{ data: rankData, fetching: rankFetching }, refetchRank] = useQuery({
    query: MyRankQuery,
    variables: { slug, quizId },
    requestPolicy: 'network-only',
    pause: !quizId,
  });
  const myRank = rankData?.organization?.leaderboard?.myRank;
  // The board is updated right after the submission; ask again briefly if it isn't there yet.
  const [tries, setTries] = useState(0);
  useEffect(() => {
    if (!quizId || rankFetching || !rankData || myRank || tries >= 5) return;
    const t = setTimeout(() => {
      setTries((n) => n + 1);
      refetchRank({ requestPolicy: 'network-only' });
    }, 800);
    return () => clearTimeout(t);
  }, [quizId, rankFetching, rankData, myRank, refetchRank, tries]);

  const results = attempt.results ?? [];
  const correct = results.filter((r) => r.correct).length;
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  return (
    <section aria-labelledby="res-title" className="result">
      <h1 id="res-title" tabIndex={-1} ref={headingRef}>
        Result: {attempt.quizTitle}
      </h1>
      {(timeUp || attempt.status === 'EXPIRED') && (
        <Notice kind="warning">
          <span data-testid="time-up">
            Time's up: your answers were submitted.
            {attempt.status === 'EXPIRED' ? ' The answers saved before the deadline were scored.' : ''}
          </span>
        </Notice>
      )}
      <div className="card result-summary" data-testid="attempt-result">
        <dl className="stats">
          <div>
            <dt>Score</dt>
            <dd>
              {formatScore(attempt.score ?? 0)} / {formatScore(attempt.maxScore)}
            </dd>
          </div>
          <div>
            <dt>Percentage</dt>
            <dd>{attempt.percentage != null ? `${Math.round(attempt.percentage * 10) / 10}%` : '—'}</dd>
          </div>
          <div>
            <dt>Passed</dt>
            <dd>{attempt.passed == null ? 'No pass mark' : attempt.passed ? 'Yes' : 'No'}</dd>
          </div>
          <div>
            <dt>Correct</dt>
            <dd>
              {correct} of {results.length}
            </dd>
          </div>
          <div>
            <dt>Your rank</dt>
            <dd data-testid="my-rank">
              {!quizId ? '—' : myRank ? `#${myRank.rank} of ${rankData?.organization?.leaderboard?.totalCount}` : rankFetching || tries < 5 ? 'Loading…' : 'Not ranked yet'}
            </dd>
          </div>
        </dl>
        {attempt.closedAt && attempt.startedAt && (
          <p className="muted small">Time taken: {formatDuration((new Date(attempt.closedAt).getTime() - new Date(attempt.startedAt).getTime()) / 1000)}</p>
        )}
      </div>
      <h2 className="section-title">Questions</h2>
      <ol className="result-list">
        {results.map((r) => {
          const q = r.question;
          const optionText = (id: string) => q.options.find((o) => o.id === id)?.text ?? '?';
          const given =
            q.kind === 'SHORT_ANSWER' ? r.text : q.kind === 'NUMERIC' ? (r.number ?? r.text)?.toString() : r.selectedOptionIds.map(optionText).join(', ');
          const rev = r.revealed;
          return (
            <li key={q.id} className={`card result-item ${r.correct ? 'is-correct' : 'is-wrong'}`}>
              <p className="result-q">
                <strong>Question {q.number}.</strong> {q.prompt}
              </p>
              <p>
                <span className={`verdict ${r.correct ? 'ok' : r.pointsAwarded > 0 ? 'partial' : 'bad'}`}>
                  {r.correct ? '✓ Correct' : !r.answered ? '✗ Not answered' : r.pointsAwarded > 0 ? '◐ Partly correct' : '✗ Incorrect'}
                </span>{' '}
                <span className="muted small">
                  {formatScore(r.pointsAwarded)} / {formatScore(q.points)} points
                </span>
              </p>
              {r.answered && (
                <p className="small">
                  Your answer: <strong>{given || '—'}</strong>
                </p>
              )}
              {rev && (
                <div className="revealed small">
                  {rev.correctOptionIds.length > 0 && <p>Right answer: {rev.correctOptionIds.map(optionText).join(', ')}</p>}
                  {rev.acceptedAnswers.length > 0 && <p>Accepted answers: {rev.acceptedAnswers.join(', ')}</p>}
                  {rev.numericValue != null && (
                    <p>
                      Right value: {rev.numericValue}
                      {rev.numericTolerance ? ` (± ${rev.numericTolerance})` : ''}
                    </p>
                  )}
                  {rev.explanation && <p className="explanation">{rev.explanation}</p>}
                </div>
              )}
            </li>
          );
        })}
      </ol>
      <div className="actions">
        <Link className="btn" to={`/org/${slug}/quizzes`}>
          Back to your quizzes
        </Link>
        {quizId && (
          <Link className="btn btn-primary" to={`/org/${slug}/quizzes/leaderboard?quiz=${encodeURIComponent(quizId)}`}>
            See the leaderboard
          </Link>
        )}
      </div>
    </section>
  );
}
