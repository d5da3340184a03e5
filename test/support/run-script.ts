/**
 * Runs one of the repo's entry points exactly as `npm run <name>` does (same Node, same script),
 * and returns its exit code and output. Tests go through the real CLI, not the functions behind it.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { withBuildLock } from './build-lock.ts';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));

export interface ScriptResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runScript(
  script: string,
  args: string[] = [],
  options: { env?: Record<string, string | undefined>; cwd?: string; timeoutMs?: number } = {},
): Promise<ScriptResult> {
  // Astro builds of one checkout cannot overlap (see build-lock.ts).
  return script === 'build' ? withBuildLock(() => spawnScript(script, args, options)) : spawnScript(script, args, options);
}

function spawnScript(script: string, args: string[], options: { env?: Record<string, string | undefined>; cwd?: string; timeoutMs?: number }): Promise<ScriptResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`${REPO}scripts/${script}.ts`, ...args], {
      cwd: options.cwd ?? REPO,
      env: { ...process.env, NO_COLOR: '1', ASTRO_TELEMETRY_DISABLED: '1', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 170_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
