/**
 * The example site (built once by the global setup) served on loopback, one Chromium per test
 * file and a fresh strict tab per test: the setup the example site's browser tests share. Call it
 * at the top of a test file; read `site.page` and `site.url` inside the tests.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, inject } from 'vitest';
import { launchBrowser, newStrictPage } from './browser.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

export interface ExampleSiteBrowser {
  readonly page: Page;
  readonly url: string;
  readonly browser: BrowserContext;
}

export function useExampleSiteBrowser(options: { clipboard?: boolean } = {}): ExampleSiteBrowser {
  let server: StaticServer | undefined;
  let browser: BrowserContext | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    server = await serveStatic(inject('siteDir'));
    browser = await launchBrowser();
    if (options.clipboard) await browser.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  beforeEach(async () => {
    page = await newStrictPage(browser!);
  });
  return {
    get page() {
      return page!;
    },
    get url() {
      return server!.url;
    },
    get browser() {
      return browser!;
    },
  };
}
