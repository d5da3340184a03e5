import { describe, expect, it } from 'vitest';
import { withinBudget, ratioOf } from './bench-entry.ts';
import { formatBenchTable, formatRatio } from './format-table.ts';

describe('withinBudget', () => {
  it('is met only when wall time, peak RSS and every other limit hold', () => {
    expect(withinBudget({ wallMs: 900, peakRssMb: 500 }, { wallMs: 1000, peakRssMb: 1024 })?.met).toBe(true);
    expect(withinBudget({ wallMs: 900 }, { peakRssMb: 1024 })?.met).toBe(false);
    const limits = [{ what: 'dist', value: 26, max: 25, unit: ' MB' }];
    expect(withinBudget({}, { limits })).toEqual({ limits, met: false });
  });
});

describe('ratioOf and formatRatio', () => {
  it('divides by the base and prints two decimals', () => {
    expect(formatRatio(ratioOf(26_000, 52_000)!)).toBe('0.50×');
    expect(ratioOf(1, 0)).toBeUndefined();
  });
});

describe('formatBenchTable', () => {
  it('prints peers with the ratio, skipped peers with the reason, rows without a time, and which limit was missed', () => {
    const table = formatBenchTable([
      { entry: 'build', case: 'Lifeboat vs plain Starlight', size: 1000, wallMs: 30_000, peakRssMb: 1100, peer: { name: 'plain Starlight', wallMs: 60_000, peakRssMb: 1500 }, budget: withinBudget({ peakRssMb: 1100 }, { peakRssMb: 1024, limits: [{ what: 'dist', value: 30, max: 25, unit: ' MB' }] }), extra: { 'dist MB': 30 } },
      { entry: 'build', case: 'Lifeboat vs Hugo', size: 1000, wallMs: 30_000, peer: { name: 'Hugo', skipped: 'apt-get install hugo failed' } },
      { entry: 'page-weight', case: 'median runbook page', size: 100, extra: { 'gzip KB': 21.5 } },
    ]);
    expect(table).toMatchInlineSnapshot(`
      "entry        case                                  wall (median)  peak RSS  peer                                         ratio  budget                                extra
      -----------  ------------------------------------  -------------  --------  -------------------------------------------  -----  ------------------------------------  ------------
      build        Lifeboat vs plain Starlight (N=1000)  30.00 s        1100 MB   plain Starlight 60.00 s, 1500 MB             0.50×  MISSED (≤ 1024 MB ✗, dist ≤ 25 MB ✗)  dist MB=30
      build        Lifeboat vs Hugo (N=1000)             30.00 s        —         Hugo: skipped (apt-get install hugo failed)
      page-weight  median runbook page (N=100)           —              —                                                                                                   gzip KB=21.5"
    `);
  });
});
