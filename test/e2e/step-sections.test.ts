/**
 * Issue 27: an MDX runbook shows the same numbered section headings as a YAML one, on the page and
 * in "On this page", at phone and laptop widths, so a destructive rollback step never reads as
 * part of the verify output above it.
 */
import { describe, expect, it } from 'vitest';
import { useExampleSiteBrowser } from '../support/example-site-browser.ts';

const site = useExampleSiteBrowser();

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
        await site.page.setViewportSize({ width, height: 800 });
        await site.page.goto(`${site.url}${path}`);
        const steps = await site.page.evaluate(stepsUnderHeadings);
        expect(steps.length).toBeGreaterThan(4);
        for (const step of steps) {
          const number = step.step.split('.')[0];
          expect(step, `step ${step.step}`).toMatchObject({ heading: `${number}. ${TITLES[step.section!]}`, headingVisible: true });
        }
        expect([...new Set(steps.map((s) => s.heading))]).toEqual(sections);
      });
    }

    it(`lists the ${format} runbook's sections in "On this page" with each step under its section`, async () => {
      await site.page.setViewportSize({ width: 1366, height: 800 });
      await site.page.goto(`${site.url}${path}`);
      const toc = await site.page.locator('[data-lb-toc] > ul > li').evaluateAll((items) =>
        items.map((li) => ({ text: li.querySelector(':scope > a')!.textContent!, children: [...li.querySelectorAll(':scope > ul > li > a')].map((a) => a.textContent!) })),
      );
      const listed = toc.filter((item) => /^\d\. /.test(item.text));
      expect(listed.map((item) => item.text)).toEqual(sections);
      for (const section of listed) {
        expect(section.children.length, section.text).toBeGreaterThan(0);
        for (const child of section.children) expect(child.startsWith(`${section.text[0]}.`), `${child} under ${section.text}`).toBe(true);
      }
      // Every step on the page is listed exactly once, in page order.
      const onPage = (await site.page.evaluate(stepsUnderHeadings)).map((s) => s.step);
      expect(listed.flatMap((s) => s.children.map((c) => c.split(' ')[0]))).toEqual(onPage);
    });

    it(`offers the ${format} runbook's section headings in the phone's "On this page" menu, and they lead to the section`, async () => {
      await site.page.setViewportSize({ width: 360, height: 740 });
      await site.page.goto(`${site.url}${path}`);
      const menu = site.page.locator('.lb-mobile-toc');
      await menu.getByText('On this page').click();
      for (const section of sections) expect(await menu.getByRole('link', { name: section, exact: true }).isVisible(), section).toBe(true);
      await menu.getByRole('link', { name: '4. Rollback', exact: true }).click();
      expect(new URL(site.page.url()).hash).toBe('#rollback');
      await expect.poll(() => site.page.locator('h2#rollback').isVisible()).toBe(true);
    });
  }

  it('says the destructive etcd step 4.1 is rollback, between the verify output and the step', async () => {
    await site.page.goto(`${site.url}/runbooks/etcd-snapshot-restore/`);
    const between = await site.page.locator('#step-restore-old-data-dir').evaluate((step) => {
      const heading = step.previousElementSibling;
      return { tag: heading?.tagName, text: heading?.textContent, previous: heading?.previousElementSibling?.id };
    });
    expect(between).toEqual({ tag: 'H2', text: '4. Rollback', previous: 'step-cluster-healthy' });
  });
});
