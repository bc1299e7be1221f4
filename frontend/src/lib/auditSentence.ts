/**
 * An audit event as a sentence: "owner disabled key iq_live_3f2a1b2c… (Nightly sync)".
 *
 * Pure: the page turns `link` parts into router links (when the viewer has the page) and
 * the tests read `sentenceText`. Names come from the API (`actorLabel`, `targetLabel`,
 * `details`); the actions' labels for the picker come from `Organization.auditActions`.
 */

export interface AuditEventLike {
  action: string;
  actorKind: string;
  actorLabel: string;
  targetType?: string | null;
  targetId?: string | null;
  targetLabel?: string | null;
  targetNodeId?: string | null;
  details?: unknown;
  actionInfo?: { label: string } | null;
}

/** Pages an actor or target can link to. */
export type AuditLink =
  | { page: 'members' }
  | { page: 'apiKeys' }
  | { page: 'quiz'; id: string }
  | { page: 'webhook'; id: string };

export type SentencePart =
  | { kind: 'text'; text: string }
  | { kind: 'actor'; text: string; link?: AuditLink }
  | { kind: 'target'; text: string; link?: AuditLink };

/** The sign-in action, folded by default. */
export const SIGN_IN_ACTION = 'auth.login';

type Details = Record<string, unknown>;

function detailsOf(ev: AuditEventLike): Details {
  const d = ev.details;
  return d && typeof d === 'object' && !Array.isArray(d) ? (d as Details) : {};
}

function str(d: Details, key: string): string | null {
  const v = d[key];
  return typeof v === 'string' && v !== '' ? v : null;
}

function lower(role: string | null): string {
  return role ? role.toLowerCase() : 'member';
}

function actorPart(ev: AuditEventLike): SentencePart {
  const link: AuditLink | undefined =
    ev.actorKind === 'MEMBER' ? { page: 'members' } : ev.actorKind === 'API_KEY' ? { page: 'apiKeys' } : undefined;
  const text = ev.actorKind === 'API_KEY' ? `key ${ev.actorLabel}…` : ev.actorLabel;
  return link ? { kind: 'actor', text, link } : { kind: 'actor', text };
}

function targetLink(ev: AuditEventLike): AuditLink | undefined {
  switch (ev.targetType) {
    case 'Member':
      return { page: 'members' };
    case 'ApiKey':
      return { page: 'apiKeys' };
    case 'Quiz':
      return ev.targetNodeId ? { page: 'quiz', id: ev.targetNodeId } : undefined;
    case 'Webhook':
      return ev.targetNodeId ? { page: 'webhook', id: ev.targetNodeId } : undefined;
    default:
      return undefined;
  }
}

/** What the target is called when the API has no name for it (gone, or never named). */
function fallbackName(ev: AuditEventLike): string {
  if (ev.targetType === 'Attempt') return 'a quiz';
  if (ev.targetType === 'Organization') return 'the organization';
  return ev.targetId ? `${ev.targetId.slice(0, 8)}…` : 'unnamed';
}

function target(ev: AuditEventLike, quote = false): SentencePart {
  const link = targetLink(ev);
  const named = ev.targetLabel ?? null;
  const text = named ? (quote ? `“${named}”` : named) : fallbackName(ev);
  return link ? { kind: 'target', text, link } : { kind: 'target', text };
}

const t = (text: string): SentencePart => ({ kind: 'text', text });

function formatValue(v: unknown): string {
  if (v === null || v === undefined) return 'none';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (Array.isArray(v)) return v.length ? v.map(formatValue).join(', ') : 'none';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** "role ADMIN, display name changed" from a member.updated event's details. */
function memberChanges(d: Details): string {
  const parts = Object.entries(d)
    .filter(([k]) => k !== 'username')
    .map(([k, v]) => `${k === 'displayName' ? 'display name' : k} ${formatValue(v)}`);
  return parts.join(', ');
}

/** The member an event of theirs names by username (sign-ins, passwords), linked to the members page. */
function memberNamed(d: Details, fallback: string): SentencePart {
  return { kind: 'target', text: str(d, 'username') ?? fallback, link: { page: 'members' } };
}

/** "tournament “Spring cup”" by the name its details carry (only tournament.created has
 * one: the API gives tournaments no label), else "a tournament". */
function tournament(ev: AuditEventLike, d: Details): SentencePart {
  const name = str(d, 'name') ?? ev.targetLabel ?? null;
  return { kind: 'target', text: name ? `tournament “${name}”` : 'a tournament' };
}

function num(d: Details, key: string): number | null {
  const v = d[key];
  return typeof v === 'number' ? v : null;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "15 minutes" from seconds (a lockout's length). */
function duration(seconds: number): string {
  if (seconds < 120) return plural(seconds, 'second');
  if (seconds < 7200) return plural(Math.round(seconds / 60), 'minute');
  return plural(Math.round(seconds / 3600), 'hour');
}

/** " (2 other sessions ended)" when a password change ended sessions. */
function endedSessions(d: Details, other = ''): string {
  const n = num(d, 'endedSessions');
  return n ? ` (${plural(n, `${other}session`)} ended)` : '';
}

/** "3 students, 1 teacher" from an import's `{ROLE: count}`. */
function roleCounts(d: Details): string {
  const roles = d.roles;
  if (!roles || typeof roles !== 'object' || Array.isArray(roles)) return '';
  return Object.entries(roles as Record<string, unknown>)
    .filter((e): e is [string, number] => typeof e[1] === 'number')
    .map(([role, n]) => plural(n, role.toLowerCase()))
    .join(', ');
}

function codeText(d: Details): string {
  const code = str(d, 'code');
  return code ? ` ${code}` : '';
}

/** "page switches, hidden time" from integrity reason codes (PAGE_SWITCHES, HIDDEN_TIME). */
function reasonsText(d: Details): string {
  const reasons = Array.isArray(d.reasons) ? (d.reasons as unknown[]).map(String) : [];
  return reasons.map((r) => r.toLowerCase().replace(/_/g, ' ')).join(', ');
}

/** The event as parts of a sentence (actor first). */
export function auditSentence(ev: AuditEventLike): SentencePart[] {
  const d = detailsOf(ev);
  const who = actorPart(ev);
  const say = (...rest: SentencePart[]): SentencePart[] => [who, ...rest];
  switch (ev.action) {
    case 'auth.login':
      return say(t(' signed in'));
    case 'auth.logout':
      return say(t(' signed out'));
    case 'auth.login_failed':
      return say(t(' failed to sign in as '), memberNamed(d, 'an unknown member'));
    case 'auth.locked_out': {
      const seconds = num(d, 'retryAfterSeconds');
      return say(t(' was locked out of signing in as '), memberNamed(d, 'a member'), t(seconds ? ` for ${duration(seconds)}` : ''));
    }
    case 'auth.password_changed':
      return say(t(` changed their password${endedSessions(d, 'other ')}`));
    case 'auth.password_reset_by_link':
      return say(t(' set a new password for '), memberNamed(d, 'a member'), t(' with a reset link'));
    case 'member.added':
      return say(t(` added ${lower(str(d, 'role'))} `), target(ev));
    case 'member.updated': {
      const changes = memberChanges(d);
      return say(t(' changed member '), target(ev), ...(changes ? [t(` (${changes})`)] : []));
    }
    case 'member.removed':
      return say(t(` removed ${lower(str(d, 'role'))} `), target(ev));
    case 'member.temporary_password_set':
      return say(t(' gave '), target(ev), t(` a temporary password${endedSessions(d)}`));
    case 'member.reset_link_created':
      return say(t(' made a password reset link for '), target(ev), t(d.mailed === true ? ' and mailed it' : ''));
    case 'member.imported': {
      const count = num(d, 'count') ?? 0;
      const roles = roleCounts(d);
      const generated = num(d, 'generatedPasswords');
      return say(t(` imported ${plural(count, 'member')}${roles ? ` (${roles})` : ''}${generated ? `, ${plural(generated, 'generated password')}` : ''}`));
    }
    case 'api_key.created':
      return say(t(' created key '), target(ev));
    case 'api_key.enabled':
      return say(t(' enabled key '), target(ev));
    case 'api_key.disabled':
      return say(t(' disabled key '), target(ev));
    case 'api_key.revoked':
      return say(t(' revoked key '), target(ev));
    case 'api_key.rotated': {
      const next = str(d, 'newPrefix');
      return say(t(' rotated key '), target(ev), ...(next ? [t(`; the new key is ${next}…`)] : []));
    }
    case 'org.created':
      return say(t(' created the organization'));
    case 'org.api_access_changed':
      return say(t(d.enabled === false ? ' switched API access off (every key paused)' : ' switched API access on'));
    case 'org.disabled':
      return say(t(' disabled the organization'));
    case 'org.enabled':
      return say(t(' enabled the organization'));
    case 'org.portal_code_rotated':
      return say(t(' changed the portal code'));
    case 'org.password_policy_updated':
      return say(t(` changed the password policy${changesText(d)}`));
    case 'org.branding_updated':
      return say(t(` changed the branding${changesText(d)}`));
    case 'org.logo_uploaded':
      return say(t(' uploaded a new logo'));
    case 'org.settings_updated':
      return say(t(` changed the settings${changesText(d)}`));
    case 'quiz.created':
      return say(t(' created quiz '), target(ev, true));
    case 'quiz.imported':
      return say(t(' imported quiz '), target(ev, true));
    case 'quiz.duplicated':
      return say(t(' made quiz '), target(ev, true), t(' as a copy'));
    case 'quiz.updated': {
      const changed = Array.isArray(d.changed) ? (d.changed as unknown[]).map(String) : [];
      return say(t(' edited quiz '), target(ev, true), ...(changed.length ? [t(` (${changed.join(', ')})`)] : []));
    }
    case 'quiz.published':
      return say(t(' published quiz '), target(ev, true));
    case 'quiz.archived':
      return say(t(' archived quiz '), target(ev, true));
    case 'attempt.started':
      return say(t(' started an attempt at '), target(ev, true));
    case 'attempt.submitted':
    case 'attempt.expired': {
      const score = typeof d.score === 'number' && typeof d.maxScore === 'number' ? ` (score ${d.score}/${d.maxScore})` : '';
      return ev.action === 'attempt.submitted'
        ? say(t(' submitted an attempt at '), target(ev, true), t(score))
        : say(t(' closed an attempt at '), target(ev, true), t(` when its time ran out${score}`));
    }
    case 'webhook.created':
      return say(t(' added webhook endpoint '), target(ev));
    case 'webhook.updated':
      return say(t(' changed webhook endpoint '), target(ev));
    case 'webhook.secret_rotated':
      return say(t(' rotated the signing secret of endpoint '), target(ev));
    case 'webhook.disabled': {
      const reason = str(d, 'reason');
      return say(t(' disabled webhook endpoint '), target(ev), ...(reason ? [t(` (${reason})`)] : []));
    }
    case 'webhook.deleted':
      return say(t(' deleted webhook endpoint '), target(ev));
    case 'integrity.flagged': {
      const reasons = reasonsText(d);
      return say(t(': an attempt at '), target(ev, true), t(` was flagged for review${reasons ? ` (${reasons})` : ''}`));
    }
    case 'integrity.reviewed': {
      const outcome = str(d, 'outcome');
      return say(t(' reviewed the flagged attempt at '), target(ev, true), t(outcome ? `: ${outcome.toLowerCase()}` : ''));
    }
    case 'integrity.rules_updated':
      return say(t(` changed the integrity rules${changesText(d)}`));
    case 'tournament.created':
      return say(t(' created '), tournament(ev, d));
    case 'tournament.updated': {
      const changed = Array.isArray(d.changed) ? (d.changed as unknown[]).map(String) : [];
      return say(t(' changed '), tournament(ev, d), ...(changed.length ? [t(` (${changed.join(', ')})`)] : []));
    }
    case 'tournament.entered':
      return str(d, 'how') === 'PAID'
        ? say(t(' entered a member in '), tournament(ev, d), t(', the entry fee paid'))
        : say(t(' entered '), tournament(ev, d));
    case 'tournament.withdrawn':
      return say(t(' withdrew from '), tournament(ev, d), t(str(d, 'how') === 'PAID' ? ' (the paid entry fee is not refunded)' : ''));
    case 'tournament.started':
      return say(t(' started '), tournament(ev, d), t(d.early === true ? ' early' : ''));
    case 'tournament.ended': {
      const winners = num(d, 'winners');
      return say(t(' ended '), tournament(ev, d), t(`${d.early === true ? ' early' : ''}${winners !== null ? ` (${plural(winners, 'winner')})` : ''}`));
    }
    case 'certificate.issued': {
      const title = str(d, 'title');
      return say(t(` issued certificate${codeText(d)}${title ? ` for “${title}”` : ''}`));
    }
    case 'certificate.revoked': {
      const title = str(d, 'title');
      const holder = str(d, 'holder');
      const reason = str(d, 'reason');
      return say(t(` revoked certificate${codeText(d)}${title ? ` for “${title}”` : ''}${holder ? ` of ${holder}` : ''}${reason ? ` (${reason})` : ''}`));
    }
    case 'payment.recorded': {
      const amount = str(d, 'amountDecimal');
      const currency = str(d, 'currency');
      const purpose = str(d, 'purpose');
      const external = str(d, 'externalId');
      return say(
        t(` recorded a payment${amount && currency ? ` of ${amount} ${currency}` : ''}${purpose ? ` for ${purpose}` : ''}${external ? ` (${external})` : ''}`),
      );
    }
    default: {
      const label = ev.actionInfo?.label ?? ev.action;
      return ev.targetType ? say(t(`: ${label}, `), target(ev)) : say(t(`: ${label}`));
    }
  }
}

/** " (name: A → B; primaryColor: default → #0f766e)" from details of `{field: {from, to}}` (org settings). */
function changesText(d: Details): string {
  const shown = (v: unknown) => (v == null || v === '' ? 'default' : String(v));
  const parts = Object.entries(d)
    .filter((e): e is [string, { from: unknown; to: unknown }] => typeof e[1] === 'object' && e[1] !== null && 'from' in e[1] && 'to' in e[1])
    .map(([field, v]) => `${field}: ${shown(v.from)} → ${shown(v.to)}`);
  return parts.length ? ` (${parts.join('; ')})` : '';
}

export function sentenceText(ev: AuditEventLike): string {
  return auditSentence(ev)
    .map((p) => p.text)
    .join('');
}

/** The details as label/value rows for the expandable part (names already in the sentence too). */
export function detailRows(ev: AuditEventLike): { label: string; value: string }[] {
  return Object.entries(detailsOf(ev)).map(([label, value]) => ({ label, value: formatValue(value) }));
}

export interface ActionOption {
  action: string;
  label: string;
  area: string;
  areaLabel: string;
}

export interface ActionGroup {
  area: string;
  areaLabel: string;
  actions: ActionOption[];
}

/** The API's action list in its order, grouped by area for the picker's optgroups. */
export function groupActions(actions: readonly ActionOption[]): ActionGroup[] {
  const groups: ActionGroup[] = [];
  for (const a of actions) {
    let g = groups.find((x) => x.area === a.area);
    if (!g) {
      g = { area: a.area, areaLabel: a.areaLabel, actions: [] };
      groups.push(g);
    }
    g.actions.push(a);
  }
  return groups;
}

/** The picker's value: '' (any), 'area:<area>' or 'action:<action>'. */
export interface ActionFilter {
  action: string | null;
  area: string | null;
}

export function parsePick(value: string): ActionFilter {
  if (value.startsWith('area:')) return { action: null, area: value.slice(5) };
  if (value.startsWith('action:')) return { action: value.slice(7), area: null };
  return { action: null, area: null };
}

/** Sign-ins are left out unless shown, or asked for by the picker. */
export function excludedActions(pick: ActionFilter, showSignIns: boolean): string[] | null {
  if (showSignIns || pick.action === SIGN_IN_ACTION || pick.area === 'auth') return null;
  return [SIGN_IN_ACTION];
}
