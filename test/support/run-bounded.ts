/**
 * Runs `lifeboat <command>` as a user would, and measures what it cost: wall time (killed past
 * the limit) and the peak resident memory of the largest Lifeboat process (record-peak-rss.ts).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withBuildLock } from './build-lock.ts';
import { REPO, startCommand, type ScriptResult } from './run-script.ts';

export interface BoundedResult extends ScriptResult {
  ms: number;
  /** Peak resident memory of the largest measured process, in bytes (0 when none recorded). */
  peakRss: number;
}

const HOOK = new URL('./record-peak-rss.ts', import.meta.url).pathname;

/** Runs `lifeboat <command> <args>` from the checkout, killed after `timeoutMs`. */
export async function runBounded(command: string, args: string[], options: { env?: Record<string, string>; timeoutMs?: number } = {}): Promise<BoundedResult> {
  const run = async (): Promise<BoundedResult> => {
    const dir = mkdtempSync(join(tmpdir(), 'lifeboat-rss-'));
    const rssFile = join(dir, 'rss');
    const started = performance.now();
    const result = await startCommand(process.execPath, ['--import', HOOK, join(REPO, 'bin/lifeboat.js'), command, ...args], {
      cwd: REPO,
      env: { ...process.env, NODE_ENV: undefined, NO_COLOR: '1', ASTRO_TELEMETRY_DISABLED: '1', LIFEBOAT_TEST_RSS_FILE: rssFile, ...options.env },
      timeoutMs: options.timeoutMs ?? 30_000,
    }).done;
    const ms = performance.now() - started;
    let peakRss = 0;
    try {
      for (const line of readFileSync(rssFile, 'utf8').trim().split('\n')) peakRss = Math.max(peakRss, Number(line.split(' ')[1]) * 1024);
    } catch {
      // Killed before it could record: the time limit says so.
    }
    rmSync(dir, { recursive: true, force: true });
    return { ...result, ms, peakRss };
  };
  // Astro builds of one checkout cannot overlap (build-lock.ts); the time counts from the start.
  return command === 'build' ? withBuildLock(run) : run();
}

/** The signs of a stack trace or of printed source: what no report may contain. */
export const STACK_TRACE = /^\s+at .+[:(]\d+|node:internal|\.cjs:\d+|^\s*\^+\s*$/m;
