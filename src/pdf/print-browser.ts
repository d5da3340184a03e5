/**
 * A headless Chromium that sees the built site, and nothing else, at private origins. Files
 * are answered straight from the output folder (no server, no port to collide with another
 * process), a few generated documents are answered from memory, and every other request is
 * refused, so printing never reaches the network whatever a page links to. Each origin is a
 * site of its own, so Chromium gives documents on different origins their own renderer process:
 * that is what lets two prints run on two cores.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, normalize, sep } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { contentType } from '../build/content-types.ts';
import { CHROMIUM_FLAGS } from './find-chromium.ts';

/** An origin the site is served at inside the print browser. `.invalid` never resolves. */
export const printOrigin = (n: number) => `http://lifeboat-${n}.invalid`;
const isPrintOrigin = (url: URL) => url.protocol === 'http:' && /^lifeboat-\d+\.invalid$/.test(url.hostname);

export interface PrintBrowser {
  context: BrowserContext;
  /** Serves `html` at `path` (e.g. `/__lifeboat/front.html`) on every print origin from now on. */
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
  await context.route((url) => !isPrintOrigin(url), (route) => route.abort('blockedbyclient'));
  await context.route(isPrintOrigin, async (route) => {
    const path = decodeURIComponent(new URL(route.request().url()).pathname);
    const html = generated.get(path);
    if (html !== undefined) return route.fulfill({ body: html, contentType: contentType('generated.html') });
    const file = normalize(join(siteDir, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(siteDir + sep)) return route.fulfill({ status: 403 });
    try {
      return await route.fulfill({ body: await readFile(file), contentType: contentType(file) });
    } catch {
      return route.fulfill({ status: 404, body: 'not found' });
    }
  });
  return {
    context,
    serve: (path, html) => void generated.set(path, html),
    async close() {
      await context.close().catch(() => {});
      await rm(profile, { recursive: true, force: true });
    },
  };
}
