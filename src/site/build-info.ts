import { execFileSync } from 'node:child_process';

export interface BuildInfo {
  /** ISO time the build started. */
  builtAt: string;
  /** Full git commit of the runbooks, or `unknown` outside a git checkout. */
  commit: string;
  /** Random id of this build, shared by every page of it. */
  buildId: string;
}

let cached: BuildInfo | undefined;

/**
 * Build identity, computed once per build. `LIFEBOAT_BUILD_TIME` / `LIFEBOAT_COMMIT` override
 * the clock and git, for reproducible builds and CI systems that build from a tarball.
 */
export function buildInfo(): BuildInfo {
  if (cached) return cached;
  const builtAt = process.env.LIFEBOAT_BUILD_TIME ?? new Date().toISOString();
  let commit = process.env.LIFEBOAT_COMMIT ?? 'unknown';
  if (!process.env.LIFEBOAT_COMMIT) {
    try {
      commit = execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      // Not a git checkout (a tarball, a container layer): the page says "unknown".
    }
  }
  cached = { builtAt, commit, buildId: process.env.LIFEBOAT_BUILD_ID ?? crypto.randomUUID().slice(0, 8) };
  return cached;
}
