import { describe, expect, it } from 'vitest';
import { describeChange, formatScore, mergeLeaderboard, type BoardEntry } from '../src/lib/leaderboardMerge';

const e = (memberId: string, rank: number, score: number, extra: Partial<BoardEntry> = {}): BoardEntry => ({
  memberId,
  rank,
  score,
  displayName: memberId.toUpperCase(),
  attempts: 1,
  lastActivityAt: '2030-01-01T00:00:00Z',
  timeTakenSeconds: null,
  ...extra,
});

describe('mergeLeaderboard', () => {
  it('an empty board takes the first message and marks everyone as added', () => {
    const r = mergeLeaderboard([], { entries: [e('a', 1, 5)], changed: null }, 10);
    expect(r.entries.map((x) => x.memberId)).toEqual(['a']);
    expect(r.addedIds).toEqual(['a']);
  });
  it('a new entry appears in rank order', () => {
    const cur = [e('a', 1, 9), e('b', 2, 5)];
    const r = mergeLeaderboard(cur, { entries: [e('a', 1, 9), e('c', 2, 7), e('b', 3, 5)], changed: e('c', 2, 7) }, 10);
    expect(r.entries.map((x) => `${x.memberId}${x.rank}`)).toEqual(['a1', 'c2', 'b3']);
    expect(r.addedIds).toEqual(['c']);
    expect(r.changedIds.sort()).toEqual(['b', 'c']);
    expect(describeChange(r, { entries: [], changed: e('c', 2, 7) })).toBe('C is now ranked 2 with 7 points.');
  });
  it('a short top N is the whole board: rows it leaves out are dropped', () => {
    const cur = [e('a', 1, 9), e('b', 2, 5)];
    const r = mergeLeaderboard(cur, { entries: [e('b', 1, 10)], changed: e('b', 1, 10) }, 10);
    expect(r.entries.map((x) => x.memberId)).toEqual(['b']);
  });
  it('keeps rows below a full top N, without listing a member twice', () => {
    const cur = [e('a', 1, 9), e('b', 2, 8), e('c', 3, 7), e('d', 4, 6)];
    // top 2; d jumps into the top, b falls to 3rd (not in entries; known from current rows).
    const r = mergeLeaderboard(cur, { entries: [e('d', 1, 10), e('a', 2, 9)], changed: e('d', 1, 10) }, 2);
    expect(r.entries.map((x) => x.memberId)).toEqual(['d', 'a', 'b', 'c']);
    expect(new Set(r.entries.map((x) => x.memberId)).size).toBe(r.entries.length);
  });
  it('places a changed entry below the top N by its rank', () => {
    const cur = [e('a', 1, 9), e('b', 2, 8), e('c', 3, 2), e('d', 4, 1)];
    const r = mergeLeaderboard(cur, { entries: [e('a', 1, 9), e('b', 2, 8)], changed: e('d', 3, 4) }, 2);
    expect(r.entries.map((x) => `${x.memberId}${x.rank}`)).toEqual(['a1', 'b2', 'd3', 'c3']);
    expect(r.changedIds).toEqual(['d']);
  });
  it('an identical message changes nothing', () => {
    const cur = [e('a', 1, 9), e('b', 2, 8)];
    const r = mergeLeaderboard(cur, { entries: cur.map((x) => ({ ...x })), changed: null }, 10);
    expect(r.changedIds).toEqual([]);
    expect(describeChange(r, { entries: cur })).toBeNull();
  });
  it('ties keep a stable order by name', () => {
    const r = mergeLeaderboard([], { entries: [e('z', 1, 5), e('m', 1, 5)] }, 10);
    expect(r.entries.map((x) => x.memberId)).toEqual(['m', 'z']);
  });
  it('formats scores', () => {
    expect(formatScore(3)).toBe('3');
    expect(formatScore(2.5)).toBe('2.5');
    expect(formatScore(1 / 3)).toBe('0.33');
  });
});
