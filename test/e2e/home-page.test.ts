/**
 * Issue 27, item 12: the home page on a phone and a laptop. A search field first, then "Region
 * lost — start here" with the runbooks `home.startHere` names, in that order; services with a
 * Tier 0 runbook before the others; each runbook's summary under its title; nothing wider than
 * the screen at 360 px. The example is built with a configuration of its own: the repository's
 * lifeboat.config.yaml serves other tests with other runbook folders, where those ids do not exist.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchBrowser, newStrictPage } from '../support/browser.ts';
import { runScript } from '../support/run-script.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';

const REPO = process.cwd();
let work: string;

let server: StaticServer;
let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'lifeboat-home-'));
  const config = join(work, 'lifeboat.config.yaml');
  writeFileSync(
    config,
    `title: Kestrel Pay DR runbooks
site: https://runbooks.kestrelpay.example
runbooks: ${join(REPO, 'runbooks')}
facts: ${join(REPO, 'facts')}
clusters: { primary: prod-euw1, dr: dr-euc1 }
vars: { velero_ns: velero }
home:
  startHere: [dr-full-cluster-restore, dns-failover, ledger-regional-failover]
`,
  );
  const built = await runScript('build', ['--config', config, '--out', join(work, 'dist')], { env: { LIFEBOAT_BUILD_TIME: '2026-11-22T08:00:00.000Z' } });
  if (built.code !== 0) throw new Error(`Building the example with home.startHere failed:\n${built.stderr}\n${built.stdout}`);
  server = await serveStatic(join(work, 'dist'));
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});
beforeEach(async () => {
  page = await newStrictPage(browser);
});

describe('the home page', () => {
  for (const width of [360, 1366]) {
    for (const colorScheme of ['light', 'dark'] as const) {
      it(`starts with search and "Region lost — start here", Tier 0 services first, at ${width} px (${colorScheme})`, async () => {
        await page.setViewportSize({ width, height: 800 });
        await page.emulateMedia({ colorScheme });
        await page.goto(`${server.url}/`);
        const field = page.getByRole('button', { name: 'Search runbooks', exact: true });
        const start = page.getByRole('heading', { name: 'Region lost — start here' });
        // Both in the first screen, the field above the list.
        const [fieldBox, startBox] = [(await field.boundingBox())!, (await start.boundingBox())!];
        expect(fieldBox.y).toBeLessThan(startBox.y);
        expect(startBox.y + startBox.height).toBeLessThanOrEqual(800);
        const startLinks = await page.locator('.lb-start-here tbody tr td:first-child > a').allTextContents();
        expect(startLinks).toEqual([
          'Restore the whole production cluster into the DR region',
          'Fail public DNS over to the DR region',
          'Fail the ledger over to the warm standby in the DR region',
        ]);
        // The summary sits under the title, visible.
        const summary = page.locator('.lb-start-here tbody tr').first().locator('.lb-index-summary');
        expect(await summary.isVisible()).toBe(true);
        expect(await summary.textContent()).toMatch(/^eu-west-1 is lost/);
        // Services in order of their most critical runbook: every Tier 0 service before the rest.
        const tiers = await page.evaluate(() =>
          [...document.querySelectorAll('h2[id^="service-"]')].map((h) => Math.min(...[...h.parentElement!.querySelectorAll('td.lb-tier')].map((td) => Number(td.textContent!.slice(1))))),
        );
        expect(tiers.length).toBeGreaterThan(3);
        expect(tiers).toEqual([...tiers].sort((a, b) => a - b));
        expect(tiers[0]).toBe(0);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        // Nothing of a runbook row is cut off or hidden sideways.
        const cells = await page.evaluate(() => [...document.querySelectorAll('.lb-index td')].map((td) => td.getBoundingClientRect().right));
        for (const right of cells) expect(right).toBeLessThanOrEqual(width);
      });
    }

    it(`opens the search dialog from the field at ${width} px`, async () => {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(`${server.url}/`);
      await expect.poll(() => page.locator('button[data-open-modal]').first().isEnabled()).toBe(true);
      await page.getByRole('button', { name: 'Search runbooks', exact: true }).click();
      await expect.poll(() => page.locator('dialog[open]').count()).toBe(1);
    });
  }
});
