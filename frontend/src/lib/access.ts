/**
 * What the viewer may do, read from the API's role and scope table (`Query.accessModel`, loaded
 * with the viewer by the signed-in layout) rather than from a copy kept here: when the server's
 * table changes, the dashboard follows without a release. Pure functions over that table.
 */
import type { AccessModelFieldsFragment, Role } from '../gql/graphql';

export type { Role };
export type AccessModel = AccessModelFieldsFragment;
export type ScopeDefinition = AccessModel['scopes'][number];

/** Every role, from most to least (the server's order). */
export function rolesOf(model: AccessModel): Role[] {
  return model.roles.map((r) => r.role);
}

/** The scopes a role grants. */
export function scopesOfRole(model: AccessModel, role: Role): string[] {
  return model.roles.find((r) => r.role === role)?.scopes ?? [];
}

export function isGrantable(model: AccessModel, scope: string): boolean {
  return model.scopes.some((s) => s.name === scope && s.grantableToKeys);
}

/** Scopes a viewer may put on a new key: grantable, and held by the viewer. */
export function assignableScopes(model: AccessModel, viewerScopes: readonly string[]): Set<string> {
  return new Set(viewerScopes.filter((s) => isGrantable(model, s)));
}

export interface ScopeGroup {
  resource: string;
  label: string;
  scopes: ScopeDefinition[];
}

/** Scopes grouped by resource, in the server's order. Only those a key may carry unless asked. */
export function groupScopes(model: AccessModel, opts: { includeNonGrantable?: boolean } = {}): ScopeGroup[] {
  const groups = new Map<string, ScopeGroup>();
  for (const scope of model.scopes) {
    if (!scope.grantableToKeys && !opts.includeNonGrantable) continue;
    let group = groups.get(scope.resource);
    if (!group) {
      group = { resource: scope.resource, label: scope.resourceLabel, scopes: [] };
      groups.set(scope.resource, group);
    }
    group.scopes.push(scope);
  }
  return [...groups.values()];
}

/** Scopes in the server's order (unknown ones last, alphabetically). */
export function sortScopes(model: AccessModel, scopes: readonly string[]): string[] {
  const order = new Map(model.scopes.map((s, i) => [s.name, i]));
  return [...scopes].sort((a, b) => (order.get(a) ?? 1e6) - (order.get(b) ?? 1e6) || a.localeCompare(b));
}

/**
 * The key form's shortcuts. Not part of the access table: the dashboard's own suggestions of
 * common selections, applied only where the server says a key may carry the scope.
 */
export interface ScopePreset {
  id: string;
  label: string;
  description: string;
  scopes: readonly string[];
}

export const SCOPE_PRESETS: readonly ScopePreset[] = [
  {
    id: 'read-only-dashboard',
    label: 'Read-only dashboard',
    description: 'Read quizzes, results, leaderboards and analytics; change nothing.',
    scopes: ['org:read', 'quizzes:read', 'attempts:read', 'leaderboard:read', 'analytics:read'],
  },
  {
    id: 'quiz-management',
    label: 'Quiz management',
    description: 'Create, import, update, publish and archive quizzes.',
    scopes: ['org:read', 'quizzes:read', 'quizzes:write'],
  },
  {
    id: 'results-export',
    label: 'Results export',
    description: 'Export attempts, results and leaderboards.',
    scopes: ['org:read', 'quizzes:read', 'attempts:read', 'leaderboard:read'],
  },
];

/**
 * What a preset selects for a creator: a key's scopes must be grantable and a subset of its
 * creator's, so anything else is dropped and reported.
 */
export function applyPreset(
  model: AccessModel,
  preset: ScopePreset,
  viewerScopes: readonly string[],
): { scopes: string[]; dropped: string[] } {
  const allowed = assignableScopes(model, viewerScopes);
  const scopes = preset.scopes.filter((s) => allowed.has(s));
  const dropped = preset.scopes.filter((s) => !allowed.has(s));
  return { scopes, dropped };
}

/** Whether the selection is exactly what the preset would select. */
export function presetMatches(model: AccessModel, preset: ScopePreset, selected: readonly string[], viewerScopes: readonly string[]): boolean {
  const want = new Set(applyPreset(model, preset, viewerScopes).scopes);
  const got = new Set(selected);
  return want.size === got.size && [...want].every((s) => got.has(s));
}
