import { describe, expect, it } from 'vitest';
import { answeredCount, buildAnswerPayload, choose, parseAnswerNumber, setText, type Answers } from '../src/lib/answers';

const qs = [
  { id: 'q1', kind: 'SINGLE_CHOICE' as const },
  { id: 'q2', kind: 'MULTIPLE_CHOICE' as const },
  { id: 'q3', kind: 'TRUE_FALSE' as const },
  { id: 'q4', kind: 'SHORT_ANSWER' as const },
  { id: 'q5', kind: 'NUMERIC' as const },
];

describe('answers', () => {
  it('single choice replaces, multiple choice toggles', () => {
    let a: Answers = {};
    a = choose(a, qs[0]!, 'o1');
    a = choose(a, qs[0]!, 'o2');
    expect(a.q1!.selected).toEqual(['o2']);
    a = choose(a, qs[1]!, 'x');
    a = choose(a, qs[1]!, 'y');
    a = choose(a, qs[1]!, 'x', false);
    expect(a.q2!.selected).toEqual(['y']);
  });
  it('builds one answer per answered question with the field of its kind', () => {
    let a: Answers = {};
    a = choose(a, qs[0]!, 'o1');
    a = choose(a, qs[1]!, 'm1');
    a = choose(a, qs[1]!, 'm2');
    a = choose(a, qs[2]!, 'true');
    a = setText(a, 'q4', '  Paris ');
    a = setText(a, 'q5', '3,5');
    expect(buildAnswerPayload(qs, a)).toEqual([
      { questionId: 'q1', selectedOptionIds: ['o1'] },
      { questionId: 'q2', selectedOptionIds: ['m1', 'm2'] },
      { questionId: 'q3', selectedOptionIds: ['true'] },
      { questionId: 'q4', text: 'Paris' },
      { questionId: 'q5', number: 3.5 },
    ]);
    expect(answeredCount(qs, a)).toBe(5);
  });
  it('leaves out unanswered questions and numbers that are not numbers', () => {
    let a: Answers = setText({}, 'q5', 'twelve');
    a = setText(a, 'q4', '   ');
    a = choose(a, qs[1]!, 'm1');
    a = choose(a, qs[1]!, 'm1', false);
    expect(buildAnswerPayload(qs, a)).toEqual([]);
    expect(answeredCount(qs, a)).toBe(0);
  });
  it('keeps the attempt order, not the order of answering', () => {
    let a: Answers = setText({}, 'q4', 'x');
    a = choose(a, qs[0]!, 'o');
    expect(buildAnswerPayload(qs, a).map((x) => x.questionId)).toEqual(['q1', 'q4']);
  });
  it('parses numbers', () => {
    expect(parseAnswerNumber('-1e3')).toBe(-1000);
    expect(parseAnswerNumber('.5')).toBe(0.5);
    expect(parseAnswerNumber('1.2.3')).toBeNull();
    expect(parseAnswerNumber('')).toBeNull();
  });
});
