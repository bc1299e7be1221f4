/** A key's daily usage points turned into what its chart and summary show. */

export interface UsagePoint {
  day: string; // YYYY-MM-DD, UTC
  requests: number;
  errors: number;
  rateLimited: number;
}

export interface UsageSeries {
  /** Each day's start as Unix seconds (uPlot's time axis). */
  x: number[];
  /** Requests that neither failed nor were refused. */
  ok: number[];
  errors: number[];
  rateLimited: number[];
}

export function usageSeries(daily: readonly UsagePoint[]): UsageSeries {
  return {
    x: daily.map((p) => Date.parse(`${p.day}T00:00:00Z`) / 1000),
    ok: daily.map((p) => Math.max(0, p.requests - p.errors - p.rateLimited)),
    errors: daily.map((p) => p.errors),
    rateLimited: daily.map((p) => p.rateLimited),
  };
}

export interface UsageTotals {
  requests: number;
  errors: number;
  rateLimited: number;
  busiestDay: string | null;
}

export function usageTotals(daily: readonly UsagePoint[]): UsageTotals {
  let busiest: UsagePoint | null = null;
  for (const p of daily) if (p.requests > 0 && (!busiest || p.requests > busiest.requests)) busiest = p;
  return {
    requests: daily.reduce((n, p) => n + p.requests, 0),
    errors: daily.reduce((n, p) => n + p.errors, 0),
    rateLimited: daily.reduce((n, p) => n + p.rateLimited, 0),
    busiestDay: busiest?.day ?? null,
  };
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** The chart's text alternative: the window's totals in one sentence. */
export function usageSummary(daily: readonly UsagePoint[]): string {
  const t = usageTotals(daily);
  const days = daily.length === 1 ? 'day' : `${daily.length} days`;
  if (t.requests === 0) return `No requests in the last ${days}.`;
  return (
    `${plural(t.requests, 'request', 'requests')} in the last ${days}, ` +
    `${plural(t.errors, 'error', 'errors')} and ${plural(t.rateLimited, 'rate-limit refusal', 'rate-limit refusals')}; ` +
    `busiest day ${t.busiestDay}.`
  );
}
