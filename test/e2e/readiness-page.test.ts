/**
 * Issue 27, item 10: the readiness headline agrees with its table. Every number in the headline is
 * the number of table rows whose Status names that kind, at phone and laptop width, and the
 * headline says that a runbook with several kinds of problem is counted under each.
 */
import { describe, expect, it } from 'vitest';
import { useExampleSiteBrowser } from '../support/example-site-browser.ts';

const site = useExampleSiteBrowser();

describe('the readiness page', () => {
  for (const width of [360, 1366]) {
    it(`counts in its headline exactly the table rows of each kind at ${width} px`, async () => {
      await site.page.setViewportSize({ width, height: 800 });
      await site.page.goto(`${site.url}/readiness/`);
      const { headline, total, rows, text } = await site.page.evaluate(() => {
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
      const rpoRows = await site.page.locator('table.lb-readiness tbody tr', { has: site.page.locator('code', { hasText: /^RpoBreached$/ }) }).count();
      expect(rpoRows).toBeLessThanOrEqual(headline['RPO breach']!);
      expect(rpoRows).toBeGreaterThan(0);
      if (rows.some((kinds) => kinds.length > 1)) expect(text).toContain('is counted under each');
      expect(await site.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    });
  }
});
