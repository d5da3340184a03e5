/**
 * Issue 27, item 5: while incident mode runs, a compact bar with the clock, the RTO left and the
 * actions stays on screen (under the header, not behind it) wherever the reader scrolls, on a
 * phone and a laptop, light and dark; and each step's "Done" comes after its commands.
 */
import { describe, expect, it } from 'vitest';
import { useExampleSiteBrowser } from '../support/example-site-browser.ts';

const site = useExampleSiteBrowser();

/** Opens a runbook with no incident stored, and starts one. */
async function startIncident(path: string) {
  await site.page.goto(`${site.url}${path}`);
  await site.page.evaluate(() => localStorage.clear());
  await site.page.reload();
  await site.page.getByRole('button', { name: 'Start incident' }).click();
  await site.page.locator('[data-incident-bar]').waitFor();
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
        await site.page.setViewportSize({ width, height: 800 });
        await site.page.emulateMedia({ colorScheme });
        await startIncident('/runbooks/velero-restore-namespace/');
        for (const where of ['section.lb-section-steps .lb-step', 'section.lb-step >> nth=-1', '#drills']) {
          await site.page.locator(where).first().evaluate((el) => el.scrollIntoView({ block: 'start' }));
          expect(await site.page.evaluate(() => window.scrollY), where).toBeGreaterThan(800);
          const bar = await site.page.evaluate(barOnTop);
          expect(bar.onTop, where).toBe(true);
          expect(bar.top, where).toBeGreaterThanOrEqual(0);
          expect(bar.height, where).toBeLessThanOrEqual(width === 360 ? 110 : 70);
          // Its controls work from there.
          expect(await site.page.getByRole('button', { name: 'Export Markdown' }).isVisible()).toBe(true);
        }
        expect(await site.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      });
    }
  }

  it('puts every step\'s "Done" after its commands, in YAML and MDX runbooks', async () => {
    for (const path of ['/runbooks/velero-restore-namespace/', '/runbooks/etcd-snapshot-restore/']) {
      await site.page.setViewportSize({ width: 360, height: 800 });
      await startIncident(path);
      const order = await site.page.evaluate(() =>
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
