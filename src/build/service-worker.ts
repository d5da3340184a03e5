/**
 * Writes `sw.js` into a finished build: the Workbox-based worker from src/sw/, bundled with
 * esbuild, with the precache list (every file, its SHA-256 as revision and as SRI integrity)
 * and the build identity injected. Files that are downloads, not the site (PDFs, the offline
 * edition), and the build's own bookkeeping are left out of the precache.
 */
import { build } from 'esbuild';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BuildInfo } from '../site/build-info.ts';
import type { FileHashes } from './build-manifest.ts';
import { MANIFEST_FILE } from './build-manifest.ts';

export const SERVICE_WORKER_FILE = 'sw.js';

const NOT_PRECACHED = [/\.pdf$/, /^\/lifeboat-offline\.html$/, /^\/sitemap[^/]*\.xml$/, /^\/robots\.txt$/, new RegExp(`^/${MANIFEST_FILE}$`), /^\/sw\.js$/];

/** The precache list: URL, revision (SHA-256) and integrity for each file worth caching. */
export function precacheEntries(files: FileHashes): { url: string; revision: string; integrity: string }[] {
  return Object.entries(files)
    .filter(([path]) => !NOT_PRECACHED.some((re) => re.test(path)))
    .map(([url, { sha256 }]) => ({ url, revision: sha256, integrity: `sha256-${Buffer.from(sha256, 'hex').toString('base64')}` }));
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
    banner: { js: `self.__WB_MANIFEST=${JSON.stringify(entries)};self.__LIFEBOAT_BUILD=${JSON.stringify({ buildId: info.buildId, builtAt: info.builtAt })};` },
    logLevel: 'silent',
  });
  await writeFile(join(dir, SERVICE_WORKER_FILE), result.outputFiles[0]!.contents);
  return entries.length;
}
