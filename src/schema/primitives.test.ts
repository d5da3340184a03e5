import { describe, expect, it } from 'vitest';
import { DurationSchema, durationSeconds, formatDuration, IdSchema, slugify } from './primitives.ts';

describe('durations', () => {
  it.each(['0', '90s', '15m', '4h', '1h30m', '2d', '1d2h3m4s'])('accepts %s', (text) => {
    expect(DurationSchema.safeParse(text).success).toBe(true);
  });

  it('accepts a bare YAML 0 and normalises it to "0"', () => {
    expect(DurationSchema.parse(0)).toBe('0');
  });

  it.each(['', '15', '15 minutes', '1.5h', 'h', '30m1h', '-5m', '5M', '1h 30m'])('rejects %j', (text) => {
    expect(DurationSchema.safeParse(text).success).toBe(false);
  });

  it('converts to seconds and back', () => {
    expect(durationSeconds('1h30m')).toBe(5400);
    expect(durationSeconds('2d')).toBe(172_800);
    expect(durationSeconds('0')).toBe(0);
    expect(formatDuration(5400)).toBe('1h30m');
    expect(formatDuration(0)).toBe('0');
    expect(formatDuration(90_061)).toBe('1d1h1m1s');
  });
});

describe('ids', () => {
  it('accepts lowercase slugs only', () => {
    expect(IdSchema.safeParse('restore-db-2').success).toBe(true);
    for (const bad of ['Restore', 'restore db', '-restore', 'restore-', 'a--b', 'ré', '']) {
      expect(IdSchema.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('slugifies titles for hints', () => {
    expect(slugify('Restore DB (EU)')).toBe('restore-db-eu');
  });
});
