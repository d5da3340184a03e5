/**
 * `npm run bench` at a tiny size: every entry runs through the real runner and prints its row, so
 * that a renamed script or command cannot break the benchmark unnoticed (issue 26). A smoke run
 * (`--smoke`): 5 runbooks, 1 run, binder at 5 runbooks and facts on a small cluster; nothing is
 * installed (`--no-install`), so Hugo and MkDocs Material report `skipped` where Debian's packages
 * are absent. The full benchmark stays out of `npm test`.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ENTRIES } from '../src/bench/all-entries.ts';
import type { BenchRow } from '../src/bench/bench-entry.ts';
import { REPO, startCommand, type ScriptResult } from './support/run-script.ts';

const SIZE = 5;
/** Measured at 60–80 s alone on two cores; the rest of `npm test` shares those cores. */
const TIMEOUT_MS = 8 * 60_000;

const work = mkdtempSync(join(tmpdir(), 'lifeboat-bench-test-'));
const resultsFile = join(work, 'results.json');
afterAll(() => rmSync(work, { recursive: true, force: true }));

function runBench(args: string[]): Promise<ScriptResult> {
  // Without vitest's NODE_ENV=test (Astro would build a development site, without search) and
  // without any LIFEBOAT_* setting of the test run (the bench sets its own caches and folders).
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'NODE_ENV' && !key.startsWith('LIFEBOAT_')));
  // Stopped before the test's own timeout, so that its output is still reported.
  return startCommand(process.execPath, [join(REPO, 'scripts/bench.ts'), ...args], {
    cwd: REPO,
    env: { ...env, NO_COLOR: '1', ASTRO_TELEMETRY_DISABLED: '1' },
    timeoutMs: TIMEOUT_MS - 20_000,
  }).done;
}

/** True when the row carries a measured figure: a wall time or a numeric extra. */
const hasFigure = (row: BenchRow) =>
  (row.wallMs !== undefined && Number.isFinite(row.wallMs) && row.wallMs > 0) || Object.values(row.extra ?? {}).some((v) => typeof v === 'number' && Number.isFinite(v));

describe('npm run bench -- --smoke --sizes 5 --runs 1 --no-install', () => {
  it(
    'runs every entry and prints one row per result, peers measured or skipped with a reason, nothing installed',
    async () => {
      const run = await runBench(['--smoke', '--no-install', '--sizes', String(SIZE), '--runs', '1', '--out', resultsFile]);
      expect(run.code, `the bench failed:\n${run.stderr.slice(-4000)}`).toBe(0);

      const results = JSON.parse(readFileSync(resultsFile, 'utf8')) as { smoke?: boolean; sizes: number[]; runs: number; rows: BenchRow[] };
      expect(results).toMatchObject({ smoke: true, sizes: [SIZE], runs: 1 });
      const { rows } = results;

      // Every entry ran (its progress line) and gave rows with figures.
      for (const entry of ENTRIES) {
        expect(run.stderr).toContain(`▶ ${entry.name}: `);
        const own = rows.filter((r) => r.entry === entry.name);
        expect(own.length, `${entry.name} gave no row`).toBeGreaterThan(0);
        for (const row of own) {
          expect(hasFigure(row), `${entry.name} "${row.case}" has no figure: ${JSON.stringify(row)}`).toBe(true);
          if (row.size !== undefined) expect(row.size).toBe(SIZE);
        }
      }
      expect(new Set(rows.map((r) => r.entry))).toEqual(new Set(ENTRIES.map((e) => e.name)));
      // binder printed the tiny site, not 100 runbooks.
      expect(rows.find((r) => r.entry === 'binder')).toMatchObject({ size: SIZE, extra: { pages: expect.any(Number) } });
      expect(rows.find((r) => r.entry === 'binder')!.extra!.pages).toBeGreaterThan(0);

      // Peers: measured, or skipped with a reason. Plain Starlight builds from this checkout's
      // packages, so it must have been measured; nothing was installed.
      const build = rows.filter((r) => r.entry === 'build');
      expect(build.map((r) => r.peer?.name)).toEqual(['plain Starlight', 'Hugo', 'MkDocs Material']);
      for (const row of rows.filter((r) => r.peer)) {
        const peer = row.peer!;
        if ('skipped' in peer) expect(peer.skipped, `${row.entry} ${peer.name}`).toMatch(/\S/);
        else expect(peer.wallMs, `${row.entry} ${peer.name}`).toBeGreaterThan(0);
      }
      expect(build[0]!.peer).toMatchObject({ name: 'plain Starlight', wallMs: expect.any(Number) });
      for (const row of build.slice(1)) {
        if ('skipped' in row.peer! && row.peer.skipped.startsWith('not installed')) expect(row.peer.skipped).toContain('--no-install');
      }
      expect(run.stderr).not.toMatch(/installing .* with apt-get/);

      // The printed table: a header, a rule, then one line per row, each starting with its entry.
      const table = run.stdout.split('\n\n')[0]!.split('\n');
      expect(table[0]).toMatch(/^entry\s+case\s+wall \(median\)/);
      expect(table.slice(2).map((line) => line.split(/\s+/)[0])).toEqual(rows.map((r) => r.entry));
      expect(run.stdout).toContain(`Wrote ${resultsFile}.`);
    },
    TIMEOUT_MS,
  );
});
