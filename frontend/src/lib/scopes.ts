// The scope table of shared/CONTRACT.md section 3, as a typed constant.
export type Role = 'OWNER' | 'ADMIN' | 'TEACHER' | 'STUDENT';
export const ROLES: readonly Role[] = ['OWNER', 'ADMIN', 'TEACHER', 'STUDENT'];

export interface ScopeInfo {
  readonly scope: string;
  readonly description: string;
  readonly roles: readonly Role[];
  /** Whether an API key may carry this scope. */
  readonly grantable: boolean;
}

const STAFF: readonly Role[] = ['OWNER', 'ADMIN', 'TEACHER'];
const ALL: readonly Role[] = ['OWNER', 'ADMIN', 'TEACHER', 'STUDENT'];
const MANAGERS: readonly Role[] = ['OWNER', 'ADMIN'];

export const SCOPE_TABLE = [
  { scope: 'org:read', description: 'Read the organization', roles: STAFF, grantable: true },
  { scope: 'org:write', description: 'Settings, API access switch, disable', roles: ['OWNER'], grantable: false },
  { scope: 'members:read', description: 'List members', roles: MANAGERS, grantable: true },
  { scope: 'members:write', description: 'Manage members (user management)', roles: MANAGERS, grantable: true },
  { scope: 'quizzes:read', description: 'Read quizzes', roles: ALL, grantable: true },
  { scope: 'quizzes:write', description: 'Create, import, update, publish, archive quizzes', roles: STAFF, grantable: true },
  { scope: 'attempts:read', description: "Read everyone's results", roles: ALL, grantable: true },
  { scope: 'attempts:write', description: 'Take a quiz', roles: ALL, grantable: true },
  { scope: 'leaderboard:read', description: 'Read leaderboards', roles: ALL, grantable: true },
  { scope: 'analytics:read', description: 'Read analytics', roles: STAFF, grantable: true },
  { scope: 'audit:read', description: 'Read the audit log', roles: STAFF, grantable: true },
  { scope: 'integrity:read', description: 'Read integrity events', roles: STAFF, grantable: true },
  { scope: 'integrity:write', description: 'Report an integrity event of an own attempt', roles: ALL, grantable: true },
  { scope: 'notifications:read', description: 'Read notifications', roles: STAFF, grantable: true },
  { scope: 'webhooks:read', description: 'Read webhooks', roles: MANAGERS, grantable: true },
  { scope: 'webhooks:write', description: 'Manage webhooks', roles: MANAGERS, grantable: true },
  { scope: 'api_keys:read', description: 'List API keys', roles: MANAGERS, grantable: false },
  { scope: 'api_keys:write', description: 'Manage API keys', roles: MANAGERS, grantable: false },
] as const satisfies readonly ScopeInfo[];

export type Scope = (typeof SCOPE_TABLE)[number]['scope'];
export const ALL_SCOPES: readonly Scope[] = SCOPE_TABLE.map((s) => s.scope);

const BY_SCOPE: ReadonlyMap<string, ScopeInfo> = new Map(SCOPE_TABLE.map((s) => [s.scope, s]));

export function scopeInfo(scope: string): ScopeInfo | undefined {
  return BY_SCOPE.get(scope);
}

export function isGrantable(scope: string): boolean {
  return BY_SCOPE.get(scope)?.grantable === true;
}

export const GRANTABLE_SCOPES: readonly Scope[] = SCOPE_TABLE.filter((s) => s.grantable).map((s) => s.scope);

export function resourceOf(scope: string): string {
  const i = scope.indexOf(':');
  return i < 0 ? scope : scope.slice(0, i);
}

const RESOURCE_LABELS: Record<string, string> = {
  org: 'Organization',
  members: 'Members',
  quizzes: 'Quizzes',
  attempts: 'Attempts & results',
  leaderboard: 'Leaderboard',
  analytics: 'Analytics',
  audit: 'Audit log',
  integrity: 'Integrity',
  notifications: 'Notifications',
  webhooks: 'Webhooks',
  api_keys: 'API keys',
};

export interface ScopeGroup {
  resource: string;
  label: string;
  scopes: ScopeInfo[];
}

/** Groups scopes by resource, in the table's order. Only grantable scopes unless asked. */
export function groupScopes(opts: { includeNonGrantable?: boolean } = {}): ScopeGroup[] {
  const groups = new Map<string, ScopeGroup>();
  for (const info of SCOPE_TABLE) {
    if (!info.grantable && !opts.includeNonGrantable) continue;
    const resource = resourceOf(info.scope);
    let g = groups.get(resource);
    if (!g) {
      g = { resource, label: RESOURCE_LABELS[resource] ?? resource, scopes: [] };
      groups.set(resource, g);
    }
    g.scopes.push(info);
  }
  return [...groups.values()];
}

export interface ScopePreset {
  id: string;
  label: string;
  description: string;
  scopes: readonly Scope[];
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
 * The scopes a preset selects for a creator: a key's scopes must be grantable and
 * a subset of its creator's, so anything else is dropped and reported.
 */
export function applyPreset(
  preset: ScopePreset,
  viewerScopes: readonly string[],
): { scopes: Scope[]; dropped: Scope[] } {
  const have = new Set(viewerScopes);
  const scopes: Scope[] = [];
  const dropped: Scope[] = [];
  for (const s of preset.scopes) {
    if (isGrantable(s) && have.has(s)) scopes.push(s);
    else dropped.push(s);
  }
  return { scopes, dropped };
}

/** Whether the current selection equals exactly what the preset would select. */
export function presetMatches(preset: ScopePreset, selected: readonly string[], viewerScopes: readonly string[]): boolean {
  const want = new Set(applyPreset(preset, viewerScopes).scopes);
  const got = new Set(selected);
  return want.size === got.size && [...want].every((s) => got.has(s));
}

/** Scopes a viewer may put on a new key. */
export function assignableScopes(viewerScopes: readonly string[]): Set<string> {
  return new Set(viewerScopes.filter(isGrantable));
}

/** Sort scopes into the table's order (unknown ones last, alphabetically). */
export function sortScopes(scopes: readonly string[]): string[] {
  const order = new Map<string, number>(ALL_SCOPES.map((s, i) => [s, i]));
  return [...scopes].sort((a, b) => {
    const ia = order.get(a) ?? 1e6;
    const ib = order.get(b) ?? 1e6;
    return ia - ib || a.localeCompare(b);
  });
}
