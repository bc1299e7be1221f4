import { describe, expect, it } from 'vitest';
import { multipartParts, PREFLIGHT_HEADERS } from '../src/lib/upload';

describe('multipart upload', () => {
  it('nulls the file variable and maps part 0 onto it', () => {
    const vars = { input: { file: 'x', format: 'AIKEN' } };
    const p = multipartParts('mutation M($input: ImportQuizInput!) { importQuiz(input: $input) { importedQuestions } }', vars, 'input.file');
    expect(JSON.parse(p.operations).variables).toEqual({ input: { file: null, format: 'AIKEN' } });
    expect(JSON.parse(p.map)).toEqual({ 0: ['variables.input.file'] });
    expect(vars.input.file).toBe('x');
  });
  it('sends the preflight header the server needs for cookie uploads', () => {
    expect(PREFLIGHT_HEADERS['GraphQL-Preflight']).toBe('1');
  });
});
