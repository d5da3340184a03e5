// @ts-check
/**
 * V8's compile cache for Lifeboat's commands, in the project's cache folder (LIFEBOAT_CACHE_DIR,
 * set by start-cli.js): modules compiled once are not parsed and compiled again at the next
 * start. Node keys each entry by the file's content, so a changed file is simply compiled again.
 * Measured: ~1 s of CPU off each build at 1,000 runbooks (Astro, Vite and Starlight load before
 * any page). `lifeboat check` keeps a code cache of its own bundle instead (bundled-entry.js).
 */
import { enableCompileCache } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheDirFor } from './project-dir.js';

/** Lifeboat's own folder: this checkout, or the installed package. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The cache folder of the current project. */
export const cacheDir = () => process.env.LIFEBOAT_CACHE_DIR || cacheDirFor(process.cwd());

/** Turns the cache on for every module this process loads from now on. */
export function useCompileCache() {
  enableCompileCache(join(cacheDir(), 'v8'));
}
