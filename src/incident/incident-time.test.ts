import { describe, expect, it } from 'vitest';
import { clockText, secondsBetween, utcDateTime, utcWithLocal } from './incident-time.ts';

describe('incident times', () => {
  it('writes clock text with hours only when needed, and overruns as negative', () => {
    expect([clockText(0), clockText(65), clockText(3600 + 5 * 60 + 9), clockText(-90)]).toEqual(['0:00', '1:05', '1:05:09', '−1:30']);
  });

  it('shows UTC first with the local time beside it, in 24-hour time', () => {
    expect(utcWithLocal('2026-11-22T14:03:09.000Z', { timeZone: 'Europe/Berlin' })).toBe('14:03 UTC (15:03 local)');
    expect(utcWithLocal('2026-11-22T23:30:00.000Z', { timeZone: 'Asia/Kolkata', seconds: true })).toBe('23:30:00 UTC (05:00:00 local)');
    expect(utcWithLocal('2026-11-22T00:05:00.000Z', { timeZone: 'UTC' })).toBe('00:05 UTC (00:05 local)');
    expect(utcDateTime('2026-11-22T14:03:09.000Z')).toBe('2026-11-22 14:03 UTC');
    expect(secondsBetween('2026-11-22T14:00:00.000Z', '2026-11-22T14:01:30.000Z')).toBe(90);
  });
});
