/** The Integrity page's model: its filters and how a record's counts and review read. */
import type { AttemptIntegrityFieldsFragment, IntegrityRulesFieldsFragment, ReviewOutcome } from '../../gql/graphql';

export type IntegrityFilter = 'unreviewed' | 'flagged' | 'all';

export const FILTERS: Readonly<
  Record<IntegrityFilter, { label: string; empty: string; variables: { flagged: boolean | null; unreviewed: boolean | null } }>
> = {
  unreviewed: { label: 'Flags waiting for review', empty: 'No flag is waiting for review.', variables: { flagged: true, unreviewed: true } },
  flagged: { label: 'All flagged attempts', empty: 'No attempt has been flagged.', variables: { flagged: true, unreviewed: null } },
  all: { label: 'All attempts', empty: 'No attempt has been started yet.', variables: { flagged: null, unreviewed: null } },
};

export function reviewText(outcome: ReviewOutcome): string {
  return outcome === 'CLEARED' ? 'Cleared' : 'Confirmed';
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The counts a record's rules judge, in words, leaving out the ones that are zero. */
export function countsText(r: Pick<
  AttemptIntegrityFieldsFragment,
  'pageSwitches' | 'hiddenSeconds' | 'fullscreenExits' | 'clipboardEvents' | 'bulkAnswerChanges' | 'ipAddressCount' | 'deviceCount' | 'eventCount'
>): string {
  const parts = [
    r.pageSwitches ? plural(r.pageSwitches, 'page switch', 'page switches') : null,
    r.hiddenSeconds ? `${Math.round(r.hiddenSeconds)} s away` : null,
    r.fullscreenExits ? plural(r.fullscreenExits, 'full-screen exit', 'full-screen exits') : null,
    r.clipboardEvents ? plural(r.clipboardEvents, 'copy or paste', 'copies and pastes') : null,
    r.bulkAnswerChanges ? plural(r.bulkAnswerChanges, 'bulk answer change', 'bulk answer changes') : null,
    r.ipAddressCount > 1 ? `${r.ipAddressCount} IP addresses` : null,
    r.deviceCount > 1 ? `${r.deviceCount} devices` : null,
  ].filter((p): p is string => p != null);
  return parts.length ? parts.join(' · ') : r.eventCount ? plural(r.eventCount, 'event', 'events') : 'No events';
}

export type RuleKey = keyof Omit<IntegrityRulesFieldsFragment, '__typename'>;

/** The rules editor's rows: each threshold, its words and the server's bounds. */
export const RULES: readonly { key: RuleKey; label: string; hint: string; min: number; max: number }[] = [
  { key: 'maxPageSwitches', label: 'Page switches allowed', hint: 'Times the quiz page may be hidden (another tab or window).', min: 0, max: 100000 },
  { key: 'maxHiddenSeconds', label: 'Seconds away allowed', hint: 'Seconds the page may be hidden in total.', min: 0, max: 100000 },
  { key: 'maxIpAddresses', label: 'IP addresses allowed', hint: 'Addresses that may answer one attempt (1 to 9).', min: 1, max: 9 },
  { key: 'maxDevices', label: 'Devices allowed', hint: 'Signed-in sessions that may answer one attempt (1 to 9).', min: 1, max: 9 },
  { key: 'maxFullscreenExits', label: 'Full-screen exits allowed', hint: 'Times full screen may be left.', min: 0, max: 100000 },
  { key: 'maxClipboardEvents', label: 'Copies and pastes allowed', hint: 'Copies and pastes on the quiz page.', min: 0, max: 100000 },
  { key: 'maxBulkAnswerChanges', label: 'Bulk answer changes allowed', hint: 'Times many answers may change at once.', min: 0, max: 100000 },
];

export type RulesDraft = Record<RuleKey, string>;

export function draftOf(rules: Partial<Record<RuleKey, number | null>>): RulesDraft {
  return Object.fromEntries(RULES.map((r) => [r.key, rules[r.key] == null ? '' : String(rules[r.key])])) as RulesDraft;
}

/**
 * The form's values as updateIntegrityRules' input: only the changed thresholds (left out means
 * unchanged), an empty box as null (not checked); errors for values outside the server's bounds.
 */
export function rulesInput(
  draft: RulesDraft,
  current: Partial<Record<RuleKey, number | null>>,
): { input: Partial<Record<RuleKey, number | null>>; errors: Partial<Record<RuleKey, string>> } {
  const input: Partial<Record<RuleKey, number | null>> = {};
  const errors: Partial<Record<RuleKey, string>> = {};
  for (const rule of RULES) {
    const raw = draft[rule.key].trim();
    const value = raw === '' ? null : Number(raw);
    if (value != null && (!Number.isInteger(value) || value < rule.min || value > rule.max)) {
      errors[rule.key] = `A whole number from ${rule.min} to ${rule.max}, or empty for not checked.`;
      continue;
    }
    if (value !== (current[rule.key] ?? null)) input[rule.key] = value;
  }
  return { input, errors };
}
