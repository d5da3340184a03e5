/**
 * Builds the example site from `runbooks/` once, through `lifeboat build`'s own script, into a
 * temporary folder that the browser tests serve. A failed build fails the whole run loudly.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { runScript } from './run-script.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Folder holding the built example site. */
    siteDir: string;
  }
}

export default async function setup(project: TestProject) {
  const root = mkdtempSync(join(tmpdir(), 'lifeboat-site-'));
  const siteDir = join(root, 'dist');
  const result = await runScript('build', ['--out', siteDir], { env: { LIFEBOAT_BUILD_TIME: '2026-11-22T08:00:00.000Z' } });
  if (result.code !== 0) throw new Error(`Building the example site failed (exit ${result.code}):\n${result.stderr}\n${result.stdout}`);
  project.provide('siteDir', siteDir);
  return () => rmSync(root, { recursive: true, force: true });
}
