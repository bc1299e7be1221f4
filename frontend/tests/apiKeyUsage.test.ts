import { describe, expect, it } from 'vitest';
import { usageSeries, usageSummary, usageTotals, type UsagePoint } from '../src/pages/apiKeys/usage';

const daily: UsagePoint[] = [
  { day: '2026-11-29', requests: 0, errors: 0, rateLimited: 0 },
  { day: '2026-11-30', requests: 12, errors: 2, rateLimited: 3 },
  { day: '2026-12-01', requests: 1, errors: 0, rateLimited: 0 },
];

describe('key usage figures', () => {
  it('splits each day into successes, errors and refusals on a UTC time axis', () => {
    const s = usageSeries(daily);
    expect(s.x).toEqual([Date.UTC(2026, 10, 29) / 1000, Date.UTC(2026, 10, 30) / 1000, Date.UTC(2026, 11, 1) / 1000]);
    expect(s.ok).toEqual([0, 7, 1]);
    expect(s.errors).toEqual([0, 2, 0]);
    expect(s.rateLimited).toEqual([0, 3, 0]);
  });

  it('totals the window and names the busiest day', () => {
    expect(usageTotals(daily)).toEqual({ requests: 13, errors: 2, rateLimited: 3, busiestDay: '2026-11-30' });
    expect(usageSummary(daily)).toBe('13 requests in the last 3 days, 2 errors and 3 rate-limit refusals; busiest day 2026-11-30.');
  });

  it('says so when the key made no request', () => {
    expect(usageSummary(daily.slice(0, 1))).toBe('No requests in the last day.');
  });
});
