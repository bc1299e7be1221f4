/**
 * The Analytics pages' model: how the server's figures read to a teacher (percentages, the
 * item analysis's flags in plain words, how old the analysis is) and the series the charts draw.
 * Pure functions, so the pages stay markup and the tests need no browser.
 */
import type { QuestionFlag } from '../../gql/graphql';

/** A share (0 to 1) as a percentage with one decimal, or a dash. */
export function formatShare(share: number | null | undefined): string {
  return share == null ? '—' : `${Math.round(share * 1000) / 10}%`;
}

/** A percentage (0 to 100) with one decimal, or a dash. */
export function formatPercent(percent: number | null | undefined): string {
  return percent == null ? '—' : `${Math.round(percent * 10) / 10}%`;
}

/** A figure rounded to `digits` decimals, or a dash (null means the figure is undefined). */
export function formatFigure(value: number | null | undefined, digits = 2): string {
  if (value == null) return '—';
  const f = 10 ** digits;
  return String(Math.round(value * f) / f);
}

/**
 * What each flag means and what to do about it, beyond the server's one-line reason. Moodle's
 * report leaves the reading of these numbers to the teacher; these sentences do it for them.
 */
export const FLAG_ADVICE: Readonly<Record<QuestionFlag, { label: string; advice: string }>> = {
  NEGATIVE_DISCRIMINATION: {
    label: 'Favours weaker students',
    advice:
      'Students who did well on the rest of the quiz did worse on this question than those who did poorly. Check the answer key and look for wording that misleads strong students.',
  },
  VERY_EASY: {
    label: 'Almost everyone gets it right',
    advice: 'It tells students apart very little. Fine as a warm-up; otherwise make it harder or drop it.',
  },
  VERY_HARD: {
    label: 'Almost nobody gets it right',
    advice: 'Check the answer key and the wording, and whether the topic was taught before the quiz.',
  },
  NOT_ANSWERED: {
    label: 'Nobody answered it',
    advice: 'No attempt counted gave an answer, so there is nothing to analyse. Students may have run out of time before reaching it.',
  },
};

export function flagLabel(flag: QuestionFlag): string {
  return FLAG_ADVICE[flag]?.label ?? flag;
}

/** How a discrimination index reads (Moodle's bands: above 0.3 good, 0.2–0.3 fair, below weak). */
export function discriminationWord(index: number | null | undefined): string {
  if (index == null) return 'not enough data';
  if (index < 0) return 'negative';
  if (index < 0.2) return 'weak';
  if (index < 0.3) return 'fair';
  return 'good';
}

/** How an internal consistency (Cronbach's alpha) reads, with the usual bands. */
export function alphaWord(alpha: number | null | undefined): string {
  if (alpha == null) return 'not enough data';
  if (alpha >= 0.9) return 'excellent';
  if (alpha >= 0.8) return 'good';
  if (alpha >= 0.7) return 'acceptable';
  if (alpha >= 0.5) return 'low';
  return 'poor';
}

/** "computed 3 minutes ago": the age of the item analysis, for a reader deciding whether to trust it. */
export function ageText(iso: string, now: number = Date.now()): string {
  const seconds = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000));
  if (seconds < 60) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'} ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} ${hours === 1 ? 'hour' : 'hours'} ago`;
  const days = Math.round(hours / 24);
  return `${days} days ago`;
}

/** A seconds count as "1 min 5 s" (figures are means, so no hours-long formats). */
export function formatSeconds(seconds: number | null | undefined): string {
  if (seconds == null) return '—';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  const rest = s % 60;
  if (m < 60) return rest ? `${m} min ${rest} s` : `${m} min`;
  const h = Math.floor(m / 60);
  return `${h} h ${m % 60} min`;
}

export interface Bucket {
  low: number;
  high: number;
  attempts: number;
}

/** A histogram bucket's label in points: "4–6". */
export function bucketLabel(b: Bucket): string {
  return `${formatFigure(b.low, 1)}–${formatFigure(b.high, 1)}`;
}

/** What the histogram says in one sentence (the chart's text alternative). */
export function describeDistribution(buckets: readonly Bucket[]): string {
  const total = buckets.reduce((n, b) => n + b.attempts, 0);
  if (total === 0) return 'No attempts yet.';
  const top = buckets.reduce((best, b) => (b.attempts > best.attempts ? b : best));
  return `${total} ${total === 1 ? 'attempt' : 'attempts'}; most scored ${bucketLabel(top)} points (${top.attempts}).`;
}

export interface ActivityBucket {
  start: string;
  attempts: number;
  activeMembers: number;
  averagePercentage: number | null;
}

/** The series the activity chart draws: x in Unix seconds (UTC midnight), then the figures. */
export function activitySeries(buckets: readonly ActivityBucket[]): {
  x: number[];
  attempts: number[];
  activeMembers: number[];
  average: (number | null)[];
} {
  const sorted = [...buckets].sort((a, b) => a.start.localeCompare(b.start));
  return {
    x: sorted.map((b) => Date.parse(`${b.start}T00:00:00Z`) / 1000),
    attempts: sorted.map((b) => b.attempts),
    activeMembers: sorted.map((b) => b.activeMembers),
    average: sorted.map((b) => (b.averagePercentage == null ? null : Math.round(b.averagePercentage * 10) / 10)),
  };
}

/** The results export's address: the same cookie and scopes as the page (GET, streamed). */
export function resultsCsvUrl(quizId: string, opts: { firstAttemptsOnly: boolean; since?: string; until?: string }): string {
  const params = new URLSearchParams({ firstAttemptsOnly: String(opts.firstAttemptsOnly) });
  if (opts.since) params.set('since', opts.since);
  if (opts.until) params.set('until', opts.until);
  return `/quizzes/${encodeURIComponent(quizId)}/results.csv?${params.toString()}`;
}
