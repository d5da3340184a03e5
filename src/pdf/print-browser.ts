/**
 * A headless Chromium that sees the built site, and nothing else, at private origins. Files
 * are answered straight from the output folder (no server, no port to collide with another
 * process), a few generated documents are answered from memory, and every other request is
 * refused, so printing never reaches the network whatever a page links to.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, normalize, sep } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { contentTypeOf } from '../deploy/file-kinds.ts';
import { CHROMIUM_FLAGS } from './find-chromium.ts';

/** The origin the site is served at inside the print browser. `.invalid` never resolves. */
export const PRINT_ORIGIN = 'http://lifeboat.invalid';

/** The running browser, and the generated documents it serves. */
export interface PrintBrowser {
  context: BrowserContext;
  /** Serves `html` at `path` (e.g. `/__lifeboat/front.html`) from now on. */
  serve(path: string, html: string): void;
  close(): Promise<void>;
}

/** Starts Chromium (from `executablePath`) serving the built site in `siteDir`. */
export async function openPrintBrowser(executablePath: string, siteDir: string): Promise<PrintBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'lifeboat-print-'));
  const generated = new Map<string, string>();
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: CHROMIUM_FLAGS,
      // The binder is black on white whatever the reader's system prefers.
      colorScheme: 'light',
      serviceWorkers: 'block',
    });
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
  await context.route((url) => url.origin !== PRINT_ORIGIN, (route) => route.abort('blockedbyclient'));
  await context.route(`${PRINT_ORIGIN}/**`, async (route) => {
    const path = decodeURIComponent(new URL(route.request().url()).pathname);
    const html = generated.get(path);
    if (html !== undefined) return route.fulfill({ body: html, contentType: contentTypeOf('generated.html') });
    const file = normalize(join(siteDir, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(siteDir + sep)) return route.fulfill({ status: 403 });
    try {
      return await route.fulfill({ body: await readFile(file), contentType: contentTypeOf(file) });
    } catch {
      return route.fulfill({ status: 404, body: 'not found' });
    }
  });
  return {
    context,
    serve: (path, html) => void generated.set(path, html),
    // Safe to call more than once.
    async close() {
      await context.close().catch(() => {});
      await rm(profile, { recursive: true, force: true });
    },
  };
}
