/**
 * Issue 27, item 8: on a phone the first command of every example runbook is within the first two
 * screens (360 × 800), with a "Jump to steps" link in the first one; the summary card is compact,
 * author-facing findings are folded behind a one-line "known problems" summary, and the
 * "Depends on" table fits the screen. The same holds at laptop width.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useExampleSiteBrowser } from '../support/example-site-browser.ts';

const site = useExampleSiteBrowser();

/** Every example runbook's id: its file name under runbooks/. */
const RUNBOOK_IDS = readdirSync(join(process.cwd(), 'runbooks'), { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.(ya?ml|mdx)$/.test(f))
  .map((f) => f.replace(/^.*\//, '').replace(/\.(ya?ml|mdx)$/, ''))
  .sort();

/** Top of the page's first command block, in page pixels. */
function firstCommandTop(): number {
  const el = document.querySelector('.lb-runbook .lb-command');
  return el ? Math.round(el.getBoundingClientRect().top + window.scrollY) : Number.NaN;
}

describe('the first screens of a runbook', () => {
  it('finds all the example runbooks', () => {
    expect(RUNBOOK_IDS.length).toBeGreaterThanOrEqual(7);
  });

  for (const width of [360, 1366]) {
    it(`puts every example runbook's first command within two screens at ${width} × 800, and nothing wider than the screen`, async () => {
      await site.page.setViewportSize({ width, height: 800 });
      const tops: Record<string, number> = {};
      for (const id of RUNBOOK_IDS) {
        await site.page.goto(`${site.url}/runbooks/${id}/`);
        tops[id] = await site.page.evaluate(firstCommandTop);
        expect(await site.page.evaluate(() => document.documentElement.scrollWidth), id).toBeLessThanOrEqual(width);
      }
      // Kept in the test output: issue 27 asks for the positions before and after.
      console.log(`first command top at ${width} × 800: ${JSON.stringify(tops)}`);
      for (const [id, top] of Object.entries(tops)) expect(top, id).toBeLessThanOrEqual(1600);
    });

    it(`shows the site's title whole in the header at ${width} px`, async () => {
      await site.page.setViewportSize({ width, height: 800 });
      await site.page.goto(`${site.url}/runbooks/${RUNBOOK_IDS[0]}/`);
      // The offline mark takes its place in the header once the script has run.
      await site.page.locator('[data-lb-offline-status], .lb-offline-chip').first().waitFor({ state: 'attached' });
      const title = await site.page.locator('.site-title span').evaluate((span) => ({ text: span.textContent, cut: span.scrollWidth > span.clientWidth }));
      expect(title).toEqual({ text: 'Kestrel Pay DR runbooks', cut: false });
    });

    it(`offers "Jump to steps" in the first screen at ${width} px, and it lands on the first section of steps`, async () => {
      await site.page.setViewportSize({ width, height: 800 });
      for (const id of ['dr-full-cluster-restore', 'velero-restore-namespace']) {
        await site.page.goto(`${site.url}/runbooks/${id}/`);
        const jump = site.page.getByRole('link', { name: 'Jump to steps' });
        const box = (await jump.boundingBox())!;
        expect(box.y + box.height, id).toBeLessThanOrEqual(800);
        await jump.click();
        await expect.poll(() => site.page.evaluate(() => location.hash), { message: id }).toBe('#prechecks');
        const heading = await site.page.locator('#prechecks').boundingBox();
        expect(heading!.y, id).toBeGreaterThanOrEqual(0);
        expect(heading!.y, id).toBeLessThan(400);
      }
    });
  }

  it('says which kinds of problem a runbook has, and keeps line numbers folded for its authors', async () => {
    await site.page.setViewportSize({ width: 360, height: 800 });
    await site.page.goto(`${site.url}/runbooks/dr-full-cluster-restore/`);
    const summary = site.page.locator('.lb-findings summary');
    expect(await summary.textContent()).toMatch(/^\s*This runbook has known problems: StorageClass not found; Recovery point objective breached \(2\);/);
    const where = site.page.locator('.lb-finding-where').first();
    expect(await where.isVisible()).toBe(false);
    await summary.click();
    expect(await where.isVisible()).toBe(true);
    expect(await where.textContent()).toMatch(/^ \(line \d+:\d+\)$/);
  });

  it('shows the summary card several values to a line on a phone', async () => {
    await site.page.setViewportSize({ width: 360, height: 800 });
    await site.page.goto(`${site.url}/runbooks/dns-failover/`);
    const rows = await site.page.evaluate(() => new Set([...document.querySelectorAll('.lb-facts > div')].map((d) => Math.round(d.getBoundingClientRect().top))).size);
    const fields = await site.page.locator('.lb-facts > div').count();
    expect(rows).toBeLessThan(fields);
  });

  for (const width of [360, 1366]) {
    it(`opens "Depends on" into rows that fit the screen at ${width} px, each value labelled`, async () => {
      await site.page.setViewportSize({ width, height: 800 });
      await site.page.goto(`${site.url}/runbooks/dr-full-cluster-restore/`);
      const table = site.page.locator('.lb-requires table');
      expect(await table.isVisible()).toBe(false);
      await site.page.locator('.lb-requires summary').click();
      expect(await table.isVisible()).toBe(true);
      const cells = await site.page.evaluate(() =>
        [...document.querySelectorAll('.lb-requires td')].map((td) => ({ right: td.getBoundingClientRect().right, label: getComputedStyle(td, '::before').content })),
      );
      expect(cells.length).toBeGreaterThan(8);
      for (const cell of cells) expect(cell.right).toBeLessThanOrEqual(width);
      if (width === 360) expect(new Set(cells.map((c) => c.label))).toEqual(new Set(['"Kind: "', '"Name: "', '"Cluster: "', '"Why: "']));
      expect(await site.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    });
  }
});
