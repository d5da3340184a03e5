import { describe, expect, it } from 'vitest';
import { formatBytes, plural } from './format-units.ts';

describe('report number formatting', () => {
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
