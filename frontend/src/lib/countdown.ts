// The countdown to an attempt's deadline.

/** Milliseconds left until `deadline` (never negative); null without a deadline. */
export function remainingMs(deadline: string | null | undefined, now: number): number | null {
  if (!deadline) return null;
  const t = new Date(deadline).getTime();
  if (Number.isNaN(t)) return null;
  return Math.max(0, t - now);
}

/** `h:mm:ss` from an hour on, else `m:ss`; rounds up so 0:00 means the time is up. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** Words for screen readers: "4 minutes 5 seconds left", "Time is up". */
export function describeCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  if (total === 0) return 'Time is up';
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const parts: string[] = [];
  if (h) parts.push(plural(h, 'hour'));
  if (m) parts.push(plural(m, 'minute'));
  if (s && !h) parts.push(plural(s, 'second'));
  return `${parts.join(' ')} left`;
}

/** How urgent the countdown looks: under a minute is urgent, under five minutes a warning. */
export function countdownLevel(ms: number): 'ok' | 'warning' | 'urgent' {
  if (ms < 60_000) return 'urgent';
  if (ms < 5 * 60_000) return 'warning';
  return 'ok';
}

/**
 * When a screen reader should hear the time: at 10, 5 and 1 minute(s) left and at 0,
 * not every second. Returns the threshold just crossed between two ticks, else null.
 */
export function crossedThreshold(prevMs: number, nextMs: number): number | null {
  for (const t of [10 * 60_000, 5 * 60_000, 60_000, 0]) {
    if (prevMs > t && nextMs <= t) return t;
  }
  return null;
}

export function formatDuration(seconds: number | null | undefined): string {
  if (seconds == null || !Number.isFinite(seconds)) return '—';
  return formatCountdown(seconds * 1000);
}
