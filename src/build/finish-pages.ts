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
  if (code !== 0) throw childError(code, err);
  return JSON.parse(out) as HashedFiles;
}

/** The child's error (finish-pages-child.ts sends it as JSON), or its raw output if it died before it could. */
function childError(code: number | null, stderr: string): Error {
  const what = `Writing the offline edition and hashing the pages failed (exit ${code})`;
  try {
    const sent = JSON.parse(stderr) as { name: string; message: string; stack?: string };
    const error = new Error(`${what}: ${sent.name}: ${sent.message}`);
    if (sent.stack) error.stack = `${error.message}\n${sent.stack}`;
    return error;
  } catch {
    return new Error(`${what}:\n${stderr.trim()}`);
  }
}
