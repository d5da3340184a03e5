/**
 * Issue 27, item 6: incident mode in the single-file offline edition, opened from file:// with no
 * network: started on one runbook, joined by a second, kept across a reload in the file's own
 * storage, and its decision-tree answers in the timeline, as on the web site.
 */
import { join } from 'node:path';
import { describe, expect, inject, it, onTestFinished } from 'vitest';
import type { IncidentRecord } from '../../src/incident/incident-record.ts';
import { launchBrowser, newStrictPage } from '../support/browser.ts';

describe('incident mode in the single-file edition', () => {
  it('starts, joins a second runbook and survives a reload, from file:// offline', async () => {
    const browser = await launchBrowser();
    onTestFinished(() => browser.close());
    await browser.setOffline(true);
    const page = await newStrictPage(browser);
    const failed: string[] = [];
    page.on('requestfailed', (r) => failed.push(r.url()));
    await page.goto(`file://${join(inject('siteDir'), 'lifeboat-offline.html')}#rb-post-restore-503`);
    const article = page.locator('article:not([hidden])');
    await article.getByRole('button', { name: 'Start incident' }).click();
    await article.locator('[data-incident-bar]').waitFor();
    expect(await article.locator('[data-incident-runbooks]').textContent()).toBe('1 runbook');
    await article.getByRole('button', { name: 'Yes, from the ingress controller' }).click();
    await article.locator('input[data-step-done]').first().check();

    await page.goto(`file://${join(inject('siteDir'), 'lifeboat-offline.html')}#rb-velero-restore-namespace`);
    await article.locator('[data-incident-bar]').waitFor();
    expect(await article.locator('h1').textContent()).toBe('Restore the payments namespace from a Velero backup');
    expect(await article.locator('[data-incident-runbooks]').textContent()).toBe('2 runbooks');
    await article.locator('input[data-step-done="find-backup"]').check();
    expect(await article.locator('[data-incident-progress]').textContent()).toBe('1/10 steps');

    await page.reload();
    await article.locator('[data-incident-bar]').waitFor();
    expect(await article.locator('input[data-step-done="find-backup"]').isChecked()).toBe(true);
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('lifeboat:incident')!) as IncidentRecord);
    expect(stored.runbooks.map((r) => r.id)).toEqual(['post-restore-503', 'velero-restore-namespace']);
    expect(stored.events.map((e) => e.type)).toEqual(['joined', 'decision', 'done', 'joined', 'done']);
    expect(failed).toEqual([]);
  });
});
