/**
 * Issue 27, item 5: while incident mode runs, a compact bar with the clock, the RTO left and the
 * actions stays on screen (under the header, not behind it) wherever the reader scrolls, on a
 * phone and a laptop, light and dark; and each step's "Done" comes after its commands.
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

/** Opens a runbook with no incident stored, and starts one. */
async function startIncident(path: string) {
  await page.goto(`${server.url}${path}`);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByRole('button', { name: 'Start incident' }).click();
  await page.locator('[data-incident-bar]').waitFor();
}

/** Whether the bar is on screen and on top: the point at its middle belongs to it. */
function barOnTop() {
  const bar = document.querySelector<HTMLElement>('[data-incident-bar]')!;
  const box = bar.getBoundingClientRect();
  const hit = document.elementFromPoint(box.left + 4, box.top + box.height / 2);
  return { top: box.top, bottom: box.bottom, height: box.height, onTop: !!hit && bar.contains(hit) };
}

describe('the incident bar', () => {
  for (const width of [360, 1366]) {
    for (const colorScheme of ['light', 'dark'] as const) {
      it(`stays on screen, compact and uncovered, down to the last step at ${width} px (${colorScheme})`, async () => {
        await page.setViewportSize({ width, height: 800 });
        await page.emulateMedia({ colorScheme });
        await startIncident('/runbooks/velero-restore-namespace/');
        for (const where of ['section.lb-section-steps .lb-step', 'section.lb-step >> nth=-1', '#drills']) {
          await page.locator(where).first().evaluate((el) => el.scrollIntoView({ block: 'start' }));
          expect(await page.evaluate(() => window.scrollY), where).toBeGreaterThan(800);
          const bar = await page.evaluate(barOnTop);
          expect(bar.onTop, where).toBe(true);
          expect(bar.top, where).toBeGreaterThanOrEqual(0);
          expect(bar.height, where).toBeLessThanOrEqual(width === 360 ? 110 : 70);
          // Its controls work from there.
          expect(await page.getByRole('button', { name: 'Export Markdown' }).isVisible()).toBe(true);
        }
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      });
    }
  }

  it('puts every step\'s "Done" after its commands, in YAML and MDX runbooks', async () => {
    for (const path of ['/runbooks/velero-restore-namespace/', '/runbooks/etcd-snapshot-restore/']) {
      await page.setViewportSize({ width: 360, height: 800 });
      await startIncident(path);
      const order = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('section.lb-step[data-step]')].map((step) => {
          const done = step.querySelector('.lb-step-tools')!;
          const commands = [...step.querySelectorAll('.lb-command')];
          const last = commands.at(-1);
          return {
            step: step.dataset.step,
            commands: commands.length,
            after: !last || Boolean(last.compareDocumentPosition(done) & Node.DOCUMENT_POSITION_FOLLOWING),
            below: !last || done.getBoundingClientRect().top >= last.getBoundingClientRect().bottom,
          };
        }),
      );
      expect(order.filter((s) => s.commands > 0).length, path).toBeGreaterThan(2);
      for (const step of order) expect(step, path).toMatchObject({ after: true, below: true });
    }
  });
});
