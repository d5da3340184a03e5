/**
 * The backup evidence of the example site in real Chromium, at phone and laptop width: each
 * runbook page says per backup how old the newest good one is, what it holds of what the runbook
 * restores, and the last restore test; the drill history lists restores seen in the clusters with
 * what they measured; the readiness dashboard sums it up. From the committed demo facts, which
 * tell the missing-CRDs story.
 */
import { describe, expect, it } from 'vitest';
import { useExampleSiteBrowser } from '../support/example-site-browser.ts';

const site = useExampleSiteBrowser();

const text = (selector: string) => site.page.locator(selector).evaluateAll((nodes) => nodes.map((n) => (n as HTMLElement).innerText.replace(/\s+/g, ' ').trim()));

describe('backup evidence on a runbook page', () => {
  for (const width of [360, 1366]) {
    it(`names the three CRDs the daily backup lacks, the failing pg_dump, and the failed restore test, at ${width} px`, async () => {
      await site.page.setViewportSize({ width, height: 800 });
      await site.page.goto(`${site.url}/runbooks/dr-full-cluster-restore/`);
      const items = await text('.lb-backups .lb-backup');
      expect(items).toHaveLength(2);
      expect(items[0]).toMatch(/^Velero schedule cluster-daily in prod-euw1 Problem Newest good backup cluster-daily-20261119020004, 1d4h7m old \(older than the RPO\)/);
      expect(items[0]).toContain('Missing CRDs of custom resources it holds: certificates.cert-manager.io, issuers.cert-manager.io, clusters.postgresql.cnpg.io.');
      expect(items[0]).toContain('Namespaces this runbook restores: payments (in it).');
      expect(items[0]).toMatch(/Last restore test restore-test-full-20261114 of cluster-daily-20261114020004, observed in dr-euc1 on 2026-11-14: PartiallyFailed \(5 errors, 12 warnings\) in 1h37m\./);
      expect(items[0]).toContain('The newer cluster-daily-20261120020004 ended Failed.');
      expect(items[1]).toMatch(/^CronJob ledger\/ledger-pg-dump in prod-euw1 Problem Newest good backup ledger-pg-dump-\d+, 3h46m old \(older than the RPO\).*The last 3 runs failed, since 2026-11-20T03:15:00Z\./);
      // It is in the page's contents, and fits the width: nothing to scroll sideways.
      expect(await site.page.locator('a[href="#backups"]').count()).toBeGreaterThan(0);
      expect(await site.page.locator('.lb-backups').evaluate((s) => s.scrollWidth <= s.clientWidth)).toBe(true);
    });
  }

  it('lists observed restores in the drill history, with the cluster and what they measured', async () => {
    await site.page.goto(`${site.url}/runbooks/dr-full-cluster-restore/`);
    const rows = await text('.lb-drills tbody tr');
    expect(rows[0]).toBe('2026-11-14 Velero restore, observed in dr-euc1 fail (PartiallyFailed, 5 errors, 12 warnings) 1h37m restore-test-full-20261114 of backup cluster-daily-20261114020004. Measured the Velero restore alone, not this whole procedure: it shows restores work, not the RTO.');
    expect(rows.slice(1).map((r) => r.slice(0, 10))).toEqual(['2026-08-20', '2026-03-05']);
  });

  it('shows a backup whose contents hold what the restore needs, and the restore test that worked', async () => {
    await site.page.goto(`${site.url}/runbooks/velero-restore-namespace/`);
    expect(await text('.lb-backups .lb-backup')).toEqual([
      'Velero schedule payments-hourly in prod-euw1 OK Newest good backup payments-hourly-20261120060012, 7m old (within the RPO) ' +
        'Holds 12 objects in 1 namespace, 1 CRD. Namespaces this runbook restores: payments (in it). ' +
        'Last restore test restore-test-payments-20261110 of payments-hourly-20261110050012, observed in dr-euc1 on 2026-11-10: Completed in 9m.',
    ]);
  });

  it('has no Backups section where a runbook restores nothing', async () => {
    await site.page.goto(`${site.url}/runbooks/dns-failover/`);
    expect(await site.page.locator('.lb-backups').count()).toBe(0);
  });
});

describe('the readiness dashboard', () => {
  it('sums up each runbook\'s backups in one line each', async () => {
    await site.page.goto(`${site.url}/readiness/`);
    const row = site.page.locator('tr', { has: site.page.locator('a', { hasText: 'Restore the whole production cluster into the DR region' }) });
    expect(await row.locator('.lb-backup-line').allInnerTexts()).toEqual([
      'Velero schedule cluster-daily (prod-euw1): problem, newest 1d4h7m old, 3 CRDs missing, last restore 2026-11-14 failed',
      'CronJob ledger/ledger-pg-dump (prod-euw1): problem, newest 3h46m old',
    ]);
  });
});
