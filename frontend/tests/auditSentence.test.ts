import { describe, expect, it } from 'vitest';
import {
  auditSentence,
  detailRows,
  excludedActions,
  groupActions,
  parsePick,
  sentenceText,
  type AuditEventLike,
} from '../src/lib/auditSentence';

const member = (over: Partial<AuditEventLike>): AuditEventLike => ({
  action: 'auth.login',
  actorKind: 'MEMBER',
  actorLabel: 'owner',
  targetType: null,
  targetId: null,
  targetLabel: null,
  targetNodeId: null,
  details: {},
  ...over,
});

describe('audit sentences', () => {
  it('names the key by prefix and name', () => {
    const ev = member({
      action: 'api_key.disabled',
      targetType: 'ApiKey',
      targetId: 'f7c2',
      targetLabel: 'iq_live_3f2a1b2c… (Nightly sync)',
      targetNodeId: 'QXBpS2V5OmY3YzI=',
      details: { prefix: 'iq_live_3f2a1b2c', name: 'Nightly sync' },
    });
    expect(sentenceText(ev)).toBe('owner disabled key iq_live_3f2a1b2c… (Nightly sync)');
    const parts = auditSentence(ev);
    expect(parts[0]).toEqual({ kind: 'actor', text: 'owner', link: { page: 'members' } });
    expect(parts[2]).toEqual({ kind: 'target', text: 'iq_live_3f2a1b2c… (Nightly sync)', link: { page: 'apiKeys' } });
  });

  it('says what a rotation made', () => {
    const ev = member({
      action: 'api_key.rotated',
      targetType: 'ApiKey',
      targetLabel: 'iq_live_3f2a1b2c… (Nightly sync)',
      details: { newPrefix: 'iq_live_99aa00bb' },
    });
    expect(sentenceText(ev)).toBe('owner rotated key iq_live_3f2a1b2c… (Nightly sync); the new key is iq_live_99aa00bb…');
  });

  it('members by username and role', () => {
    expect(sentenceText(member({ action: 'member.added', targetType: 'Member', targetLabel: 'alice', details: { username: 'alice', role: 'STUDENT' } }))).toBe(
      'owner added student alice',
    );
    expect(
      sentenceText(member({ action: 'member.updated', actorLabel: 'admin', targetType: 'Member', targetLabel: 'bob', details: { username: 'bob', role: 'TEACHER' } })),
    ).toBe('admin changed member bob (role TEACHER)');
    expect(sentenceText(member({ action: 'member.removed', targetType: 'Member', targetLabel: 'bob', details: { username: 'bob', role: 'TEACHER' } }))).toBe(
      'owner removed teacher bob',
    );
  });

  it('quizzes by title, quoted and linked to the editor', () => {
    const ev = member({ action: 'quiz.published', actorLabel: 'teacher', targetType: 'Quiz', targetLabel: 'Fractions', targetNodeId: 'UXVpejox' });
    expect(sentenceText(ev)).toBe('teacher published quiz “Fractions”');
    expect(auditSentence(ev)[2]).toEqual({ kind: 'target', text: '“Fractions”', link: { page: 'quiz', id: 'UXVpejox' } });
    expect(sentenceText(member({ action: 'quiz.updated', targetType: 'Quiz', targetLabel: 'Fractions', details: { changed: ['questions', 'title'] } }))).toBe(
      'owner edited quiz “Fractions” (questions, title)',
    );
  });

  it('attempts with their quiz and score; the server closes late ones', () => {
    expect(
      sentenceText(member({ action: 'attempt.submitted', actorLabel: 'alice', targetType: 'Attempt', targetLabel: 'Fractions', details: { score: 3, maxScore: 4 } })),
    ).toBe('alice submitted an attempt at “Fractions” (score 3/4)');
    expect(
      sentenceText(
        member({ action: 'attempt.expired', actorKind: 'SYSTEM', actorLabel: 'quizgraph server', targetType: 'Attempt', targetLabel: 'Fractions', details: { score: 1, maxScore: 4 } }),
      ),
    ).toBe('quizgraph server closed an attempt at “Fractions” when its time ran out (score 1/4)');
    expect(auditSentence(member({ actorKind: 'SYSTEM', actorLabel: 'quizgraph server' }))[0]).toEqual({ kind: 'actor', text: 'quizgraph server' });
  });

  it('sign-ins, API access, keys as actors', () => {
    expect(sentenceText(member({ action: 'auth.login', targetType: 'Member', targetLabel: 'owner' }))).toBe('owner signed in');
    expect(sentenceText(member({ action: 'org.api_access_changed', targetType: 'Organization', details: { enabled: false } }))).toBe(
      'owner switched API access off (every key paused)',
    );
    const byKey = member({ action: 'quiz.created', actorKind: 'API_KEY', actorLabel: 'iq_live_3f2a1b2c', targetType: 'Quiz', targetLabel: 'Imported' });
    expect(sentenceText(byKey)).toBe('key iq_live_3f2a1b2c… created quiz “Imported”');
    expect(auditSentence(byKey)[0]).toEqual({ kind: 'actor', text: 'key iq_live_3f2a1b2c…', link: { page: 'apiKeys' } });
  });

  it('a missing name or an unknown action still reads', () => {
    expect(sentenceText(member({ action: 'api_key.revoked', targetType: 'ApiKey', targetId: '3b339d71-aaaa' }))).toBe('owner revoked key 3b339d71…');
    expect(sentenceText(member({ action: 'quiz.published', targetType: 'Quiz' }))).toBe('owner published quiz unnamed');
    expect(sentenceText(member({ action: 'attempt.started', targetType: 'Attempt' }))).toBe('owner started an attempt at a quiz');
    expect(sentenceText(member({ action: 'thing.done', actionInfo: { label: 'Thing done' } }))).toBe('owner: Thing done');
    expect(sentenceText(member({ action: 'thing.done', targetType: 'Quiz', targetLabel: 'X' }))).toBe('owner: thing.done, X');
    expect(sentenceText(member({ action: 'webhook.disabled', actorKind: 'SYSTEM', actorLabel: 'quizgraph server', targetType: 'Webhook', targetLabel: 'https://x.test/h', details: { reason: 'failing for 3 days' } }))).toBe(
      'quizgraph server disabled webhook endpoint https://x.test/h (failing for 3 days)',
    );
  });

  it('details as rows', () => {
    expect(detailRows(member({ details: { name: 'k', scopes: ['quizzes:read', 'attempts:read'], expiresAt: null, enabled: true } }))).toEqual([
      { label: 'name', value: 'k' },
      { label: 'scopes', value: 'quizzes:read, attempts:read' },
      { label: 'expiresAt', value: 'none' },
      { label: 'enabled', value: 'yes' },
    ]);
    expect(detailRows(member({ details: null }))).toEqual([]);
  });
});

describe('the action picker and the sign-in fold', () => {
  const list = [
    { action: 'auth.login', label: 'Signed in', area: 'auth', areaLabel: 'Sign-ins' },
    { action: 'api_key.created', label: 'Key created', area: 'api_key', areaLabel: 'API keys' },
    { action: 'api_key.disabled', label: 'Key disabled', area: 'api_key', areaLabel: 'API keys' },
  ];
  it('groups by area in the API order', () => {
    expect(groupActions(list).map((g) => [g.areaLabel, g.actions.map((a) => a.label)])).toEqual([
      ['Sign-ins', ['Signed in']],
      ['API keys', ['Key created', 'Key disabled']],
    ]);
  });
  it('parses the picked value', () => {
    expect(parsePick('')).toEqual({ action: null, area: null });
    expect(parsePick('area:api_key')).toEqual({ action: null, area: 'api_key' });
    expect(parsePick('action:api_key.disabled')).toEqual({ action: 'api_key.disabled', area: null });
  });
  it('folds sign-ins unless shown or picked', () => {
    expect(excludedActions(parsePick(''), false)).toEqual(['auth.login']);
    expect(excludedActions(parsePick('area:api_key'), false)).toEqual(['auth.login']);
    expect(excludedActions(parsePick(''), true)).toBeNull();
    expect(excludedActions(parsePick('action:auth.login'), false)).toBeNull();
    expect(excludedActions(parsePick('area:auth'), false)).toBeNull();
  });
});
