/**
 * Issue 27: an MDX runbook shows the same numbered section headings as a YAML one, on the page and
 * in "On this page", at phone and laptop widths, so a destructive rollback step never reads as
 * part of the verify output above it.
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

/** Each step on the page with the section heading that comes last before it (document order). */
function stepsUnderHeadings() {
  const result: { step: string; section: string | undefined; heading: string | undefined; headingVisible: boolean }[] = [];
  let heading: HTMLElement | undefined;
  for (const el of document.querySelectorAll<HTMLElement>('.lb-runbook h2, .lb-runbook .lb-step')) {
    if (el.tagName === 'H2') heading = el;
    else
      result.push({
        step: el.querySelector('.lb-step-number')!.textContent!,
        section: el.dataset.section,
        heading: heading?.textContent?.trim(),
        headingVisible: !!heading && heading.getClientRects().length > 0,
      });
  }
  return result;
}

const RUNBOOKS = [
  { format: 'YAML', path: '/runbooks/velero-restore-namespace/', sections: ['1. Pre-checks', '2. Steps', '3. Verify', '4. Rollback'] },
  { format: 'MDX', path: '/runbooks/etcd-snapshot-restore/', sections: ['1. Pre-checks', '2. Steps', '3. Verify', '4. Rollback'] },
];
const TITLES: Record<string, string> = { prechecks: 'Pre-checks', steps: 'Steps', verify: 'Verify', rollback: 'Rollback' };

describe('step sections', () => {
  for (const { format, path, sections } of RUNBOOKS) {
    for (const width of [360, 1366]) {
      it(`puts every step of the ${format} runbook under its own numbered section heading at ${width} px`, async () => {
        await page.setViewportSize({ width, height: 800 });
        await page.goto(`${server.url}${path}`);
        const steps = await page.evaluate(stepsUnderHeadings);
        expect(steps.length).toBeGreaterThan(4);
        for (const step of steps) {
          const number = step.step.split('.')[0];
          expect(step, `step ${step.step}`).toMatchObject({ heading: `${number}. ${TITLES[step.section!]}`, headingVisible: true });
        }
        expect([...new Set(steps.map((s) => s.heading))]).toEqual(sections);
      });
    }

    it(`lists the ${format} runbook's sections in "On this page" with each step under its section`, async () => {
      await page.setViewportSize({ width: 1366, height: 800 });
      await page.goto(`${server.url}${path}`);
      const toc = await page.locator('[data-lb-toc] > ul > li').evaluateAll((items) =>
        items.map((li) => ({ text: li.querySelector(':scope > a')!.textContent!, children: [...li.querySelectorAll(':scope > ul > li > a')].map((a) => a.textContent!) })),
      );
      const listed = toc.filter((item) => /^\d\. /.test(item.text));
      expect(listed.map((item) => item.text)).toEqual(sections);
      for (const section of listed) {
        expect(section.children.length, section.text).toBeGreaterThan(0);
        for (const child of section.children) expect(child.startsWith(`${section.text[0]}.`), `${child} under ${section.text}`).toBe(true);
      }
      // Every step on the page is listed exactly once, in page order.
      const onPage = (await page.evaluate(stepsUnderHeadings)).map((s) => s.step);
      expect(listed.flatMap((s) => s.children.map((c) => c.split(' ')[0]))).toEqual(onPage);
    });

    it(`offers the ${format} runbook's section headings in the phone's "On this page" menu, and they lead to the section`, async () => {
      await page.setViewportSize({ width: 360, height: 740 });
      await page.goto(`${server.url}${path}`);
      const menu = page.locator('.lb-mobile-toc');
      await menu.getByText('On this page').click();
      for (const section of sections) expect(await menu.getByRole('link', { name: section, exact: true }).isVisible(), section).toBe(true);
      await menu.getByRole('link', { name: '4. Rollback', exact: true }).click();
      expect(new URL(page.url()).hash).toBe('#rollback');
      await expect.poll(() => page.locator('h2#rollback').isVisible()).toBe(true);
    });
  }

  it('says the destructive etcd step 4.1 is rollback, between the verify output and the step', async () => {
    await page.goto(`${server.url}/runbooks/etcd-snapshot-restore/`);
    const between = await page.locator('#step-restore-old-data-dir').evaluate((step) => {
      const heading = step.previousElementSibling;
      return { tag: heading?.tagName, text: heading?.textContent, previous: heading?.previousElementSibling?.id };
    });
    expect(between).toEqual({ tag: 'H2', text: '4. Rollback', previous: 'step-cluster-healthy' });
  });
});
