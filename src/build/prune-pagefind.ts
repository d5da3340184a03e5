/**
 * Pagefind writes every UI it ships into `pagefind/`; the site loads only the default UI
 * (Starlight's search dialog) and the search core. The others — the component UI, the modular UI
 * and the highlighter — are ~290 KB nobody requests, which the service worker would otherwise
 * precache on every phone. They are removed before the files are hashed.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';

export const UNUSED_PAGEFIND_FILES = [
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-highlight.js',
] as const;

export async function prunePagefind(siteDir: string): Promise<void> {
  await Promise.all(UNUSED_PAGEFIND_FILES.map((name) => rm(join(siteDir, 'pagefind', name), { force: true })));
}
