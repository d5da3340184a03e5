/**
 * The example site (built once by the global setup from runbooks/ and the committed demo facts):
 * every runbook page carries its facts provenance, and a facts placeholder was filled in.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';

const site = inject('siteDir');
const runbookPages = () => readdirSync(join(site, 'runbooks')).map((id) => ({ id, html: readFileSync(join(site, 'runbooks', id, 'index.html'), 'utf8') }));

describe('the example site', () => {
  it('builds a page for each of the seven example runbooks', () => {
    expect(runbookPages().map((p) => p.id).sort()).toEqual([
      'dns-failover',
      'dr-full-cluster-restore',
      'etcd-snapshot-restore',
      'ledger-regional-failover',
      'post-restore-503',
      'pvc-pending-storageclass-missing',
      'velero-restore-namespace',
    ]);
  });

  it('shows, on every runbook page, which context and when each used cluster’s facts were collected', () => {
    for (const { id, html } of runbookPages()) {
      const section = html.match(/<section class="lb-provenance[\s\S]*?<\/section>/)?.[0];
      expect(section, id).toBeDefined();
      expect(section, id).toMatch(/from context <code>arn:aws:eks:eu-(west|central)-1:491726350182:cluster\/(prod-euw1|dr-euc1)<\/code>/);
      expect(section, id).toContain('<time datetime="2026-11-20T06:07:00.000Z" data-lb-age');
    }
  });

  it('names the site once in the home page\'s title, and after the runbook\'s on a runbook page', () => {
    expect(readFileSync(join(site, 'index.html'), 'utf8')).toContain('<title>Kestrel Pay DR runbooks</title>');
    expect(readFileSync(join(site, 'runbooks/dns-failover/index.html'), 'utf8')).toContain('<title>Fail public DNS over to the DR region | Kestrel Pay DR runbooks</title>');
  });

  it('fills {{ facts.primary.lastBackup.payments-hourly }} with the newest completed backup', () => {
    const html = readFileSync(join(site, 'runbooks/velero-restore-namespace/index.html'), 'utf8');
    // Marked as a value from the facts, pointing at the note that says how old they are.
    expect(html).toContain(
      'BACKUP=<mark class="lb-fact" tabindex="0" aria-describedby="cmd-find-backup-2-facts">payments-hourly-20261120060012</mark>\n</span>' +
        '<span class="lb-line">velero --kubecontext prod-euw1 backup describe',
    );
    expect(html).toMatch(/<p class="lb-fact-note" id="cmd-find-backup-2-facts">Marked values come from the cluster facts of <strong>prod-euw1<\/strong>, collected <time datetime="2026-11-20T06:07:00.000Z" data-lb-age/);
    expect(html).not.toContain('facts.primary');
  });
});
