import { describe, expect, it } from 'vitest';
import { SCOPE_PRESETS, applyPreset, assignableScopes, groupScopes, isGrantable, presetMatches, rolesOf, scopesOfRole, sortScopes } from '../src/lib/access';
import { MODEL, scopesOf } from './accessModel';
import server from './server-scopes.json';

// The model is the server's table (Query.accessModel); these check what the dashboard does with it.
const OWNER = scopesOf('OWNER');
const TEACHER = scopesOf('TEACHER');
const GRANTABLE = server.scopes.filter((s) => s.grantableToKeys).map((s) => s.scope);

describe('reading the access model', () => {
  it('lists the roles from most to least and what each grants', () => {
    expect(rolesOf(MODEL)).toEqual(['OWNER', 'ADMIN', 'TEACHER', 'STUDENT']);
    expect(scopesOfRole(MODEL, 'STUDENT')).toEqual(server.scopes.filter((s) => s.roles.includes('STUDENT')).map((s) => s.scope));
  });

  it("says a scope is grantable exactly when the server lets a key carry it", () => {
    for (const s of server.scopes) expect(isGrantable(MODEL, s.scope), s.scope).toBe(s.grantableToKeys);
    expect(isGrantable(MODEL, 'no:such')).toBe(false);
  });
});

describe('grouping', () => {
  it('groups grantable scopes by resource, never listing non-grantable ones', () => {
    const groups = groupScopes(MODEL);
    const listed = groups.flatMap((g) => g.scopes.map((s) => s.name));
    expect(listed.sort()).toEqual([...GRANTABLE].sort());
    expect(groups.map((g) => g.resource)).not.toContain('api_keys');
    for (const g of groups) for (const s of g.scopes) expect(s.name.split(':')[0]).toBe(g.resource);
    const org = groups.find((g) => g.resource === 'org');
    expect(org?.scopes.map((s) => s.name)).toEqual(['org:read']);
  });

  it('can include non-grantable scopes for display', () => {
    const all = groupScopes(MODEL, { includeNonGrantable: true }).flatMap((g) => g.scopes.map((s) => s.name));
    expect(all.sort()).toEqual(server.scopes.map((s) => s.scope).sort());
  });
});

describe('presets', () => {
  it('has the three named presets', () => {
    expect(SCOPE_PRESETS.map((p) => p.label)).toEqual(['Read-only dashboard', 'Quiz management', 'Results export']);
  });

  it('never include a non-grantable scope', () => {
    for (const p of SCOPE_PRESETS) {
      for (const s of p.scopes) expect(isGrantable(MODEL, s), `${p.id} has ${s}`).toBe(true);
      expect(p.scopes).not.toContain('org:write');
      expect(p.scopes.some((s) => s.startsWith('api_keys:'))).toBe(false);
    }
  });

  it('read-only dashboard has no write scope; quiz management writes quizzes', () => {
    const ro = SCOPE_PRESETS.find((p) => p.id === 'read-only-dashboard')!;
    expect(ro.scopes.every((s) => s.endsWith(':read'))).toBe(true);
    const qm = SCOPE_PRESETS.find((p) => p.id === 'quiz-management')!;
    expect(qm.scopes).toContain('quizzes:write');
    const rx = SCOPE_PRESETS.find((p) => p.id === 'results-export')!;
    expect(rx.scopes).toContain('attempts:read');
    expect(rx.scopes.every((s) => s.endsWith(':read'))).toBe(true);
  });

  it('applied for an owner selects the whole preset', () => {
    for (const p of SCOPE_PRESETS) {
      const { scopes, dropped } = applyPreset(MODEL, p, OWNER);
      expect(scopes).toEqual([...p.scopes]);
      expect(dropped).toEqual([]);
      expect(presetMatches(MODEL, p, scopes, OWNER)).toBe(true);
    }
  });

  it("drops what the creator doesn't hold", () => {
    const qm = SCOPE_PRESETS.find((p) => p.id === 'quiz-management')!;
    const { scopes, dropped } = applyPreset(MODEL, qm, ['quizzes:read', 'org:read']);
    expect(scopes).toEqual(['org:read', 'quizzes:read']);
    expect(dropped).toEqual(['quizzes:write']);
  });

  it('applied for anyone never yields a non-grantable scope, even with a forged preset', () => {
    const forged = { id: 'x', label: 'x', description: '', scopes: ['org:write', 'api_keys:write', 'org:read'] as const };
    const { scopes, dropped } = applyPreset(MODEL, forged, OWNER);
    expect(scopes).toEqual(['org:read']);
    expect(dropped).toEqual(['org:write', 'api_keys:write']);
  });

  it('presetMatches is order-insensitive and exact', () => {
    const rx = SCOPE_PRESETS.find((p) => p.id === 'results-export')!;
    expect(presetMatches(MODEL, rx, [...rx.scopes].reverse(), OWNER)).toBe(true);
    expect(presetMatches(MODEL, rx, [...rx.scopes, 'audit:read'], OWNER)).toBe(false);
  });
});

describe('assignable and sorting', () => {
  it('a teacher can assign only grantable scopes the role has', () => {
    const a = assignableScopes(MODEL, TEACHER);
    expect(a.has('quizzes:write')).toBe(true);
    expect(a.has('members:read')).toBe(false);
    expect(assignableScopes(MODEL, OWNER).has('api_keys:read')).toBe(false);
    expect(assignableScopes(MODEL, OWNER).has('org:write')).toBe(false);
  });

  it("sorts in the server's order, unknown last", () => {
    expect(sortScopes(MODEL, ['zzz:read', 'audit:read', 'org:read'])).toEqual(['org:read', 'audit:read', 'zzz:read']);
  });
});
