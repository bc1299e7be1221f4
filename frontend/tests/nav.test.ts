import { describe, expect, it } from 'vitest';
import { canWriteOrg, isStaff, landingPath, visibleSections } from '../src/lib/nav';
import { scopesOf } from './accessModel';
const ids = (scopes: string[]) => visibleSections(scopes).map((s) => s.id);

describe('nav visibility from scopes', () => {
  it('owner and admin see every section', () => {
    expect(ids(scopesOf('OWNER'))).toEqual(['overview', 'apiKeys', 'webhooks', 'members', 'quizzes', 'tournaments', 'leaderboard', 'analytics', 'integrity', 'certificates', 'auditLog', 'payments', 'settings']);
    expect(ids(scopesOf('ADMIN'))).toEqual(['overview', 'apiKeys', 'webhooks', 'members', 'quizzes', 'tournaments', 'leaderboard', 'analytics', 'integrity', 'certificates', 'auditLog', 'payments', 'settings']);
  });
  it('teacher sees no API keys, webhooks or members', () => {
    expect(ids(scopesOf('TEACHER'))).toEqual(['overview', 'quizzes', 'tournaments', 'leaderboard', 'analytics', 'integrity', 'certificates', 'auditLog', 'settings']);
  });
  it('student sees what everyone sees, and certificates (their own: attempts:read)', () => {
    expect(ids(scopesOf('STUDENT'))).toEqual(['overview', 'leaderboard', 'certificates']);
  });
  it('each section follows its own scope', () => {
    expect(ids(['api_keys:read'])).toContain('apiKeys');
    expect(ids(['members:read'])).toEqual(['overview', 'members', 'leaderboard']);
    expect(ids(['audit:read'])).toContain('auditLog');
    expect(ids(['webhooks:read'])).toEqual(['overview', 'webhooks', 'leaderboard']);
    expect(ids(['webhooks:write'])).not.toContain('webhooks');
    expect(ids(['quizzes:read'])).not.toContain('quizzes');
    expect(ids(['analytics:read'])).toEqual(['overview', 'leaderboard', 'analytics']);
    expect(ids(['integrity:read'])).toEqual(['overview', 'leaderboard', 'integrity']);
    expect(ids(['integrity:write'])).not.toContain('integrity');
    expect(ids(['attempts:read'])).toEqual(['overview', 'leaderboard', 'certificates']);
    expect(ids(['payments:read'])).toEqual(['overview', 'leaderboard', 'payments']);
    expect(ids(['payments:write'])).not.toContain('payments');
    expect(ids(['org:read'])).toEqual(['overview', 'leaderboard', 'settings']);
    expect(ids([])).toEqual(['overview', 'leaderboard']);
  });
  it('only org:write shows owner-only controls', () => {
    expect(canWriteOrg(scopesOf('OWNER'))).toBe(true);
    expect(canWriteOrg(scopesOf('ADMIN'))).toBe(false);
  });
});

describe('landing', () => {
  it('sends staff to the dashboard and students to their quizzes', () => {
    expect(landingPath('acme', 'OWNER', scopesOf('OWNER'))).toBe('/org/acme/dashboard');
    expect(landingPath('acme', 'TEACHER', scopesOf('TEACHER'))).toBe('/org/acme/dashboard');
    expect(landingPath('acme', 'STUDENT', scopesOf('STUDENT'))).toBe('/org/acme/quizzes');
    expect(isStaff(null, scopesOf('STUDENT'))).toBe(false);
    expect(isStaff(null, ['org:read'])).toBe(true);
  });
});
