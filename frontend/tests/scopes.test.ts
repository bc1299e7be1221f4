import { describe, expect, it } from 'vitest';
import {
  ALL_SCOPES,
  GRANTABLE_SCOPES,
  ROLES,
  SCOPE_PRESETS,
  SCOPE_TABLE,
  applyPreset,
  assignableScopes,
  groupScopes,
  isGrantable,
  presetMatches,
  resourceOf,
  sortScopes,
} from '../src/lib/scopes';

// The server's table (app/access/scopes.py), written by tests/access/test_scope_table.py,
// which fails when this file no longer matches the server.
import server from './server-scopes.json';

const holders = (role: string) => SCOPE_TABLE.filter((s) => (s.roles as readonly string[]).includes(role)).map((s) => s.scope);
const OWNER = holders('OWNER');
const TEACHER = holders('TEACHER');

describe('scope table', () => {
  it("lists exactly the server's scopes, in the server's order", () => {
    expect([...ALL_SCOPES]).toEqual(server.scopes.map((s) => s.scope));
  });

  it("gives each role exactly the scopes the server gives it", () => {
    expect([...ROLES]).toEqual(server.roles);
    for (const role of server.roles) {
      const expected = server.scopes.filter((s) => s.roles.includes(role)).map((s) => s.scope);
      expect(holders(role), role).toEqual(expected);
    }
  });

  it('marks as grantable exactly the scopes the server lets a key carry', () => {
    expect([...GRANTABLE_SCOPES]).toEqual(server.scopes.filter((s) => s.grantableToKeys).map((s) => s.scope));
    for (const s of server.scopes) expect(isGrantable(s.scope), s.scope).toBe(s.grantableToKeys);
  });

  it('scopes are resource:action', () => {
    for (const s of ALL_SCOPES) expect(s).toMatch(/^[a-z_]+:(read|write)$/);
    expect(resourceOf('api_keys:write')).toBe('api_keys');
  });
});

describe('grouping', () => {
  it('groups grantable scopes by resource, never listing non-grantable ones', () => {
    const groups = groupScopes();
    const listed = groups.flatMap((g) => g.scopes.map((s) => s.scope));
    expect(listed.sort()).toEqual([...GRANTABLE_SCOPES].sort());
    expect(groups.map((g) => g.resource)).not.toContain('api_keys');
    for (const g of groups) for (const s of g.scopes) expect(resourceOf(s.scope)).toBe(g.resource);
    const org = groups.find((g) => g.resource === 'org');
    expect(org?.scopes.map((s) => s.scope)).toEqual(['org:read']);
  });

  it('can include non-grantable scopes for display', () => {
    const all = groupScopes({ includeNonGrantable: true }).flatMap((g) => g.scopes.map((s) => s.scope));
    expect(all.sort()).toEqual(server.scopes.map((s) => s.scope).sort());
  });
});

describe('presets', () => {
  it('has the three named presets', () => {
    expect(SCOPE_PRESETS.map((p) => p.label)).toEqual(['Read-only dashboard', 'Quiz management', 'Results export']);
  });

  it('never include a non-grantable scope', () => {
    for (const p of SCOPE_PRESETS) {
      for (const s of p.scopes) expect(isGrantable(s), `${p.id} has ${s}`).toBe(true);
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
      const { scopes, dropped } = applyPreset(p, OWNER);
      expect(scopes).toEqual([...p.scopes]);
      expect(dropped).toEqual([]);
      expect(presetMatches(p, scopes, OWNER)).toBe(true);
    }
  });

  it("drops what the creator doesn't hold", () => {
    const qm = SCOPE_PRESETS.find((p) => p.id === 'quiz-management')!;
    const { scopes, dropped } = applyPreset(qm, ['quizzes:read', 'org:read']);
    expect(scopes).toEqual(['org:read', 'quizzes:read']);
    expect(dropped).toEqual(['quizzes:write']);
  });

  it('applied for anyone never yields a non-grantable scope, even with a forged preset', () => {
    const forged = { id: 'x', label: 'x', description: '', scopes: ['org:write', 'api_keys:write', 'org:read'] as const };
    const { scopes, dropped } = applyPreset(forged, OWNER);
    expect(scopes).toEqual(['org:read']);
    expect(dropped).toEqual(['org:write', 'api_keys:write']);
  });

  it('presetMatches is order-insensitive and exact', () => {
    const rx = SCOPE_PRESETS.find((p) => p.id === 'results-export')!;
    expect(presetMatches(rx, [...rx.scopes].reverse(), OWNER)).toBe(true);
    expect(presetMatches(rx, [...rx.scopes, 'audit:read'], OWNER)).toBe(false);
  });
});

describe('assignable and sorting', () => {
  it('a teacher can assign only grantable scopes the role has', () => {
    const a = assignableScopes(TEACHER);
    expect(a.has('quizzes:write')).toBe(true);
    expect(a.has('members:read')).toBe(false);
    expect(assignableScopes(OWNER).has('api_keys:read')).toBe(false);
    expect(assignableScopes(OWNER).has('org:write')).toBe(false);
  });

  it('sorts in table order, unknown last', () => {
    expect(sortScopes(['zzz:read', 'audit:read', 'org:read'])).toEqual(['org:read', 'audit:read', 'zzz:read']);
  });
});
