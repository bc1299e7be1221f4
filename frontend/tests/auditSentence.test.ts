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
// The server's actions (tests/audit/test_actions.py keeps the file equal to app/audit/actions.py).
import serverActions from './server-audit-actions.json';

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

describe('every action the server records', () => {
  it('has a sentence of its own, not the generic one', () => {
    const generic = '(the generic sentence)';
    const missing = serverActions.filter((action) =>
      sentenceText(member({ action, targetType: 'Member', targetLabel: 'alice', actionInfo: { label: generic } })).includes(generic),
    );
    expect(missing).toEqual([]);
  });

  it('sign-in failures, lockouts and passwords name the member', () => {
    const anonymous = { actorKind: 'ANONYMOUS', actorLabel: 'anonymous' };
    expect(sentenceText(member({ ...anonymous, action: 'auth.login_failed', targetType: 'Member', targetLabel: 'anonymous', details: { username: 'alice' } }))).toBe(
      'anonymous failed to sign in as alice',
    );
    expect(
      sentenceText(member({ ...anonymous, action: 'auth.locked_out', details: { username: 'alice', budget: 'account', retryAfterSeconds: 900 } })),
    ).toBe('anonymous was locked out of signing in as alice for 15 minutes');
    expect(sentenceText(member({ action: 'auth.password_changed', actorLabel: 'alice', details: { endedSessions: 2 } }))).toBe(
      'alice changed their password (2 other sessions ended)',
    );
    expect(sentenceText(member({ ...anonymous, action: 'auth.password_reset_by_link', details: { username: 'alice' } }))).toBe(
      'anonymous set a new password for alice with a reset link',
    );
    expect(sentenceText(member({ action: 'member.temporary_password_set', targetType: 'Member', targetLabel: 'bob', details: { endedSessions: 1 } }))).toBe(
      'owner gave bob a temporary password (1 session ended)',
    );
    expect(sentenceText(member({ action: 'member.reset_link_created', targetType: 'Member', targetLabel: 'bob', details: { mailed: true } }))).toBe(
      'owner made a password reset link for bob and mailed it',
    );
    expect(
      sentenceText(member({ action: 'member.imported', targetType: 'Organization', details: { count: 4, roles: { STUDENT: 3, TEACHER: 1 }, generatedPasswords: 3 } })),
    ).toBe('owner imported 4 members (3 students, 1 teacher), 3 generated passwords');
    expect(sentenceText(member({ action: 'org.password_policy_updated', details: { minLength: { from: 8, to: 12 } } }))).toBe(
      'owner changed the password policy (minLength: 8 → 12)',
    );
  });

  it('payments by amount, purpose and reference', () => {
    const ev = member({
      action: 'payment.recorded',
      actorKind: 'API_KEY',
      actorLabel: 'iq_live_3f2a1b2c',
      targetType: 'Payment',
      targetId: '5d0e3c1a-0000',
      details: { amount: 1250, currency: 'EUR', amountDecimal: '12.50', purpose: 'entry fee', externalId: 'ch_123', memberId: 'TWVtYmVyOjE=' },
    });
    expect(sentenceText(ev)).toBe('key iq_live_3f2a1b2c… recorded a payment of 12.50 EUR for entry fee (ch_123)');
  });

  it('tournaments, certificates and integrity flags', () => {
    const server = { actorKind: 'SYSTEM', actorLabel: 'quizgraph server' };
    expect(sentenceText(member({ action: 'tournament.created', targetType: 'Tournament', details: { name: 'Spring cup', rounds: 3 } }))).toBe(
      'owner created tournament “Spring cup”',
    );
    expect(sentenceText(member({ ...server, action: 'tournament.ended', targetType: 'Tournament', details: { early: false, winners: 2 } }))).toBe(
      'quizgraph server ended a tournament (2 winners)',
    );
    expect(sentenceText(member({ action: 'tournament.entered', targetType: 'Tournament', details: { how: 'PAID' } }))).toBe(
      'owner entered a member in a tournament, the entry fee paid',
    );
    expect(sentenceText(member({ action: 'tournament.withdrawn', actorLabel: 'alice', targetType: 'Tournament', details: { how: 'PAID', refunded: false } }))).toBe(
      'alice withdrew from a tournament (the paid entry fee is not refunded)',
    );
    expect(
      sentenceText(member({ action: 'certificate.revoked', targetType: 'Certificate', details: { code: 'ABCD-EFGH', title: 'Fractions', holder: 'Ada', reason: 'copied' } })),
    ).toBe('owner revoked certificate ABCD-EFGH for “Fractions” of Ada (copied)');
    expect(
      sentenceText(member({ action: 'integrity.flagged', actorLabel: 'alice', targetType: 'Attempt', targetLabel: 'Fractions', details: { reasons: ['PAGE_SWITCHES', 'HIDDEN_TIME'] } })),
    ).toBe('alice: an attempt at “Fractions” was flagged for review (page switches, hidden time)');
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
