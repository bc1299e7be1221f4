import { describe, expect, it } from 'vitest';
import {
  activitySeries,
  ageText,
  alphaWord,
  bucketLabel,
  describeDistribution,
  discriminationWord,
  FLAG_ADVICE,
  flagLabel,
  formatFigure,
  formatSeconds,
  formatShare,
  resultsCsvUrl,
} from '../src/pages/analytics/figures';

describe('figures as a teacher reads them', () => {
  it('shows shares as percentages and undefined figures as a dash', () => {
    expect(formatShare(2 / 3)).toBe('66.7%');
    expect(formatShare(1)).toBe('100%');
    expect(formatShare(null)).toBe('—');
    expect(formatFigure(0.12345, 2)).toBe('0.12');
    expect(formatFigure(undefined)).toBe('—');
    expect(formatSeconds(65)).toBe('1 min 5 s');
    expect(formatSeconds(42.4)).toBe('42 s');
    expect(formatSeconds(3720)).toBe('1 h 2 min');
  });

  it('reads discrimination and alpha in the usual bands', () => {
    expect(discriminationWord(-0.1)).toBe('negative');
    expect(discriminationWord(0.1)).toBe('weak');
    expect(discriminationWord(0.25)).toBe('fair');
    expect(discriminationWord(0.3)).toBe('good');
    expect(discriminationWord(null)).toBe('not enough data');
    expect(alphaWord(0.92)).toBe('excellent');
    expect(alphaWord(0.75)).toBe('acceptable');
    expect(alphaWord(0.2)).toBe('poor');
  });

  it('explains every flag the server can raise', () => {
    for (const flag of ['NOT_ANSWERED', 'NEGATIVE_DISCRIMINATION', 'VERY_EASY', 'VERY_HARD'] as const) {
      expect(FLAG_ADVICE[flag].advice.length).toBeGreaterThan(20);
    }
    expect(flagLabel('NEGATIVE_DISCRIMINATION')).toBe('Favours weaker students');
  });

  it('says how old the item analysis is', () => {
    const now = Date.parse('2026-12-01T12:00:00Z');
    expect(ageText('2026-12-01T11:59:30Z', now)).toBe('just now');
    expect(ageText('2026-12-01T11:57:00Z', now)).toBe('3 minutes ago');
    expect(ageText('2026-12-01T11:00:00Z', now)).toBe('1 hour ago');
    expect(ageText('2026-11-28T12:00:00Z', now)).toBe('3 days ago');
  });
});

describe('chart data', () => {
  const buckets = [
    { low: 0, high: 1, attempts: 1 },
    { low: 1, high: 2, attempts: 4 },
    { low: 2, high: 3, attempts: 2 },
  ];

  it('labels histogram buckets in points and sums them up in a sentence', () => {
    expect(bucketLabel(buckets[1]!)).toBe('1–2');
    expect(describeDistribution(buckets)).toBe('7 attempts; most scored 1–2 points (4).');
    expect(describeDistribution([{ low: 0, high: 1, attempts: 0 }])).toBe('No attempts yet.');
  });

  it('puts the activity in day order on a UTC time axis, keeping days without a score as gaps', () => {
    const s = activitySeries([
      { start: '2026-11-30', attempts: 2, activeMembers: 1, averagePercentage: null },
      { start: '2026-11-29', attempts: 3, activeMembers: 2, averagePercentage: 66.666 },
    ]);
    expect(s.x).toEqual([Date.UTC(2026, 10, 29) / 1000, Date.UTC(2026, 10, 30) / 1000]);
    expect(s.attempts).toEqual([3, 2]);
    expect(s.activeMembers).toEqual([2, 1]);
    expect(s.average).toEqual([66.7, null]);
  });
});

describe('results export', () => {
  it('asks for the same attempts the page shows', () => {
    expect(resultsCsvUrl('UXVpejox', { firstAttemptsOnly: true })).toBe('/quizzes/UXVpejox/results.csv?firstAttemptsOnly=true');
    expect(resultsCsvUrl('a/b=', { firstAttemptsOnly: false, since: '2026-11-01', until: '2026-11-30' })).toBe(
      '/quizzes/a%2Fb%3D/results.csv?firstAttemptsOnly=false&since=2026-11-01&until=2026-11-30',
    );
  });
});
