/**
 * Issue 27, item 10: the readiness headline agrees with its table. Every number in the headline is
 * the number of table rows whose Status names that kind, at phone and laptop width, and the
 * headline says that a runbook with several kinds of problem is counted under each.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newStrictPage } from '../support/browser.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';

let server: StaticServer;
let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await serveStatic(inject('siteDir'));
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});
beforeEach(async () => {
  page = await newStrictPage(browser);
});

describe('the readiness page', () => {
  for (const width of [360, 1366]) {
    it(`counts in its headline exactly the table rows of each kind at ${width} px`, async () => {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(`${server.url}/readiness/`);
      const { headline, total, rows, text } = await page.evaluate(() => {
        const p = document.querySelector('[data-readiness-headline]')!;
        return {
          text: p.textContent!.replace(/\s+/g, ' '),
          total: Number(/^\s*(\d+) runbooks/.exec(p.textContent!)![1]),
          headline: Object.fromEntries([...p.querySelectorAll<HTMLElement>('[data-kind]')].map((s) => [s.dataset.kind!, Number(s.querySelector('strong')!.textContent)])),
          rows: [...document.querySelectorAll('table.lb-readiness tbody tr')].map((tr) => [...tr.querySelectorAll<HTMLElement>('[data-kinds] [data-kind]')].map((s) => s.textContent!.trim())),
        };
      });
      expect(rows.length).toBe(total);
      expect(Object.keys(headline)).toEqual(['broken references', 'RPO breach', 'stale drill', 'unknown facts', 'ok']);
      for (const [kind, n] of Object.entries(headline)) expect(n, kind).toBe(rows.filter((kinds) => kinds.includes(kind)).length);
      // The example has RpoBreached findings: the headline must not say 0 (the bug in the issue).
      expect(headline['RPO breach']).toBeGreaterThan(0);
      // Also agrees with the Problems column, code by code.
      const rpoRows = await page.locator('table.lb-readiness tbody tr', { has: page.locator('code', { hasText: /^RpoBreached$/ }) }).count();
      expect(rpoRows).toBeLessThanOrEqual(headline['RPO breach']!);
      expect(rpoRows).toBeGreaterThan(0);
      if (rows.some((kinds) => kinds.length > 1)) expect(text).toContain('is counted under each');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    });
  }
});
