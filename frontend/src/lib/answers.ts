// A participant's answers while taking a quiz, and the AnswerInput list the server takes.
import type { AnswerInput, QuestionKind } from '../gql/graphql';

export interface AnswerState {
  /** Choice kinds: chosen option ids. */
  selected: string[];
  /** SHORT_ANSWER text, or NUMERIC as typed. */
  text: string;
}

export type Answers = Record<string, AnswerState>;

export interface QuestionLike {
  id: string;
  kind: QuestionKind;
}

const EMPTY: AnswerState = { selected: [], text: '' };

export function answerOf(answers: Answers, questionId: string): AnswerState {
  return answers[questionId] ?? EMPTY;
}

/** Picks an option: replaces the choice for single-answer kinds, toggles for multiple choice. */
export function choose(answers: Answers, q: QuestionLike, optionId: string, checked = true): Answers {
  const cur = answerOf(answers, q.id);
  let selected: string[];
  if (q.kind === 'MULTIPLE_CHOICE') {
    const without = cur.selected.filter((id) => id !== optionId);
    selected = checked ? [...without, optionId] : without;
  } else {
    selected = checked ? [optionId] : [];
  }
  return { ...answers, [q.id]: { ...cur, selected } };
}

export function setText(answers: Answers, questionId: string, text: string): Answers {
  return { ...answers, [questionId]: { ...answerOf(answers, questionId), text } };
}

/** A number as typed (comma or dot decimal); null when it isn't one. */
export function parseAnswerNumber(text: string): number | null {
  const t = text.trim().replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

export function isAnswered(q: QuestionLike, a: AnswerState): boolean {
  switch (q.kind) {
    case 'SINGLE_CHOICE':
    case 'MULTIPLE_CHOICE':
    case 'TRUE_FALSE':
      return a.selected.length > 0;
    case 'NUMERIC':
      return parseAnswerNumber(a.text) != null;
    default:
      return a.text.trim() !== '';
  }
}

/**
 * The `answers` of saveAttemptAnswers / submitAttempt: one per answered question, in the
 * attempt's order, with only the field of its kind; unanswered questions are left out.
 */
export function buildAnswerPayload(questions: readonly QuestionLike[], answers: Answers): AnswerInput[] {
  const out: AnswerInput[] = [];
  for (const q of questions) {
    const a = answerOf(answers, q.id);
    if (!isAnswered(q, a)) continue;
    switch (q.kind) {
      case 'SINGLE_CHOICE':
      case 'TRUE_FALSE':
        out.push({ questionId: q.id, selectedOptionIds: a.selected.slice(0, 1) });
        break;
      case 'MULTIPLE_CHOICE':
        out.push({ questionId: q.id, selectedOptionIds: [...new Set(a.selected)] });
        break;
      case 'NUMERIC':
        out.push({ questionId: q.id, number: parseAnswerNumber(a.text) });
        break;
      case 'SHORT_ANSWER':
        out.push({ questionId: q.id, text: a.text.trim().slice(0, 1000) });
        break;
    }
  }
  return out;
}

export function answeredCount(questions: readonly QuestionLike[], answers: Answers): number {
  return questions.filter((q) => isAnswered(q, answerOf(answers, q.id))).length;
}
