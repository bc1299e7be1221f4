// The quiz editor's form model: what the inputs hold (strings, as typed), how it is checked
// per question kind (mirroring the server's limits and publish rules), and how it becomes
// CreateQuizInput / UpdateQuizInput. Error keys use the server's field paths
// (`questions[0].options`), so BAD_USER_INPUT `extensions.fields` land on the same inputs.
import type { AnswerReveal, QuestionKind, QuestionInput, CreateQuizInput, UpdateQuizInput } from '../gql/graphql';

export const QUESTION_KINDS: readonly { kind: QuestionKind; label: string }[] = [
  { kind: 'SINGLE_CHOICE', label: 'Single choice' },
  { kind: 'MULTIPLE_CHOICE', label: 'Multiple choice' },
  { kind: 'TRUE_FALSE', label: 'True / false' },
  { kind: 'SHORT_ANSWER', label: 'Short answer' },
  { kind: 'NUMERIC', label: 'Numeric' },
];

export function kindLabel(kind: QuestionKind): string {
  return QUESTION_KINDS.find((k) => k.kind === kind)?.label ?? kind;
}

/** When members see the right answers of their closed attempts (authors always do). */
export const ANSWER_REVEALS: readonly { value: AnswerReveal; label: string }[] = [
  { value: 'AFTER_LAST_ATTEMPT', label: 'After their last attempt' },
  { value: 'AFTER_CLOSE', label: 'After the quiz closes' },
  { value: 'NEVER', label: 'Never' },
  { value: 'AFTER_SUBMIT', label: 'After every submit' },
];

/** The one-line hint under the reveal select: what the choice means with these settings. */
export function revealHint(reveal: AnswerReveal, attemptsAllowed: string, closesAt: string): string {
  const attempts = parseNumber(attemptsAllowed);
  const closes = closesAt.trim() !== '';
  switch (reveal) {
    case 'AFTER_LAST_ATTEMPT':
      if (attempts == null && !closes) return 'With unlimited attempts and no closing time, answers are never shown.';
      return 'Shown once a member has no attempt left, or the quiz has closed: no retake with the answers.';
    case 'AFTER_CLOSE':
      return closes ? 'Shown to everyone once the quiz has closed.' : 'Set a closing time: without one, answers are never shown.';
    case 'NEVER':
      return 'Members see their score and which questions they got right, never the answers.';
    case 'AFTER_SUBMIT':
      return attempts === 1
        ? 'Shown right after the one attempt allowed.'
        : 'Careful: members can read the answers and retake the quiz for full marks. Allow one attempt, or pick another choice.';
  }
}

export const LIMITS = {
  title: 200,
  description: 10_000,
  prompt: 5_000,
  explanation: 5_000,
  options: 26,
  optionText: 1_000,
  acceptedAnswers: 50,
  acceptedAnswer: 500,
  points: 1_000,
  timeLimitSeconds: 7 * 24 * 3600,
  attemptsAllowed: 1_000,
  questions: 1_000,
} as const;

export interface OptionForm {
  key: string;
  text: string;
  correct: boolean;
}

export interface QuestionForm {
  key: string;
  kind: QuestionKind;
  prompt: string;
  points: string;
  explanation: string;
  options: OptionForm[];
  /** SHORT_ANSWER: one accepted answer per line. */
  acceptedAnswers: string;
  numericValue: string;
  numericTolerance: string;
}

export interface QuizForm {
  title: string;
  description: string;
  /** Minutes, as typed; empty for no limit. */
  timeLimitMinutes: string;
  attemptsAllowed: string;
  passMarkPercent: string;
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  revealAnswers: AnswerReveal;
  /** Passing earns the member a certificate (needs a pass mark). */
  certificateOnPass: boolean;
  /** `YYYY-MM-DDTHH:mm` from a datetime-local input (local time), or empty. */
  opensAt: string;
  closesAt: string;
  questions: QuestionForm[];
}

export type QuizFormErrors = Record<string, string>;

let seq = 0;
export const newKey = (): string => `k${++seq}`;

const TRUE_FALSE = ['True', 'False'] as const;

export function newOption(text = '', correct = false): OptionForm {
  return { key: newKey(), text, correct };
}

export function newQuestion(kind: QuestionKind = 'SINGLE_CHOICE'): QuestionForm {
  return withKind(
    { key: newKey(), kind, prompt: '', points: '1', explanation: '', options: [], acceptedAnswers: '', numericValue: '', numericTolerance: '0' },
    kind,
  );
}

/** Switches a question's kind, keeping what still makes sense. */
export function withKind(q: QuestionForm, kind: QuestionKind): QuestionForm {
  let options = q.options;
  if (kind === 'TRUE_FALSE') {
    const wasTrue = q.kind === 'TRUE_FALSE' ? q.options[0]?.correct ?? false : false;
    const wasFalse = q.kind === 'TRUE_FALSE' ? q.options[1]?.correct ?? false : false;
    options = [newOption(TRUE_FALSE[0], wasTrue), newOption(TRUE_FALSE[1], wasFalse)];
  } else if (kind === 'SINGLE_CHOICE' || kind === 'MULTIPLE_CHOICE') {
    if (q.kind === 'TRUE_FALSE' || options.length === 0) options = [newOption(), newOption()];
    if (kind === 'SINGLE_CHOICE' && options.filter((o) => o.correct).length > 1) {
      let seen = false;
      options = options.map((o) => {
        const keep = o.correct && !seen;
        if (o.correct) seen = true;
        return { ...o, correct: keep };
      });
    }
  } else {
    options = [];
  }
  return { ...q, kind, options };
}

export function emptyQuizForm(): QuizForm {
  return {
    title: '',
    description: '',
    timeLimitMinutes: '',
    attemptsAllowed: '',
    passMarkPercent: '',
    shuffleQuestions: false,
    shuffleOptions: false,
    revealAnswers: 'AFTER_LAST_ATTEMPT',
    certificateOnPass: false,
    opensAt: '',
    closesAt: '',
    questions: [newQuestion()],
  };
}

const isChoice = (k: QuestionKind) => k === 'SINGLE_CHOICE' || k === 'MULTIPLE_CHOICE' || k === 'TRUE_FALSE';

/** A number typed in a form: null when empty, NaN when not a number. */
export function parseNumber(s: string): number | null {
  const t = s.trim().replace(',', '.');
  if (t === '') return null;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return Number.NaN;
  return Number(t);
}

export function acceptedAnswersOf(q: QuestionForm): string[] {
  return q.acceptedAnswers
    .split('\n')
    .map((a) => a.trim())
    .filter(Boolean);
}

/** Every problem of one question, keyed `questions[i].field`. */
export function validateQuestion(q: QuestionForm, index: number): QuizFormErrors {
  const e: QuizFormErrors = {};
  const at = (f: string) => `questions[${index}].${f}`;
  if (!q.prompt.trim()) e[at('prompt')] = 'Write the question.';
  else if (q.prompt.length > LIMITS.prompt) e[at('prompt')] = `Use at most ${LIMITS.prompt} characters.`;
  const points = parseNumber(q.points);
  if (points == null || !Number.isFinite(points) || points <= 0 || points > LIMITS.points) {
    e[at('points')] = `Enter points above 0 and at most ${LIMITS.points}.`;
  }
  if (q.explanation.length > LIMITS.explanation) e[at('explanation')] = `Use at most ${LIMITS.explanation} characters.`;

  if (isChoice(q.kind)) {
    const correct = q.options.filter((o) => o.correct).length;
    if (q.kind === 'TRUE_FALSE') {
      if (q.options.length !== 2 || q.options[0]?.text !== 'True' || q.options[1]?.text !== 'False') {
        e[at('options')] = 'A true/false question has exactly the options True and False.';
      } else if (correct !== 1) e[at('options')] = 'Choose whether the statement is true or false.';
    } else if (q.options.length < 2) e[at('options')] = 'Add at least two options.';
    else if (q.options.length > LIMITS.options) e[at('options')] = `Use at most ${LIMITS.options} options.`;
    else if (q.options.some((o) => !o.text.trim())) e[at('options')] = 'Every option needs text.';
    else if (q.options.some((o) => o.text.length > LIMITS.optionText)) e[at('options')] = `Options have at most ${LIMITS.optionText} characters.`;
    else if (new Set(q.options.map((o) => o.text.trim().toLowerCase())).size !== q.options.length) {
      e[at('options')] = 'Two options have the same text.';
    } else if (q.kind === 'SINGLE_CHOICE' && correct !== 1) e[at('options')] = 'Mark exactly one option as correct.';
    else if (q.kind === 'MULTIPLE_CHOICE' && correct < 1) e[at('options')] = 'Mark at least one option as correct.';
  }
  if (q.kind === 'SHORT_ANSWER') {
    const answers = acceptedAnswersOf(q);
    if (answers.length === 0) e[at('acceptedAnswers')] = 'Add at least one accepted answer.';
    else if (answers.length > LIMITS.acceptedAnswers) e[at('acceptedAnswers')] = `Use at most ${LIMITS.acceptedAnswers} answers.`;
    else if (answers.some((a) => a.length > LIMITS.acceptedAnswer)) e[at('acceptedAnswers')] = `Each answer has at most ${LIMITS.acceptedAnswer} characters.`;
  }
  if (q.kind === 'NUMERIC') {
    const v = parseNumber(q.numericValue);
    if (v == null) e[at('numericValue')] = 'Enter the right value.';
    else if (!Number.isFinite(v)) e[at('numericValue')] = 'Enter a number, like 42 or 3.14.';
    const t = parseNumber(q.numericTolerance);
    if (t != null && (!Number.isFinite(t) || t < 0)) e[at('numericTolerance')] = 'Enter zero or a positive number.';
  }
  return e;
}

/** `YYYY-MM-DDTHH:mm` (local) → ISO 8601 (UTC); null when empty, undefined when invalid. */
export function localToIso(v: string): string | null | undefined {
  if (!v.trim()) return null;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(v)) return undefined;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** ISO 8601 → the `YYYY-MM-DDTHH:mm` a datetime-local input shows (local time). */
export function isoToLocal(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

export function validateQuizForm(f: QuizForm, opts: { questionsLocked?: boolean } = {}): QuizFormErrors {
  const e: QuizFormErrors = {};
  const title = f.title.trim();
  if (!title) e.title = 'Give the quiz a title.';
  else if (title.length > LIMITS.title) e.title = `Use at most ${LIMITS.title} characters.`;
  if (f.description.length > LIMITS.description) e.description = `Use at most ${LIMITS.description} characters.`;

  const minutes = parseNumber(f.timeLimitMinutes);
  if (minutes != null) {
    const secs = Number.isFinite(minutes) ? Math.round(minutes * 60) : Number.NaN;
    if (!Number.isFinite(secs) || secs < 1 || secs > LIMITS.timeLimitSeconds) {
      e.timeLimitSeconds = 'Enter minutes above 0 and at most 7 days (10080).';
    }
  }
  const attempts = parseNumber(f.attemptsAllowed);
  if (attempts != null && (!Number.isInteger(attempts) || attempts < 1 || attempts > LIMITS.attemptsAllowed)) {
    e.attemptsAllowed = `Enter a whole number from 1 to ${LIMITS.attemptsAllowed}, or leave it empty for no limit.`;
  }
  const mark = parseNumber(f.passMarkPercent);
  if (mark != null && (!Number.isFinite(mark) || mark < 0 || mark > 100)) {
    e.passMarkPercent = 'Enter a percentage from 0 to 100, or leave it empty.';
  }
  if (f.certificateOnPass && mark == null) {
    e.certificateOnPass = 'Set a pass mark: the certificate is issued on passing it.';
  }
  const opens = localToIso(f.opensAt);
  const closes = localToIso(f.closesAt);
  if (opens === undefined) e.opensAt = 'Enter a valid date and time.';
  if (closes === undefined) e.closesAt = 'Enter a valid date and time.';
  else if (opens && closes && new Date(closes) <= new Date(opens)) e.closesAt = 'Closing must be after opening.';

  if (!opts.questionsLocked) {
    if (f.questions.length === 0) e.questions = 'Add at least one question.';
    else if (f.questions.length > LIMITS.questions) e.questions = `Use at most ${LIMITS.questions} questions.`;
    f.questions.forEach((q, i) => Object.assign(e, validateQuestion(q, i)));
  }
  return e;
}

export function questionToInput(q: QuestionForm): QuestionInput {
  const base: QuestionInput = {
    kind: q.kind,
    prompt: q.prompt.trim(),
    points: parseNumber(q.points) ?? 1,
    explanation: q.explanation.trim() ? q.explanation.trim() : null,
  };
  if (isChoice(q.kind)) base.options = q.options.map((o) => ({ text: o.text.trim(), correct: o.correct }));
  if (q.kind === 'SHORT_ANSWER') base.acceptedAnswers = acceptedAnswersOf(q);
  if (q.kind === 'NUMERIC') {
    base.numericValue = parseNumber(q.numericValue);
    base.numericTolerance = parseNumber(q.numericTolerance) ?? 0;
  }
  return base;
}

function settingsOf(f: QuizForm) {
  const minutes = parseNumber(f.timeLimitMinutes);
  return {
    title: f.title.trim(),
    description: f.description.trim() ? f.description.trim() : null,
    timeLimitSeconds: minutes == null ? null : Math.round(minutes * 60),
    attemptsAllowed: parseNumber(f.attemptsAllowed),
    passMarkPercent: parseNumber(f.passMarkPercent),
    revealAnswers: f.revealAnswers,
    certificateOnPass: f.certificateOnPass,
    opensAt: localToIso(f.opensAt) ?? null,
    closesAt: localToIso(f.closesAt) ?? null,
  };
}

export function toCreateInput(f: QuizForm): CreateQuizInput {
  return {
    ...settingsOf(f),
    shuffleQuestions: f.shuffleQuestions,
    shuffleOptions: f.shuffleOptions,
    questions: f.questions.map(questionToInput),
  };
}

/** Every setting is sent (null clears); questions and shuffles only while they may change. */
export function toUpdateInput(id: string, f: QuizForm, opts: { questionsLocked?: boolean } = {}): UpdateQuizInput {
  const input: UpdateQuizInput = { id, ...settingsOf(f) };
  if (!opts.questionsLocked) {
    input.shuffleQuestions = f.shuffleQuestions;
    input.shuffleOptions = f.shuffleOptions;
    input.questions = f.questions.map(questionToInput);
  }
  return input;
}

export interface AuthoredQuestionLike {
  kind: QuestionKind;
  prompt: string;
  points: number;
  explanation?: string | null;
  acceptedAnswers: readonly string[];
  numericValue?: number | null;
  numericTolerance: number;
  options: readonly { text: string; correct: boolean }[];
}

export interface QuizSettingsLike {
  title: string;
  description?: string | null;
  timeLimitSeconds?: number | null;
  attemptsAllowed?: number | null;
  passMarkPercent?: number | null;
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  revealAnswers: AnswerReveal;
  certificateOnPass?: boolean;
  opensAt?: string | null;
  closesAt?: string | null;
}

const numText = (n: number | null | undefined) => (n == null ? '' : String(n));

export function formFromQuiz(quiz: QuizSettingsLike, questions: readonly AuthoredQuestionLike[]): QuizForm {
  return {
    title: quiz.title,
    description: quiz.description ?? '',
    timeLimitMinutes: quiz.timeLimitSeconds == null ? '' : String(Math.round((quiz.timeLimitSeconds / 60) * 1000) / 1000),
    attemptsAllowed: numText(quiz.attemptsAllowed),
    passMarkPercent: numText(quiz.passMarkPercent),
    shuffleQuestions: quiz.shuffleQuestions,
    shuffleOptions: quiz.shuffleOptions,
    revealAnswers: quiz.revealAnswers,
    certificateOnPass: quiz.certificateOnPass ?? false,
    opensAt: isoToLocal(quiz.opensAt),
    closesAt: isoToLocal(quiz.closesAt),
    questions: questions.map((q) => ({
      key: newKey(),
      kind: q.kind,
      prompt: q.prompt,
      points: String(q.points),
      explanation: q.explanation ?? '',
      options: q.options.map((o) => newOption(o.text, o.correct)),
      acceptedAnswers: q.acceptedAnswers.join('\n'),
      numericValue: numText(q.numericValue),
      numericTolerance: String(q.numericTolerance ?? 0),
    })),
  };
}
