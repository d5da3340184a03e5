import { describe, expect, it } from 'vitest';
import { formatBytes, groupDigits, plural } from './format-units.ts';

describe('report number formatting', () => {
  it('groups digits as en-US does, for every count a report prints', () => {
    const counts = [0, 1, 9, 10, 99, 100, 999, 1000, 1284, 9999, 10_000, 123_456, 1_000_000, 7_654_321, 2_147_483_647, -1, -1000, -123_456];
    for (const n of counts) expect(groupDigits(n), String(n)).toBe(n.toLocaleString('en-US'));
  });

  it('leaves fractions as they are', () => {
    expect(groupDigits(1234.5)).toBe('1234.5');
  });

  it('says counts with their noun', () => {
    expect(plural(1, 'file')).toBe('1 file');
    expect(plural(0, 'warning')).toBe('0 warnings');
    expect(plural(1284, 'warning')).toBe('1,284 warnings');
  });

  it('prints sizes in decimal units', () => {
    expect(formatBytes(812)).toBe('812 B');
    expect(formatBytes(45_200)).toBe('45.2 kB');
    expect(formatBytes(3_100_000)).toBe('3.1 MB');
  });
});
