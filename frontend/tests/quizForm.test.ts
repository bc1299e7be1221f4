import { describe, expect, it } from 'vitest';
import {
  ANSWER_REVEALS,
  emptyQuizForm,
  formFromQuiz,
  localToIso,
  newOption,
  newQuestion,
  revealHint,
  toCreateInput,
  toUpdateInput,
  validateQuestion,
  validateQuizForm,
  withKind,
  type QuestionForm,
  type QuizForm,
} from '../src/lib/quizForm';

const q = (patch: Partial<QuestionForm>): QuestionForm => ({ ...newQuestion(patch.kind ?? 'SINGLE_CHOICE'), prompt: 'Why?', ...patch });
const choice = (kind: QuestionForm['kind'], opts: [string, boolean][]) => q({ kind, options: opts.map(([t, c]) => newOption(t, c)) });
const form = (patch: Partial<QuizForm> = {}): QuizForm => ({ ...emptyQuizForm(), title: 'Quiz', questions: [choice('SINGLE_CHOICE', [['a', true], ['b', false]])], ...patch });

describe('validateQuestion per kind', () => {
  it('accepts a complete single choice question', () => {
    expect(validateQuestion(choice('SINGLE_CHOICE', [['a', true], ['b', false]]), 0)).toEqual({});
  });
  it('single choice needs exactly one correct option', () => {
    expect(validateQuestion(choice('SINGLE_CHOICE', [['a', false], ['b', false]]), 0)['questions[0].options']).toMatch(/exactly one/);
    expect(validateQuestion(choice('SINGLE_CHOICE', [['a', true], ['b', true]]), 2)['questions[2].options']).toMatch(/exactly one/);
  });
  it('multiple choice needs at least one correct option and allows several', () => {
    expect(validateQuestion(choice('MULTIPLE_CHOICE', [['a', true], ['b', true], ['c', false]]), 0)).toEqual({});
    expect(validateQuestion(choice('MULTIPLE_CHOICE', [['a', false], ['b', false]]), 0)['questions[0].options']).toMatch(/at least one/);
  });
  it('choice kinds need two options with distinct, non-empty text', () => {
    expect(validateQuestion(choice('SINGLE_CHOICE', [['a', true]]), 0)['questions[0].options']).toMatch(/two options/);
    expect(validateQuestion(choice('SINGLE_CHOICE', [['a', true], [' ', false]]), 0)['questions[0].options']).toMatch(/needs text/);
    expect(validateQuestion(choice('SINGLE_CHOICE', [['Paris', true], ['paris ', false]]), 0)['questions[0].options']).toMatch(/same text/);
  });
  it('true/false has exactly True and False and one chosen answer', () => {
    const tf = withKind(q({}), 'TRUE_FALSE');
    expect(tf.options.map((o) => o.text)).toEqual(['True', 'False']);
    expect(validateQuestion(tf, 0)['questions[0].options']).toMatch(/true or false/);
    tf.options[1]!.correct = true;
    expect(validateQuestion(tf, 0)).toEqual({});
  });
  it('short answer needs an accepted answer', () => {
    expect(validateQuestion(q({ kind: 'SHORT_ANSWER', acceptedAnswers: ' \n ' }), 0)['questions[0].acceptedAnswers']).toBeDefined();
    expect(validateQuestion(q({ kind: 'SHORT_ANSWER', acceptedAnswers: 'Paris\nparis, France' }), 0)).toEqual({});
  });
  it('numeric needs a number and a non-negative tolerance', () => {
    expect(validateQuestion(q({ kind: 'NUMERIC', numericValue: '' }), 0)['questions[0].numericValue']).toMatch(/right value/);
    expect(validateQuestion(q({ kind: 'NUMERIC', numericValue: 'abc' }), 0)['questions[0].numericValue']).toMatch(/number/);
    expect(validateQuestion(q({ kind: 'NUMERIC', numericValue: '3,14', numericTolerance: '-1' }), 0)['questions[0].numericTolerance']).toBeDefined();
    expect(validateQuestion(q({ kind: 'NUMERIC', numericValue: '3.14', numericTolerance: '0.01' }), 0)).toEqual({});
  });
  it('checks prompt and points for every kind', () => {
    const e = validateQuestion(q({ kind: 'SHORT_ANSWER', prompt: ' ', points: '0', acceptedAnswers: 'x' }), 1);
    expect(e['questions[1].prompt']).toBeDefined();
    expect(e['questions[1].points']).toBeDefined();
    expect(validateQuestion(q({ kind: 'SHORT_ANSWER', points: '1001', acceptedAnswers: 'x' }), 0)['questions[0].points']).toBeDefined();
  });
});

describe('validateQuizForm', () => {
  it('needs a title and a question', () => {
    const e = validateQuizForm({ ...emptyQuizForm(), questions: [] });
    expect(e.title).toBeDefined();
    expect(e.questions).toBeDefined();
  });
  it('checks the settings', () => {
    const e = validateQuizForm(form({ timeLimitMinutes: '0', attemptsAllowed: '1.5', passMarkPercent: '101', opensAt: '2030-01-02T10:00', closesAt: '2030-01-01T10:00' }));
    expect(Object.keys(e).sort()).toEqual(['attemptsAllowed', 'closesAt', 'passMarkPercent', 'timeLimitSeconds']);
    expect(validateQuizForm(form({ timeLimitMinutes: '10081' })).timeLimitSeconds).toBeDefined();
    expect(validateQuizForm(form({ timeLimitMinutes: '1.5', attemptsAllowed: '3', passMarkPercent: '50' }))).toEqual({});
  });
  it('issues certificates only with a pass mark', () => {
    expect(validateQuizForm(form({ certificateOnPass: true })).certificateOnPass).toMatch(/pass mark/);
    expect(validateQuizForm(form({ certificateOnPass: true, passMarkPercent: '60' }))).toEqual({});
    expect(toCreateInput(form({ certificateOnPass: true, passMarkPercent: '60' })).certificateOnPass).toBe(true);
    expect(toUpdateInput('Q1', form(), { questionsLocked: true }).certificateOnPass).toBe(false);
  });
  it('skips the questions of a locked quiz', () => {
    expect(validateQuizForm(form({ questions: [q({ prompt: '' })] }), { questionsLocked: true })).toEqual({});
  });
});

describe('revealing answers', () => {
  it('defaults to the safe choice and sends it, never the deprecated flag', () => {
    const input = toCreateInput(emptyQuizForm());
    expect(input.revealAnswers).toBe('AFTER_LAST_ATTEMPT');
    expect(input).not.toHaveProperty('revealAnswersAfterSubmit');
    expect(ANSWER_REVEALS.map((r) => r.value)).toEqual(['AFTER_LAST_ATTEMPT', 'AFTER_CLOSE', 'NEVER', 'AFTER_SUBMIT']);
  });
  it('says in one line what the choice means with the other settings', () => {
    expect(revealHint('AFTER_LAST_ATTEMPT', '', '')).toMatch(/never shown/);
    expect(revealHint('AFTER_LAST_ATTEMPT', '2', '')).toMatch(/no attempt left/);
    expect(revealHint('AFTER_CLOSE', '', '')).toMatch(/Set a closing time/);
    expect(revealHint('AFTER_CLOSE', '', '2030-01-01T10:00')).toMatch(/once the quiz has closed/);
    expect(revealHint('AFTER_SUBMIT', '', '')).toMatch(/retake the quiz for full marks/);
    expect(revealHint('AFTER_SUBMIT', '1', '')).toMatch(/one attempt allowed/);
    expect(revealHint('NEVER', '', '')).toMatch(/never the answers/);
  });
});

describe('inputs', () => {
  it('builds CreateQuizInput with only the fields of each kind', () => {
    const input = toCreateInput(
      form({
        title: '  Capitals ',
        timeLimitMinutes: '1.5',
        passMarkPercent: '60',
        questions: [
          choice('SINGLE_CHOICE', [['Paris', true], ['Rome', false]]),
          q({ kind: 'SHORT_ANSWER', acceptedAnswers: 'Berlin\n\n berlin ', explanation: ' Because. ' }),
          q({ kind: 'NUMERIC', numericValue: '3,5', numericTolerance: '' , points: '2'}),
        ],
      }),
    );
    expect(input.title).toBe('Capitals');
    expect(input.timeLimitSeconds).toBe(90);
    expect(input.passMarkPercent).toBe(60);
    expect(input.attemptsAllowed).toBeNull();
    expect(input.questions?.[0]).toEqual({ kind: 'SINGLE_CHOICE', prompt: 'Why?', points: 1, explanation: null, options: [{ text: 'Paris', correct: true }, { text: 'Rome', correct: false }] });
    expect(input.questions?.[1]).toMatchObject({ kind: 'SHORT_ANSWER', acceptedAnswers: ['Berlin', 'berlin'], explanation: 'Because.' });
    expect(input.questions?.[1]).not.toHaveProperty('options');
    expect(input.questions?.[2]).toMatchObject({ kind: 'NUMERIC', numericValue: 3.5, numericTolerance: 0, points: 2 });
  });
  it('leaves questions and shuffles out of the update of a locked quiz', () => {
    const u = toUpdateInput('Q1', form({ shuffleQuestions: true }), { questionsLocked: true });
    expect(u).not.toHaveProperty('questions');
    expect(u).not.toHaveProperty('shuffleQuestions');
    expect(u.id).toBe('Q1');
    expect(toUpdateInput('Q1', form()).questions).toHaveLength(1);
  });
  it('round-trips an authored quiz through the form', () => {
    const f = formFromQuiz(
      { title: 'T', timeLimitSeconds: 600, attemptsAllowed: 2, passMarkPercent: null, shuffleQuestions: true, shuffleOptions: false, revealAnswers: 'AFTER_CLOSE', opensAt: null, closesAt: null },
      [{ kind: 'NUMERIC', prompt: 'p', points: 2, explanation: null, acceptedAnswers: [], numericValue: 9.8, numericTolerance: 0.1, options: [] }],
    );
    expect(f.timeLimitMinutes).toBe('10');
    expect(f.attemptsAllowed).toBe('2');
    expect(f.questions[0]).toMatchObject({ kind: 'NUMERIC', numericValue: '9.8', numericTolerance: '0.1', points: '2' });
    expect(toCreateInput(f).timeLimitSeconds).toBe(600);
    expect(f.revealAnswers).toBe('AFTER_CLOSE');
    expect(toCreateInput(f).revealAnswers).toBe('AFTER_CLOSE');
    expect(toUpdateInput('Q1', f, { questionsLocked: true }).revealAnswers).toBe('AFTER_CLOSE');
  });
  it('converts datetime-local values', () => {
    expect(localToIso('')).toBeNull();
    expect(localToIso('nonsense')).toBeUndefined();
    expect(localToIso('2030-05-01T09:30')).toBe(new Date('2030-05-01T09:30').toISOString());
  });
  it('switching kinds keeps sensible options', () => {
    const sc = choice('MULTIPLE_CHOICE', [['a', true], ['b', true]]);
    expect(withKind(sc, 'SINGLE_CHOICE').options.filter((o) => o.correct)).toHaveLength(1);
    expect(withKind(sc, 'SHORT_ANSWER').options).toEqual([]);
    expect(withKind(withKind(sc, 'TRUE_FALSE'), 'SINGLE_CHOICE').options).toHaveLength(2);
  });
});
