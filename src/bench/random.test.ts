import { describe, expect, it } from 'vitest';
import { seededRandom } from './random.ts';

const draws = (seed: number) => {
  const r = seededRandom(seed);
  return Array.from({ length: 20 }, () => r.next());
};

describe('seededRandom', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    expect(draws(42)).toEqual(draws(42));
    expect(draws(42)).not.toEqual(draws(43));
  });

  it('keeps every draw in its range', () => {
    const r = seededRandom(1);
    for (let k = 0; k < 1000; k++) {
      const n = r.int(2, 5);
      expect(n).toBeGreaterThanOrEqual(2);
      expect(n).toBeLessThanOrEqual(5);
      expect(Number.isInteger(n)).toBe(true);
    }
    const seen = new Set(Array.from({ length: 200 }, () => r.int(2, 5)));
    expect([...seen].sort()).toEqual([2, 3, 4, 5]);
  });

  it('samples distinct items in their original order, never more than there are', () => {
    const r = seededRandom(9);
    const items = ['a', 'b', 'c', 'd', 'e', 'f'];
    const picked = r.sample(items, 4);
    expect(new Set(picked).size).toBe(4);
    expect(picked).toEqual([...picked].sort((x, y) => items.indexOf(x) - items.indexOf(y)));
    expect(r.sample(items, 10)).toEqual(items);
  });

  it('follows the weights it is given', () => {
    const r = seededRandom(3);
    const counts = { rare: 0, common: 0, never: 0 };
    for (let k = 0; k < 4000; k++) counts[r.weighted([['rare', 1], ['common', 3], ['never', 0]] as const)]++;
    expect(counts.never).toBe(0);
    expect(counts.common / 4000).toBeGreaterThan(0.7);
    expect(counts.common / 4000).toBeLessThan(0.8);
  });
});
