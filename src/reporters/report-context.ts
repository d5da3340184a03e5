/**
 * Helpers for the edge to build a `ReportContext`: a source reader for code frames, and the
 * repository and commit GitHub Actions provides, for links in the job summary.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ReportContext } from './reporter.ts';

/**
 * Reads reported files relative to `cwd`, once each; an unreadable file gives `undefined`. Texts
 * already read (`known`, by the path reports print) are not read again.
 */
export function createSourceReader(cwd: string, known: ReadonlyMap<string, string> = new Map()): (file: string) => string | undefined {
  const cache = new Map<string, string | undefined>(known);
  return (file) => {
    if (!cache.has(file)) {
      try {
        cache.set(file, readFileSync(resolve(cwd, file), 'utf8'));
      } catch {
        cache.set(file, undefined);
      }
    }
    return cache.get(file);
  };
}

/**
 * Repository URL and commit from the variables GitHub Actions sets (`GITHUB_SERVER_URL`,
 * `GITHUB_REPOSITORY`, `GITHUB_SHA`); empty outside Actions. In a `pull_request` workflow
 * `GITHUB_SHA` is GitHub's temporary merge commit, not one on the branch; a caller that knows
 * the head commit (`github.event.pull_request.head.sha`) should pass that instead.
 */
export function githubLinkContext(env: Readonly<Record<string, string | undefined>>): Pick<ReportContext, 'repositoryUrl' | 'commitSha'> {
  const server = env.GITHUB_SERVER_URL?.replace(/\/+$/, '');
  const repositoryUrl = server && env.GITHUB_REPOSITORY ? `${server}/${env.GITHUB_REPOSITORY}` : undefined;
  const commitSha = env.GITHUB_SHA || undefined;
  return { ...(repositoryUrl ? { repositoryUrl } : {}), ...(commitSha ? { commitSha } : {}) };
}
