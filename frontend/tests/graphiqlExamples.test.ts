import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { exampleFor, type ExampleViewer } from '../src/graphiql/examples';

const schema = buildSchema(readFileSync(path.resolve(__dirname, '../../schema.graphql'), 'utf8'));
const org = { slug: 'riverside' };
const viewers: [string, ExampleViewer | null][] = [
  ['nobody', null],
  ['anonymous', { kind: 'ANONYMOUS', role: null, scopes: [], organization: null }],
  ['owner', { kind: 'MEMBER', role: 'OWNER', scopes: [], organization: org }],
  ['admin', { kind: 'MEMBER', role: 'ADMIN', scopes: [], organization: org }],
  ['teacher', { kind: 'MEMBER', role: 'TEACHER', scopes: [], organization: org }],
  ['student', { kind: 'MEMBER', role: 'STUDENT', scopes: [], organization: org }],
  ['key', { kind: 'API_KEY', role: null, scopes: ['quizzes:read'], organization: org }],
];

describe('GraphiQL examples', () => {
  it.each(viewers)('%s: a valid query under the Authorization note', (_name, viewer) => {
    const text = exampleFor(viewer);
    expect(text).toContain('"Authorization": "Bearer iq_live_…"');
    expect(validate(schema, parse(text))).toEqual([]);
  });
  it('names the org and differs by role', () => {
    const of = (name: string) => exampleFor(viewers.find(([n]) => n === name)![1]);
    expect(of('owner')).toContain('organization(slug: "riverside")');
    expect(of('owner')).toContain('apiKeys');
    expect(of('teacher')).not.toContain('apiKeys');
    expect(of('student')).toContain('As student');
  });
});
