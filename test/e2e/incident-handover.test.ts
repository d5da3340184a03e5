/**
 * Issue 27, item 6: one incident across runbooks and people, in real Chromium on the built
 * example site, at phone and laptop width, light and dark. Started on one runbook, joined by a
 * second; a decision-tree answer and a destructive copy land in the timeline; a step is skipped
 * with a reason; the home page shows the running incident; the JSON export is imported into
 * another browser, where the same incident (same clock, same steps) carries on and is ended.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { IncidentRecord } from '../../src/incident/incident-record.ts';
import { launchBrowser, newStrictPage } from '../support/browser.ts';
import { useExampleSiteBrowser } from '../support/example-site-browser.ts';

const site = useExampleSiteBrowser({ clipboard: true });
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TREE = '/runbooks/post-restore-503/';
const VELERO = '/runbooks/velero-restore-namespace/';
/** "14:03 UTC (15:03 local)" */
const UTC_AND_LOCAL = /\d\d:\d\d UTC \(\d\d:\d\d local\)/;

async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated, not added as an inline <script>: the pages' Content-Security-Policy refuses those.
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(c: Document): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return (await axe.run(document)).violations;
  });
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Seconds on the incident clock, from "m:ss" or "h:mm:ss". */
const clockSeconds = async (page: Page) =>
  (await page.locator('[data-incident-clock]').first().textContent())!.split(':').reduce((sum, part) => sum * 60 + Number(part), 0);

const stored = (page: Page) => page.evaluate(() => JSON.parse(localStorage.getItem('lifeboat:incident')!) as IncidentRecord);

describe('one incident across runbooks and people', () => {
  it('does not pull in a runbook left open in another tab when an incident starts elsewhere, and offers to join it', async () => {
    const left = site.page;
    await left.goto(`${site.url}${VELERO}`);
    await left.evaluate(() => localStorage.clear());
    await left.reload();
    const other = await site.browser.newPage();
    onTestFinished(() => other.close());
    await other.goto(`${site.url}${TREE}`);
    await other.getByRole('button', { name: 'Start incident' }).click();
    await other.locator('[data-incident-bar]').waitFor();
    // The tab left open learns of it (storage event), but stays out until asked.
    const join = left.getByRole('button', { name: 'Join the running incident' });
    await join.waitFor();
    expect(await left.locator('[data-incident-bar]').isVisible()).toBe(false);
    expect((await stored(left)).runbooks.map((r) => r.id)).toEqual(['post-restore-503']);
    await join.click();
    await left.locator('[data-incident-bar]').waitFor();
    expect(await left.locator('[data-incident-runbooks]').textContent()).toBe('2 runbooks');
    expect((await stored(left)).runbooks.map((r) => r.id)).toEqual(['post-restore-503', 'velero-restore-namespace']);
  });

  for (const [width, colorScheme] of [
    [360, 'light'],
    [360, 'dark'],
    [1366, 'light'],
    [1366, 'dark'],
  ] as const) {
    it(`runs over two runbooks, shows on the home page, and is handed over and ended in another browser at ${width} px (${colorScheme})`, async () => {
      const page = site.page;
      await page.setViewportSize({ width, height: 800 });
      await page.emulateMedia({ colorScheme });
      await page.goto(`${site.url}${TREE}`);
      await page.evaluate(() => localStorage.clear());
      await page.reload();
      await page.getByRole('button', { name: 'Start incident' }).click();
      await page.locator('[data-incident-bar]').waitFor();
      expect(await page.locator('[data-incident-runbooks]').textContent()).toBe('1 runbook');
      await page.getByRole('button', { name: 'Yes, from the ingress controller' }).click();
      expect((await axeViolations(page)).join('\n')).toBe('');

      // A second runbook opened while the incident runs joins it.
      await page.goto(`${site.url}${VELERO}`);
      await page.locator('[data-incident-bar]').waitFor();
      expect(await page.locator('[data-incident-runbooks]').textContent()).toBe('2 runbooks');
      expect(await page.getByRole('button', { name: 'Start incident' }).isVisible()).toBe(false);
      await page.locator('input[data-step-done="confirm-namespace-gone"]').check();
      expect(await page.locator('[data-step-status="confirm-namespace-gone"]').textContent()).toMatch(new RegExp(`^at ${UTC_AND_LOCAL.source}$`));
      // Skipped, with the reason.
      await page.getByRole('button', { name: 'Skip step 1.2' }).click();
      await page.getByLabel('Why skip step 1.2?').fill('BSL checked by the storage team');
      await page.getByRole('button', { name: 'Skip step', exact: true }).click();
      expect(await page.locator('[data-step-status="check-backup-location"]').textContent()).toMatch(
        new RegExp(`^Skipped at ${UTC_AND_LOCAL.source}: BSL checked by the storage team$`),
      );
      expect(await page.locator('[data-incident-progress]').textContent()).toBe('2/10 steps');
      // A destructive command copied (after the confirming second click).
      const destructive = page.locator('section[data-step="remove-bad-restore"] button.lb-copy[data-destructive]').first();
      await destructive.click();
      await destructive.click();
      await expect.poll(() => destructive.textContent()).toBe('Copied');
      expect((await axeViolations(page)).join('\n')).toBe('');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

      // The home page shows the running incident: elapsed time, its runbooks with progress, links.
      await page.goto(`${site.url}/`);
      const card = page.locator('.lb-incident-card');
      await card.waitFor();
      expect(await card.locator('h2').textContent()).toBe('Incident running');
      expect(await card.locator('p').first().textContent()).toMatch(new RegExp(`^Started ${UTC_AND_LOCAL.source} · elapsed \\d+:\\d\\d$`));
      expect(await card.locator('li').allTextContents()).toEqual([
        expect.stringMatching(/^Checkout returns 503 after a restore 0\/\d+ steps · RTO left \d/),
        expect.stringMatching(/^Restore the payments namespace from a Velero backup 2\/10 steps · RTO left \d/),
      ]);
      expect(await card.locator('a').first().getAttribute('href')).toBe(TREE);
      expect((await axeViolations(page)).join('\n')).toBe('');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

      const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Export JSON' }).click()]);
      const file = (await download.path())!;
      const record = JSON.parse(readFileSync(file, 'utf8')) as IncidentRecord;
      expect(record).toMatchObject({ kind: 'incident', version: 1, endedAt: null });
      expect(record.runbooks.map((r) => r.id)).toEqual(['post-restore-503', 'velero-restore-namespace']);
      expect(record.runbooks[0]!.decisionPath).toEqual([
        { decision: 'who-answers', answer: 'Yes, from the ingress controller', at: expect.any(String), question: 'Does the 503 come from the ingress controller (no x-checkout-version header)?' },
      ]);
      expect(record.runbooks[1]!.steps.filter((s) => s.outcome)).toMatchObject([
        { id: 'confirm-namespace-gone', outcome: 'done', reason: null },
        { id: 'check-backup-location', outcome: 'skipped', reason: 'BSL checked by the storage team' },
      ]);
      expect(record.events.map((e) => e.type)).toEqual(['joined', 'decision', 'joined', 'done', 'skipped', 'copied']);
      expect(record.events.at(-1)).toMatchObject({ runbook: 'velero-restore-namespace', step: 'remove-bad-restore', command: expect.stringContaining('delete namespace payments') });

      // Another browser (the next on-call) continues the same incident from the file.
      const other = await launchBrowser();
      onTestFinished(() => other.close());
      const next = await newStrictPage(other);
      await next.setViewportSize({ width, height: 800 });
      await next.emulateMedia({ colorScheme });
      await next.goto(`${site.url}/`);
      await next.getByRole('button', { name: 'Continue an incident from a file' }).click();
      const form = next.getByRole('form', { name: 'Continue an incident from a file' });
      // A bad file first: one line says why, and nothing starts.
      await form.getByLabel('Or paste the JSON').fill('{"kind": "incident", "version": 7}');
      await form.getByRole('button', { name: 'Continue this incident' }).click();
      expect(await form.getByRole('alert').textContent()).toBe(
        'Could not continue the incident: The file is version 7 of the incident format; this site reads version 1. Nothing was changed.',
      );
      expect(await next.evaluate(() => localStorage.getItem('lifeboat:incident'))).toBeNull();
      await form.getByLabel('Or paste the JSON').fill('');
      await form.getByLabel('Incident file (JSON)').setInputFiles(file);
      await form.getByLabel('Your name (optional, for the timeline)').fill('Sam');
      expect((await axeViolations(next)).join('\n')).toBe('');
      await form.getByRole('button', { name: 'Continue this incident' }).click();
      await next.locator('.lb-incident-card').waitFor();
      expect(await next.locator('.lb-incident-card li').count()).toBe(2);
      expect(await form.isVisible()).toBe(false);
      await next.goto(`${site.url}${VELERO}`);
      await next.locator('[data-incident-bar]').waitFor();
      // Same incident, same clock, same steps.
      const continued = await stored(next);
      expect(continued).toMatchObject({ id: record.id, startedAt: record.startedAt });
      expect(continued.events.at(-1)).toMatchObject({ type: 'imported', by: 'Sam' });
      expect(await clockSeconds(next)).toBeGreaterThanOrEqual(Math.floor((Date.parse(record.exportedAt) - Date.parse(record.startedAt)) / 1000));
      expect(await next.locator('[data-incident-runbooks]').textContent()).toBe('2 runbooks');
      expect(await next.locator('input[data-step-done="confirm-namespace-gone"]').isChecked()).toBe(true);
      expect(await next.locator('[data-step-status="check-backup-location"]').textContent()).toContain('BSL checked by the storage team');
      expect(await next.locator('[data-incident-progress]').textContent()).toBe('2/10 steps');

      // Ended there: the clock stops, the exports stay, and the home page says so.
      next.once('dialog', (dialog) => void dialog.accept());
      await next.getByRole('button', { name: 'End incident' }).click();
      expect(await next.locator('[data-incident-runbooks]').textContent()).toBe('ended');
      expect(await next.getByRole('button', { name: 'End incident' }).isVisible()).toBe(false);
      expect(await next.getByRole('button', { name: 'Clear' }).isVisible()).toBe(true);
      expect(await next.locator('input[data-step-done]').first().isDisabled()).toBe(true);
      const ended = await stored(next);
      expect(ended.endedAt).toBe(ended.events.at(-1)!.at);
      await next.goto(`${site.url}/`);
      expect(await next.locator('.lb-incident-card h2').textContent()).toBe('Incident ended');
      expect(await next.locator('.lb-incident-card p').first().textContent()).toMatch(/ · lasted \d+:\d\d$/);
    });
  }
});
