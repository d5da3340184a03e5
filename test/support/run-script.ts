/**
 * Runs one of the repo's entry points exactly as `npm run <name>` does (same Node, same script),
 * and returns its exit code and output. Tests go through the real CLI, not the functions behind it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { npmScriptArgs } from '../../src/cli/npm-script.ts';
import { withBuildLock } from './build-lock.ts';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));

export interface ScriptResult {
  code: number | null;
  /** Set when the process was killed by a signal. */
  signal?: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface ScriptOptions {
  env?: Record<string, string | undefined>;
  cwd?: string;
  timeoutMs?: number;
}

/** `script` is the npm script name (package.json `scripts`). */
export function runScript(script: string, args: string[] = [], options: ScriptOptions = {}): Promise<ScriptResult> {
  // Astro builds of one checkout cannot overlap (see build-lock.ts).
  const run = () => startScript(script, args, options).done;
  return script === 'build' ? withBuildLock(run) : run();
}

/** Starts a script and hands back the process too, for tests that kill it midway. */
export function startScript(script: string, args: string[] = [], options: ScriptOptions = {}): { child: ChildProcess; done: Promise<ScriptResult> } {
  return startCommand(process.execPath, [...npmScriptArgs(REPO, script), ...args], {
    cwd: options.cwd ?? REPO,
    // Without vitest's NODE_ENV=test, which would make Astro build a development site (no search).
    env: { ...process.env, NODE_ENV: undefined, NO_COLOR: '1', ASTRO_TELEMETRY_DISABLED: '1', ...options.env },
    timeoutMs: options.timeoutMs ?? 170_000,
  });
}

/**
 * Starts any command with exactly `env`, collects its output, and kills it after `timeoutMs` so
 * that a hung process ends the test with its output instead of the runner's timeout.
 */
export function startCommand(
  command: string,
  args: string[],
  options: { cwd: string; env: Record<string, string | undefined>; timeoutMs: number },
): { child: ChildProcess; done: Promise<ScriptResult> } {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const done = new Promise<ScriptResult>((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
  return { child, done };
}
