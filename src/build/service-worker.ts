/**
 * Writes `sw.js` into a finished build: the Workbox-based worker from src/sw/, bundled with
 * esbuild, with the precache list (every file and its SHA-256, see precacheEntries)
 * and the build identity injected. Files that are downloads, not the site (PDFs, the offline
 * edition), and the build's own bookkeeping are left out of the precache; the worker keeps a
 * download once it is opened (src/sw/downloads.ts), checked against its hash when the build has it.
 */
import { build } from 'esbuild';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BuildInfo } from '../site/build-info.ts';
import type { FileHashes } from './build-manifest.ts';
import { MANIFEST_FILE } from './build-manifest.ts';

export const SERVICE_WORKER_FILE = 'sw.js';

const DOWNLOADS = [/\.pdf$/, /^\/lifeboat-offline\.html$/];
const NOT_PRECACHED = [...DOWNLOADS, /^\/sitemap[^/]*\.xml$/, /^\/robots\.txt$/, new RegExp(`^/${MANIFEST_FILE}$`), /^\/sw\.js$/];

/**
 * The precache list: each file worth caching as `[url, SHA-256 in base64]`. The worker turns a
 * pair into Workbox's entry (the hash as revision and as SRI integrity); written out in full, the
 * same hash in hex and in base64 cost ~115 bytes a file (0.24 MB at 1,000 runbooks).
 */
export function precacheEntries(files: FileHashes): [url: string, sha256: string][] {
  return Object.entries(files)
    .filter(([path]) => !NOT_PRECACHED.some((re) => re.test(path)))
    .map(([url, { sha256 }]) => [url, Buffer.from(sha256, 'hex').toString('base64')]);
}

/** The downloads in the build (the single-file edition), as `[url, SHA-256 in base64]`. */
export function downloadEntries(files: FileHashes): [url: string, sha256: string][] {
  return Object.entries(files)
    .filter(([path]) => DOWNLOADS.some((re) => re.test(path)))
    .map(([url, { sha256 }]) => [url, Buffer.from(sha256, 'hex').toString('base64')]);
}

export async function writeServiceWorker(dir: string, files: FileHashes, info: BuildInfo): Promise<number> {
  const entries = precacheEntries(files);
  const result = await build({
    entryPoints: [new URL('../sw/service-worker.ts', import.meta.url).pathname],
    bundle: true,
    format: 'iife',
    minify: true,
    target: 'es2020',
    write: false,
    // Workbox prints its development logs unless it is told this is production.
    define: { 'process.env.NODE_ENV': '"production"' },
    banner: { js: `self.__LIFEBOAT_PRECACHE=${JSON.stringify(entries)};self.__LIFEBOAT_DOWNLOADS=${JSON.stringify(downloadEntries(files))};self.__LIFEBOAT_BUILD=${JSON.stringify({ buildId: info.buildId, builtAt: info.builtAt })};` },
    logLevel: 'silent',
  });
  await writeFile(join(dir, SERVICE_WORKER_FILE), result.outputFiles[0]!.contents);
  return entries.length;
}
