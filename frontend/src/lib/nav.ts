import type { Role } from './access';

export type SectionId = 'overview' | 'apiKeys' | 'webhooks' | 'members' | 'quizzes' | 'tournaments' | 'leaderboard' | 'analytics' | 'integrity' | 'certificates' | 'auditLog' | 'payments' | 'settings';

export interface NavSection {
  id: SectionId;
  label: string;
  /** Path below /org/:slug/dashboard ('' for the index). */
  path: string;
  /** The viewer needs any one of these scopes; empty means everyone signed in. */
  anyOf: readonly string[];
}

export const NAV_SECTIONS: readonly NavSection[] = [
  { id: 'overview', label: 'Overview', path: '', anyOf: [] },
  { id: 'apiKeys', label: 'API keys', path: 'api-keys', anyOf: ['api_keys:read'] },
  { id: 'webhooks', label: 'Webhooks', path: 'webhooks', anyOf: ['webhooks:read'] },
  { id: 'members', label: 'Members', path: 'members', anyOf: ['members:read'] },
  { id: 'quizzes', label: 'Quizzes', path: 'quizzes', anyOf: ['quizzes:write'] },
  { id: 'tournaments', label: 'Tournaments', path: 'tournaments', anyOf: ['quizzes:write'] },
  { id: 'leaderboard', label: 'Leaderboard', path: 'leaderboard', anyOf: [] },
  { id: 'analytics', label: 'Analytics', path: 'analytics', anyOf: ['analytics:read'] },
  { id: 'integrity', label: 'Integrity', path: 'integrity', anyOf: ['integrity:read'] },
  { id: 'certificates', label: 'Certificates', path: 'certificates', anyOf: ['attempts:read'] },
  { id: 'auditLog', label: 'Audit log', path: 'audit-log', anyOf: ['audit:read'] },
  { id: 'payments', label: 'Payments', path: 'payments', anyOf: ['payments:read'] },
  { id: 'settings', label: 'Settings', path: 'settings', anyOf: ['org:read'] },
];

export function canSee(section: NavSection, scopes: readonly string[]): boolean {
  return section.anyOf.length === 0 || section.anyOf.some((s) => scopes.includes(s));
}

export function visibleSections(scopes: readonly string[]): NavSection[] {
  return NAV_SECTIONS.filter((s) => canSee(s, scopes));
}

export function sectionById(id: SectionId): NavSection {
  const s = NAV_SECTIONS.find((x) => x.id === id);
  if (!s) throw new Error(`unknown section ${id}`);
  return s;
}

/** Staff scopes: anyone holding one of these gets the dashboard rather than the student view. */
const STAFF_MARKERS = ['quizzes:write', 'members:read', 'audit:read', 'api_keys:read', 'org:read'];

export function isStaff(role: Role | null | undefined, scopes: readonly string[]): boolean {
  if (role === 'STUDENT') return false;
  if (role === 'OWNER' || role === 'ADMIN' || role === 'TEACHER') return true;
  return STAFF_MARKERS.some((s) => scopes.includes(s));
}

/** Where a freshly signed-in viewer lands. */
export function landingPath(slug: string, role: Role | null | undefined, scopes: readonly string[]): string {
  return isStaff(role, scopes) ? `/org/${slug}/dashboard` : `/org/${slug}/quizzes`;
}

/** Owner-only controls (the org's API access switch). */
export function canWriteOrg(scopes: readonly string[]): boolean {
  return scopes.includes('org:write');
}
