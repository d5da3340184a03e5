/**
 * What a build does with its written pages before the search index is done: the offline edition
 * and the hashes of every file so far. It runs in a child process of its own because it reads
 * and rewrites every page: in the build process, whose heap already holds Astro's, that grew the
 * peak RSS by ~200 MB at 1,000 runbooks; a child's memory is all returned when it exits.
 */
import { spawn } from 'node:child_process';
import { text } from 'node:stream/consumers';
import { fileURLToPath } from 'node:url';
import type { HashedFiles } from './build-manifest.ts';
import { typescriptNodeArgs } from '../cli/typescript-hooks.js';
import type { OfflineEditionOptions } from '../offline/build-offline-edition.ts';

export interface FinishPagesInput {
  dir: string;
  offline: OfflineEditionOptions;
}

const CHILD = fileURLToPath(new URL('./finish-pages-child.ts', import.meta.url));

export async function finishPages(input: FinishPagesInput): Promise<HashedFiles> {
  const child = spawn(process.execPath, [...typescriptNodeArgs(), CHILD], { stdio: ['pipe', 'pipe', 'pipe'], env: process.env });
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  child.stdin.end(JSON.stringify(input));
  const [out, err, code] = await Promise.all([text(child.stdout), text(child.stderr), exited]);
  if (code !== 0) throw new Error(`Writing the offline edition and hashing the pages failed (exit ${code}):\n${err.trim()}`);
  return JSON.parse(out) as HashedFiles;
}
