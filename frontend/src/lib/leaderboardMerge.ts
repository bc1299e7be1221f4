// Folding `leaderboardUpdated` messages into the board a page shows.
//
// A message carries the board's current top N (`entries`, best first) and, except for the
// first one, the entry whose change caused it (`changed`). The page may show more than N
// rows (a page of the query): rows below the top N stay as they were unless the message
// says otherwise, and a member who is now in the top N is not also listed lower down.

export interface BoardEntry {
  rank: number;
  memberId: string;
  displayName: string;
  score: number;
  attempts: number;
  lastActivityAt: string;
  timeTakenSeconds?: number | null;
}

export interface BoardUpdate<E extends BoardEntry = BoardEntry> {
  entries: readonly E[];
  changed?: E | null;
}

export interface MergeResult<E extends BoardEntry = BoardEntry> {
  entries: E[];
  /** Members whose row is new or different, for highlighting and announcements. */
  changedIds: string[];
  /** Members on the board now that were not before. */
  addedIds: string[];
}

function sameEntry(a: BoardEntry, b: BoardEntry): boolean {
  return (
    a.rank === b.rank &&
    a.score === b.score &&
    a.attempts === b.attempts &&
    a.displayName === b.displayName &&
    a.lastActivityAt === b.lastActivityAt &&
    (a.timeTakenSeconds ?? null) === (b.timeTakenSeconds ?? null)
  );
}

const byRank = (a: BoardEntry, b: BoardEntry) => a.rank - b.rank || b.score - a.score || a.displayName.localeCompare(b.displayName);

/**
 * The board after `update`. `top` is the N the subscription asked for: when the message
 * has fewer entries than that, the board has no more rows than these (for the subscribed
 * window), so lower rows the page still shows are dropped.
 */
export function mergeLeaderboard<E extends BoardEntry>(current: readonly E[], update: BoardUpdate<E>, top: number): MergeResult<E> {
  const before = new Map(current.map((e) => [e.memberId, e]));
  const head = [...update.entries].sort(byRank);
  const inHead = new Set(head.map((e) => e.memberId));
  let tail: E[] = [];
  if (head.length >= top) {
    const lastRank = head.length ? head[head.length - 1]!.rank : 0;
    tail = current.filter((e) => !inHead.has(e.memberId) && e.rank >= lastRank);
    const changed = update.changed;
    if (changed && !inHead.has(changed.memberId)) {
      tail = tail.filter((e) => e.memberId !== changed.memberId);
      if (changed.rank >= lastRank) tail.push(changed);
    }
    tail.sort(byRank);
  }
  const entries = dedupe([...head, ...tail]);
  const changedIds: string[] = [];
  const addedIds: string[] = [];
  for (const e of entries) {
    const old = before.get(e.memberId);
    if (!old) {
      addedIds.push(e.memberId);
      changedIds.push(e.memberId);
    } else if (!sameEntry(old, e)) changedIds.push(e.memberId);
  }
  return { entries, changedIds, addedIds };
}

function dedupe<E extends BoardEntry>(list: E[]): E[] {
  const seen = new Set<string>();
  return list.filter((e) => (seen.has(e.memberId) ? false : (seen.add(e.memberId), true)));
}

/** A sentence for a live region about what an update changed. */
export function describeChange(result: MergeResult, update: BoardUpdate): string | null {
  const c = update.changed;
  if (c && result.changedIds.includes(c.memberId)) {
    return `${c.displayName} is now ranked ${c.rank} with ${formatScore(c.score)} points.`;
  }
  if (result.addedIds.length === 1) {
    const e = result.entries.find((x) => x.memberId === result.addedIds[0]);
    if (e) return `${e.displayName} joined the board at rank ${e.rank}.`;
  }
  if (result.changedIds.length) return 'The leaderboard changed.';
  return null;
}

export function formatScore(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0+$/, '').replace(/\.$/, '');
}
