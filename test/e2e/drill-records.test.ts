/**
 * Issue 25: what drill records measured, on the built example site in Chromium at phone and laptop
 * width. The example files one record (drills/ledger-regional-failover/2026-11-18-game-day.yaml):
 * its steps show their measured time beside the estimate, the drill history breaks it down step by
 * step with the path taken, and the readiness page ranks runbooks by tested time × 2 ÷ RTO.
 */
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { useExampleSiteBrowser } from '../support/example-site-browser.ts';

const site = useExampleSiteBrowser();
const LEDGER = '/runbooks/ledger-regional-failover/';

describe('drill records on the site', () => {
  for (const width of [360, 1366]) {
    it(`shows each measured step's time beside its estimate, and the record step by step in the drill history, at ${width} px`, async () => {
      await site.page.setViewportSize({ width, height: 800 });
      await site.page.goto(`${site.url}${LEDGER}`);
      const heading = site.page.locator('#step-scale-up-services-title');
      expect(await heading.locator('small').allTextContents()).toEqual(['~10m']);
      expect((await site.page.locator('#step-scale-up-services .lb-step-measured').textContent())!.replace(/\s+/g, ' ').trim()).toBe('Measured 8m30s in the last drill; estimate 10m.');
      // The step's title, as scripts read it, is unchanged.
      expect(await heading.evaluate((h) => [...h.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('').trim())).toBe('Scale the ledger services up in the warm standby');
      // A skipped step measured nothing.
      expect(await site.page.locator('#step-demote-primary .lb-step-measured').count()).toBe(0);

      const row = site.page.locator('.lb-drills tbody tr', { hasText: 'recorded' });
      expect(await row.count()).toBe(1);
      expect(await row.locator('td').first().textContent()).toBe('2026-11-18');
      expect(await row.locator('td').nth(1).textContent()).toBe('game day, recorded (Mira (ledger SRE), Tomás (incident commander))');
      expect((await row.locator('td').nth(3).textContent())!.trim()).toBe('28m');
      const details = row.locator('details.lb-drill-steps');
      expect(await details.locator('summary').textContent()).toBe('6 steps, 2 answers');
      await details.locator('summary').click();
      const steps = (await details.locator('li').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
      expect(steps[1]).toBe('2.1 Demote the primary cluster (controlled switchover): skipped (estimate 5m) — primary unreachable by design of the game day');
      expect(steps[3]).toBe("2.3 Scale the ledger services up in the warm standby: done, 8m30s (estimate 10m) — ledger-api pulled its image from the primary region's registry first");
      expect(await details.locator('p').first().textContent()).toBe('Decision path: No → Yes, recorded in the incident channel');
      // A step links to itself on the page.
      await details.getByRole('link', { name: '2.3 Scale the ledger services up in the warm standby' }).click();
      expect(new URL(site.page.url()).hash).toBe('#step-scale-up-services');
      // The header's last drill is the record, the newest.
      expect(await site.page.locator('.lb-drill-result').first().textContent()).toMatch(/^2026-11-18: pass, 28m/);
      expect(await site.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    });

    it(`ranks runbooks by tested time × 2 ÷ RTO on the readiness page, never measured first, at ${width} px`, async () => {
      await site.page.setViewportSize({ width, height: 800 });
      await site.page.goto(`${site.url}/readiness/`);
      const rows = await site.page.locator('table.lb-recovery-time tbody tr').evaluateAll((trs) =>
        trs.map((tr) => ({ ratio: (tr as HTMLElement).dataset.ratio!, title: tr.querySelector('a')!.textContent!, share: tr.lastElementChild!.textContent!.trim() })),
      );
      expect(rows.length).toBe(7);
      expect(rows[0]).toEqual({ ratio: 'untested', title: 'Checkout returns 503 after a restore', share: '—' });
      const ratios = rows.slice(1).map((r) => Number(r.ratio));
      expect(ratios).toEqual([...ratios].sort((a, b) => b - a));
      // The ledger's newest measured drill is the record: 28m × 2 of a 1h RTO.
      expect(rows.find((r) => r.title.startsWith('Fail the ledger'))).toEqual({ ratio: '0.933', title: 'Fail the ledger over to the warm standby in the DR region', share: '93%' });
      // The full restore's 3h10m × 2 misses its 4h RTO.
      expect(rows[1]).toEqual({ ratio: '1.583', title: 'Restore the whole production cluster into the DR region', share: '158%' });
    });
  }

  it('finds no axe-core violation of any impact with the record opened, light and dark', async () => {
    const found: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const width of [360, 1366]) {
        await site.page.setViewportSize({ width, height: 800 });
        await site.page.emulateMedia({ colorScheme });
        await site.page.goto(`${site.url}${LEDGER}`);
        await site.page.locator('details.lb-drill-steps summary').click();
        found.push(...(await axeViolations(site.page)).map((v) => `${colorScheme} ${width}px: ${v}`));
      }
    }
    expect(found).toEqual([]);
  });
});
