import { describe, expect, it } from 'vitest';
import { countdownLevel, crossedThreshold, describeCountdown, formatCountdown, formatDuration, remainingMs } from '../src/lib/countdown';

describe('countdown', () => {
  it('formats m:ss and h:mm:ss, rounding up', () => {
    expect(formatCountdown(0)).toBe('0:00');
    expect(formatCountdown(1)).toBe('0:01');
    expect(formatCountdown(59_001)).toBe('1:00');
    expect(formatCountdown(5 * 60_000 + 3_000)).toBe('5:03');
    expect(formatCountdown(3600_000 + 65_000)).toBe('1:01:05');
    expect(formatCountdown(-5)).toBe('0:00');
  });
  it('counts to the deadline', () => {
    const now = Date.parse('2030-01-01T00:00:00Z');
    expect(remainingMs('2030-01-01T00:01:30Z', now)).toBe(90_000);
    expect(remainingMs('2029-12-31T23:59:00Z', now)).toBe(0);
    expect(remainingMs(null, now)).toBeNull();
    expect(remainingMs('garbage', now)).toBeNull();
  });
  it('describes the time for screen readers', () => {
    expect(describeCountdown(0)).toBe('Time is up');
    expect(describeCountdown(61_000)).toBe('1 minute 1 second left');
    expect(describeCountdown(2 * 3600_000 + 5 * 60_000 + 7_000)).toBe('2 hours 5 minutes left');
  });
  it('marks urgency and the announcement thresholds', () => {
    expect(countdownLevel(30_000)).toBe('urgent');
    expect(countdownLevel(4 * 60_000)).toBe('warning');
    expect(countdownLevel(10 * 60_000)).toBe('ok');
    expect(crossedThreshold(60_500, 59_500)).toBe(60_000);
    expect(crossedThreshold(1000, 0)).toBe(0);
    expect(crossedThreshold(50_000, 49_000)).toBeNull();
    expect(formatDuration(75)).toBe('1:15');
    expect(formatDuration(null)).toBe('—');
  });
});
