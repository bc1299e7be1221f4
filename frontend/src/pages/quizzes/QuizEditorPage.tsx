import { useId, useMemo, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { useAction } from '../../data/useAction';
import {
  ArchiveQuizMutation,
  CreateQuizMutation,
  DuplicateQuizMutation,
  PublishQuizMutation,
  QuizEditorQuery,
  UpdateQuizMutation,
} from './operations';
import type { AnswerReveal, QuizFieldsFragment } from '../../gql/graphql';
import { useViewer } from '../../data/viewer';
import { errorDetails } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import {
  ANSWER_REVEALS,
  emptyQuizForm,
  formFromQuiz,
  newOption,
  newQuestion,
  QUESTION_KINDS,
  revealHint,
  toCreateInput,
  toUpdateInput,
  validateQuizForm,
  withKind,
  type QuestionForm,
  type QuizForm,
  type QuizFormErrors,
} from '../../lib/quizForm';
import { ConfirmDialog, ErrorMessage, Field, Notice, Spinner } from '../../components/ui';
import { PublishProblems } from './PublishProblems';
import { statusLabel } from './QuizzesPage';

type Quiz = QuizFieldsFragment;

/** Create (`quizzes/new`) or edit (`quizzes/:quizId`) a quiz. */
export function QuizEditorPage() {
  const { quizId } = useParams();
  // A fresh editor (state and all) for each quiz, and for a new one.
  return <QuizEditorLoader key={quizId ?? 'new'} quizId={quizId} />;
}

function QuizEditorLoader({ quizId }: { quizId: string | undefined }) {
  const { slug } = useViewer();
  const location = useLocation();
  // Kept here, so it outlives the editor being remounted with the saved quiz.
  const [notice, setNotice] = useState<string | null>((location.state as { notice?: string } | null)?.notice ?? null);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: QuizEditorQuery,
    variables: { id: quizId ?? '', slug },
    pause: !quizId,
  });
  const node = data?.node?.__typename === 'Quiz' ? data.node : null;
  const attempts = data?.organization?.attempts?.totalCount ?? 0;
  // The form starts from the stored quiz; a save brings a new `updatedAt` and so a fresh editor.
  const initial = useMemo(() => (node ? formFromQuiz(node, node.questionsWithAnswers) : emptyQuizForm()), [node]);

  if (quizId && !node) {
    if (fetching) return <Spinner label="Loading the quiz…" />;
    return (
      <section aria-labelledby="qe-title">
        <h1 id="qe-title">Quiz</h1>
        <ErrorMessage
          error={error}
          message={error ? undefined : 'That quiz no longer exists.'}
          onRetry={() => reexecute({ requestPolicy: 'network-only' })}
        />
        <p>
          <Link to={`/org/${slug}/dashboard/quizzes`}>Back to quizzes</Link>
        </p>
      </section>
    );
  }
  return (
    <Editor
      key={node ? `${node.id}:${node.updatedAt}` : 'new'}
      initial={initial}
      quiz={node}
      attempts={attempts}
      notice={notice}
      setNotice={setNotice}
    />
  );
}

interface EditorProps {
  initial: QuizForm;
  quiz: Quiz | null;
  attempts: number;
  notice: string | null;
  setNotice: (notice: string | null) => void;
}

function Editor({ initial, quiz, attempts, notice, setNotice }: EditorProps) {
  const { slug } = useViewer();
  const navigate = useNavigate();
  const updateQuiz = useAction(UpdateQuizMutation);
  const createQuiz = useAction(CreateQuizMutation);
  const publishQuiz = useAction(PublishQuizMutation);
  const duplicateQuiz = useAction(DuplicateQuizMutation);
  const archiveQuiz = useAction(ArchiveQuizMutation);
  const [form, setForm] = useState<QuizForm>(initial);
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<QuizFormErrors>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[] | null>(null);
  const [archiveOpen, setArchiveOpen] = useState(false);
  const locked = attempts > 0;
  const archived = quiz?.status === 'ARCHIVED';
  const readOnly = archived;
  const questionsLocked = locked || archived;
  const list = `/org/${slug}/dashboard/quizzes`;

  function update(patch: Partial<QuizForm>) {
    setForm((f) => ({ ...f, ...patch }));
    setDirty(true);
  }
  function updateQuestion(i: number, q: QuestionForm) {
    setForm((f) => ({ ...f, questions: f.questions.map((x, j) => (j === i ? q : x)) }));
    setDirty(true);
  }
  function moveQuestion(i: number, d: -1 | 1) {
    setForm((f) => {
      const qs = [...f.questions];
      const j = i + d;
      if (j < 0 || j >= qs.length) return f;
      [qs[i], qs[j]] = [qs[j]!, qs[i]!];
      return { ...f, questions: qs };
    });
    setDirty(true);
  }

  /** Saves; resolves to the quiz id, or null when something was wrong. */
  async function save(): Promise<string | null> {
    setError(null);
    setNotice(null);
    setProblems(null);
    const e = validateQuizForm(form, { questionsLocked });
    setErrors(e);
    if (Object.keys(e).length) {
      setError(`Please fix ${Object.keys(e).length === 1 ? 'the marked field' : `the ${Object.keys(e).length} marked fields`}.`);
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return null;
    }
    const r = quiz
      ? await updateQuiz.run({ input: toUpdateInput(quiz.id, form, { questionsLocked }) })
      : await createQuiz.run({ input: toCreateInput(form) });
    if (!r.ok) {
      setErrors(r.failure.fields);
      setError(r.failure.message);
      return null;
    }
    setDirty(false);
    return 'updateQuiz' in r.data ? r.data.updateQuiz.quiz.id : r.data.createQuiz.quiz.id;
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy('save');
    const id = await save();
    setBusy(null);
    if (!id) return;
    if (!quiz) navigate(`${list}/${encodeURIComponent(id)}`, { replace: true, state: { notice: 'The quiz is saved as a draft.' } });
    else setNotice('Changes saved.');
  }

  async function publish() {
    if (!quiz) return;
    setBusy('publish');
    if (dirty && !(await save())) {
      setBusy(null);
      return;
    }
    const r = await publishQuiz.run({ input: { id: quiz.id } });
    setBusy(null);
    if (!r.ok) {
      const d = errorDetails(r.error);
      if (d.problems.length) setProblems(d.problems);
      else setError(r.failure.message);
      return;
    }
    setNotice(`“${quiz.title}” is published.`);
  }

  async function duplicate() {
    if (!quiz) return;
    setBusy('duplicate');
    const r = await duplicateQuiz.run({ input: { id: quiz.id } });
    setBusy(null);
    if (!r.ok) {
      setError(r.failure.message);
      return;
    }
    const copy = r.data.duplicateQuiz.quiz;
    navigate(`${list}/${encodeURIComponent(copy.id)}`, { state: { notice: `“${copy.title}” is an editable copy.` } });
  }

  async function archive() {
    if (!quiz) return;
    setBusy('archive');
    const r = await archiveQuiz.run({ input: { id: quiz.id } });
    setBusy(null);
    setArchiveOpen(false);
    if (!r.ok) setError(r.failure.message);
    else setNotice(`“${quiz.title}” is archived.`);
  }

  const title = quiz ? `Edit “${quiz.title}”` : 'New quiz';
  return (
    <section aria-labelledby="qe-title" className="quiz-editor">
      <p className="small">
        <Link to={list}>← All quizzes</Link>
      </p>
      <div className="page-head">
        <h1 id="qe-title">{title}</h1>
        {quiz && (
          <span className={`status status-${quiz.status.toLowerCase()}`} data-testid="quiz-status">
            {statusLabel(quiz.status)}
          </span>
        )}
      </div>
      {quiz && (
        <p className="muted small">
          Version {quiz.version} · {quiz.questionCount} questions · {quiz.maxPoints} points · updated {formatDateTime(quiz.updatedAt)}
          {quiz.publishedAt ? ` · published ${formatDateTime(quiz.publishedAt)}` : ''}
        </p>
      )}
      {notice && <Notice kind="success">{notice}</Notice>}
      {locked && !archived && (
        <div className="alert alert-warning" role="note" data-testid="quiz-locked">
          <span>
            <strong>Questions are locked.</strong> This quiz has {attempts} {attempts === 1 ? 'attempt' : 'attempts'}, so its questions and
            shuffling can no longer change (results must stay comparable). You can still change its title, times and other settings, or
            duplicate it to get an editable copy.
          </span>
        </div>
      )}
      {archived && (
        <div className="alert alert-warning" role="note" data-testid="quiz-locked">
          <span>
            <strong>This quiz is archived</strong> and can't change any more. Duplicate it to make an editable copy.
          </span>
        </div>
      )}
      {problems && quiz && <PublishProblems title={quiz.title} problems={problems} />}
      {quiz && (
        <div className="actions toolbar" role="group" aria-label="Quiz actions">
          {quiz.status === 'DRAFT' && (
            <button type="button" className="btn btn-primary" onClick={publish} disabled={busy != null}>
              {busy === 'publish' ? 'Publishing…' : dirty ? 'Save and publish' : 'Publish'}
            </button>
          )}
          <button type="button" className="btn" onClick={duplicate} disabled={busy != null}>
            {busy === 'duplicate' ? 'Duplicating…' : 'Duplicate'}
          </button>
          {!archived && (
            <button type="button" className="btn btn-danger" onClick={() => setArchiveOpen(true)} disabled={busy != null}>
              Archive
            </button>
          )}
          <Link className="btn" to={`/org/${slug}/dashboard/leaderboard?quiz=${encodeURIComponent(quiz.id)}`}>
            Leaderboard
          </Link>
        </div>
      )}
      <form onSubmit={onSubmit} noValidate aria-labelledby="qe-title">
        <fieldset className="card stack" disabled={readOnly}>
          <legend>Settings</legend>
          <Field label="Title" error={errors.title}>
            {(p) => <input {...p} value={form.title} maxLength={200} onChange={(e) => update({ title: e.target.value })} />}
          </Field>
          <Field label="Description (optional)" error={errors.description}>
            {(p) => <textarea {...p} rows={2} value={form.description} onChange={(e) => update({ description: e.target.value })} />}
          </Field>
          <div className="row-3">
            <Field label="Time limit (minutes)" error={errors.timeLimitSeconds} hint="Empty: no limit.">
              {(p) => <input {...p} inputMode="decimal" value={form.timeLimitMinutes} onChange={(e) => update({ timeLimitMinutes: e.target.value })} />}
            </Field>
            <Field label="Attempts allowed" error={errors.attemptsAllowed} hint="Per member. Empty: no limit.">
              {(p) => <input {...p} inputMode="numeric" value={form.attemptsAllowed} onChange={(e) => update({ attemptsAllowed: e.target.value })} />}
            </Field>
            <Field label="Pass mark (%)" error={errors.passMarkPercent} hint="Empty: no pass mark.">
              {(p) => <input {...p} inputMode="decimal" value={form.passMarkPercent} onChange={(e) => update({ passMarkPercent: e.target.value })} />}
            </Field>
          </div>
          <div className="row-2">
            <Field label="Opens at (optional)" error={errors.opensAt} hint="Your local time.">
              {(p) => <input {...p} type="datetime-local" value={form.opensAt} onChange={(e) => update({ opensAt: e.target.value })} />}
            </Field>
            <Field label="Closes at (optional)" error={errors.closesAt} hint="Your local time.">
              {(p) => <input {...p} type="datetime-local" value={form.closesAt} onChange={(e) => update({ closesAt: e.target.value })} />}
            </Field>
          </div>
          <div className="checks">
            <label className="check">
              <input type="checkbox" checked={form.shuffleQuestions} disabled={questionsLocked} onChange={(e) => update({ shuffleQuestions: e.target.checked })} />
              Shuffle questions for each attempt
            </label>
            <label className="check">
              <input type="checkbox" checked={form.shuffleOptions} disabled={questionsLocked} onChange={(e) => update({ shuffleOptions: e.target.checked })} />
              Shuffle options for each attempt
            </label>
            <label className="check">
              <input
                type="checkbox"
                checked={form.certificateOnPass}
                aria-describedby="certificate-on-pass-hint"
                aria-invalid={Boolean(errors.certificateOnPass)}
                onChange={(e) => update({ certificateOnPass: e.target.checked })}
              />
              Issue a certificate on pass
            </label>
            <p className="hint" id="certificate-on-pass-hint">
              A member who reaches the pass mark gets one certificate for this quiz, with a public verification link and a PDF.
            </p>
            {errors.certificateOnPass && <p className="field-error">{errors.certificateOnPass}</p>}
          </div>
          <Field label="Show right answers and explanations" hint={revealHint(form.revealAnswers, form.attemptsAllowed, form.closesAt)}>
            {(p) => (
              <select {...p} value={form.revealAnswers} onChange={(e) => update({ revealAnswers: e.target.value as AnswerReveal })}>
                {ANSWER_REVEALS.map((r) => (
                  <option key={r.value} value={r.value}>
                    {r.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </fieldset>

        <fieldset className="stack questions" disabled={questionsLocked}>
          <legend>
            Questions <span className="muted small">({form.questions.length})</span>
          </legend>
          {errors.questions && (
            <p className="field-error" role="alert">
              {errors.questions}
            </p>
          )}
          <ol className="question-list">
            {form.questions.map((q, i) => (
              <li key={q.key}>
                <QuestionEditor
                  q={q}
                  index={i}
                  count={form.questions.length}
                  errors={errors}
                  onChange={(nq) => updateQuestion(i, nq)}
                  onMove={(d) => moveQuestion(i, d)}
                  onRemove={() => {
                    setForm((f) => ({ ...f, questions: f.questions.filter((_, j) => j !== i) }));
                    setDirty(true);
                  }}
                />
              </li>
            ))}
          </ol>
          {!questionsLocked && (
            <button
              type="button"
              className="btn"
              onClick={() => {
                update({ questions: [...form.questions, newQuestion()] });
                requestAnimationFrame(() => {
                  const all = document.querySelectorAll<HTMLElement>('.question-card [data-prompt]');
                  all[all.length - 1]?.focus();
                });
              }}
            >
              Add question
            </button>
          )}
        </fieldset>
        <ErrorMessage message={error} />
        {!readOnly && (
          <div className="actions sticky-actions">
            <Link className="btn" to={list}>
              Cancel
            </Link>
            <button type="submit" className="btn btn-primary" disabled={busy != null}>
              {busy === 'save' ? 'Saving…' : quiz ? 'Save changes' : 'Save draft'}
            </button>
          </div>
        )}
      </form>
      <ConfirmDialog
        open={archiveOpen}
        title={`Archive “${quiz?.title ?? ''}”?`}
        confirmLabel="Archive quiz"
        danger
        busy={busy === 'archive'}
        onConfirm={archive}
        onCancel={() => setArchiveOpen(false)}
      >
        <p>No one can start a new attempt on an archived quiz, and it can't be changed or published again.</p>
      </ConfirmDialog>
    </section>
  );
}

interface QEProps {
  q: QuestionForm;
  index: number;
  count: number;
  errors: QuizFormErrors;
  onChange: (q: QuestionForm) => void;
  onMove: (d: -1 | 1) => void;
  onRemove: () => void;
}

function QuestionEditor({ q, index, count, errors, onChange, onMove, onRemove }: QEProps) {
  const n = index + 1;
  const at = (f: string) => errors[`questions[${index}].${f}`];
  const optionsError = at('options') ?? Object.entries(errors).find(([k]) => k.startsWith(`questions[${index}].options[`))?.[1];
  const groupId = useId();
  const set = (patch: Partial<QuestionForm>) => onChange({ ...q, ...patch });
  const choice = q.kind === 'SINGLE_CHOICE' || q.kind === 'MULTIPLE_CHOICE' || q.kind === 'TRUE_FALSE';

  return (
    <div className="card question-card" role="group" aria-labelledby={`${groupId}-h`}>
      <div className="question-head">
        <h3 id={`${groupId}-h`}>Question {n}</h3>
        <div className="row-actions">
          <button type="button" className="btn btn-small" onClick={() => onMove(-1)} disabled={index === 0} aria-label={`Move question ${n} up`}>
            ↑
          </button>
          <button type="button" className="btn btn-small" onClick={() => onMove(1)} disabled={index === count - 1} aria-label={`Move question ${n} down`}>
            ↓
          </button>
          <button type="button" className="btn btn-small btn-danger" onClick={onRemove} aria-label={`Remove question ${n}`}>
            Remove
          </button>
        </div>
      </div>
      <div className="row-2">
        <Field label={`Question ${n} kind`}>
          {(p) => (
            <select {...p} value={q.kind} onChange={(e) => onChange(withKind(q, e.target.value as QuestionForm['kind']))}>
              {QUESTION_KINDS.map((k) => (
                <option key={k.kind} value={k.kind}>
                  {k.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={`Question ${n} points`} error={at('points')}>
          {(p) => <input {...p} inputMode="decimal" value={q.points} onChange={(e) => set({ points: e.target.value })} />}
        </Field>
      </div>
      <Field label={`Question ${n} prompt`} error={at('prompt')}>
        {(p) => <textarea {...p} data-prompt rows={2} value={q.prompt} onChange={(e) => set({ prompt: e.target.value })} />}
      </Field>

      {choice && (
        <fieldset className={`options${optionsError ? ' field-invalid' : ''}`} aria-describedby={optionsError ? `${groupId}-opt-err` : undefined}>
          <legend>
            {q.kind === 'TRUE_FALSE' ? 'The right answer' : q.kind === 'MULTIPLE_CHOICE' ? 'Options (tick every correct one)' : 'Options (choose the correct one)'}
          </legend>
          {q.kind === 'TRUE_FALSE' ? (
            <div className="radio-row">
              {q.options.map((o, oi) => (
                <label key={o.key} className="check">
                  <input
                    type="radio"
                    name={`${groupId}-tf`}
                    checked={o.correct}
                    onChange={() => set({ options: q.options.map((x, j) => ({ ...x, correct: j === oi })) })}
                  />
                  {o.text}
                </label>
              ))}
            </div>
          ) : (
            <ul className="option-list">
              {q.options.map((o, oi) => (
                <li key={o.key} className="option-row">
                  <label className="check">
                    <input
                      type={q.kind === 'MULTIPLE_CHOICE' ? 'checkbox' : 'radio'}
                      name={`${groupId}-correct`}
                      checked={o.correct}
                      aria-label={`Option ${oi + 1} is correct`}
                      onChange={(e) =>
                        set({
                          options: q.options.map((x, j) =>
                            q.kind === 'MULTIPLE_CHOICE' ? (j === oi ? { ...x, correct: e.target.checked } : x) : { ...x, correct: j === oi },
                          ),
                        })
                      }
                    />
                    <span className="visually-hidden">correct</span>
                  </label>
                  <input
                    aria-label={`Question ${n} option ${oi + 1}`}
                    value={o.text}
                    maxLength={1000}
                    onChange={(e) => set({ options: q.options.map((x, j) => (j === oi ? { ...x, text: e.target.value } : x)) })}
                  />
                  <button
                    type="button"
                    className="btn btn-small"
                    aria-label={`Remove option ${oi + 1} of question ${n}`}
                    onClick={() => set({ options: q.options.filter((_, j) => j !== oi) })}
                    disabled={q.options.length <= 2}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
          {q.kind !== 'TRUE_FALSE' && q.options.length < 26 && (
            <button type="button" className="btn btn-small" onClick={() => set({ options: [...q.options, newOption()] })}>
              Add option
            </button>
          )}
          {optionsError && (
            <p className="field-error" id={`${groupId}-opt-err`}>
              {optionsError}
            </p>
          )}
        </fieldset>
      )}
      {q.kind === 'SHORT_ANSWER' && (
        <Field label={`Question ${n} accepted answers`} error={at('acceptedAnswers')} hint="One per line; case and surrounding spaces are ignored.">
          {(p) => <textarea {...p} rows={3} value={q.acceptedAnswers} onChange={(e) => set({ acceptedAnswers: e.target.value })} />}
        </Field>
      )}
      {q.kind === 'NUMERIC' && (
        <div className="row-2">
          <Field label={`Question ${n} right value`} error={at('numericValue')}>
            {(p) => <input {...p} inputMode="decimal" value={q.numericValue} onChange={(e) => set({ numericValue: e.target.value })} />}
          </Field>
          <Field label={`Question ${n} tolerance`} error={at('numericTolerance')} hint="How far from the value still counts as right.">
            {(p) => <input {...p} inputMode="decimal" value={q.numericTolerance} onChange={(e) => set({ numericTolerance: e.target.value })} />}
          </Field>
        </div>
      )}
      <Field label={`Question ${n} explanation (optional)`} error={at('explanation')} hint="Shown after submitting when the quiz reveals answers.">
        {(p) => <textarea {...p} rows={2} value={q.explanation} onChange={(e) => set({ explanation: e.target.value })} />}
      </Field>
    </div>
  );
}
