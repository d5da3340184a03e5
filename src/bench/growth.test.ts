import { describe, expect, it } from 'vitest';
import { growthSteps, type SizePoint } from './growth.ts';

const point = (size: number, wallMs: number, parts: Record<string, number>, peakRssMb?: number): SizePoint => ({
  size,
  wallMs,
  distBytes: Object.values(parts).reduce((a, b) => a + b, 0),
  parts,
  ...(peakRssMb ? { peakRssMb } : {}),
});

describe('growthSteps', () => {
  it('compares each size with the next smaller one, in size order', () => {
    const steps = growthSteps([point(3000, 90_000, { runbooks: 3e6 }, 900), point(100, 10_000, { runbooks: 1e5 }, 500), point(1000, 30_000, { runbooks: 1e6 }, 600)]);
    expect(steps.map((s) => [s.from, s.to, s.sizeRatio])).toEqual([[100, 1000, 10], [1000, 3000, 3]]);
    expect(steps[1]).toMatchObject({ timeRatio: 3, distRatio: 3, rssRatio: 1.5 });
    expect(steps[1]!.allowed).toBeCloseTo(3.3);
  });

  it('names the output parts that grow faster than the collection, ignoring crumbs', () => {
    const [step] = growthSteps([
      point(1000, 1, { runbooks: 10e6, services: 1e6, 'sw.js': 1000, crumbs: 10 }),
      point(3000, 3, { runbooks: 30e6, services: 9e6, 'sw.js': 3000, crumbs: 100 }),
    ]);
    expect(step!.fasterThanLinear).toEqual([{ part: 'services', ratio: 9, fromBytes: 1e6, toBytes: 9e6 }]);
  });
});
