/**
 * Debian Chromium driven by playwright-core (never a downloaded browser), found the same way the
 * binder finds it (CHROMIUM_PATH, PATH, /usr/bin/chromium), with the same quiet flags.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS, findChromium } from '../../src/pdf/find-chromium.ts';

function chromiumPath(): string {
  const found = findChromium();
  if (found.issue) throw new Error(`${found.issue.message}\n${found.issue.hint}`);
  return found.path;
}

/** `bypassCSP` ignores every Content-Security-Policy: for control cases that prove a payload would run. */
export async function launchBrowser(options: { viewport?: { width: number; height: number }; bypassCSP?: boolean } = {}): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'lifeboat-chromium-')), {
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: options.viewport ?? { width: 1280, height: 900 },
    bypassCSP: options.bypassCSP ?? false,
  });
}

/** A new tab whose uncaught script errors fail the test that caused them. */
export async function newStrictPage(browser: BrowserContext): Promise<Page> {
  const page = await browser.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  return page;
}
