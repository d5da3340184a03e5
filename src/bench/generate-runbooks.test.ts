import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testdir } from '../../test/support/testdir.ts';
import { loadRunbooks } from '../load/load-runbooks.ts';
import { generateRunbooks } from './generate-runbooks.ts';

describe('generateRunbooks', () => {
  it('writes valid runbooks with destructive commands and a decision tree', async () => {
    const dir = testdir({});
    await generateRunbooks(dir, 3);
    const { runbooks, issues } = await loadRunbooks(dir, { clusters: { dr: 'dr-1' } });
    expect(issues).toEqual([]);
    expect(runbooks.map((r) => r.data.id).sort()).toEqual(['generated-0001', 'generated-0002', 'generated-0003']);
    const commands = runbooks[0]!.data.steps!.flatMap((s) => s.commands ?? []);
    expect(commands.some((c) => c.destructive)).toBe(true);
    expect(runbooks[0]!.data.decisions).toHaveLength(2);
  });

  it('writes the same files for the same seed, and different ones for another', async () => {
    const read = async (seed: number) => {
      const dir = testdir({});
      await generateRunbooks(dir, 2, seed);
      return readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8'));
    };
    expect(await read(1)).toEqual(await read(1));
    expect(await read(2)).not.toEqual(await read(1));
  });
});
