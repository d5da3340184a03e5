/**
 * Search that forgives, in real Chromium on the built example site: misspelt words find what the
 * right spelling finds and the dialog says what it searched for instead, the configured synonyms
 * (lifeboat.config.yaml `search.synonyms`) find pages that say it another way, at phone and
 * desktop width, light and dark, with axe finding nothing serious in the open dialog; and the
 * same in the single-file offline edition opened from file:// with the network off.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it, onTestFinished } from 'vitest';
import { launchBrowser, newStrictPage } from '../support/browser.ts';
import { useExampleSiteBrowser } from '../support/example-site-browser.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const site = useExampleSiteBrowser();

const ETCD = 'Save, verify and restore an etcd snapshot on the kubeadm control plane';
const VELERO = 'Restore the payments namespace from a Velero backup';
const FULL_RESTORE = 'Restore the whole production cluster into the DR region';
const DNS_FAILOVER = 'Fail public DNS over to the DR region';

/** Types `query` into the open search dialog; resolves once Pagefind reports results for it. */
async function searchDialog(page: Page, query: string): Promise<void> {
  const input = page.locator('dialog[open] .pagefind-ui__search-input');
  await input.fill(query);
  await page.locator('dialog[open] .pagefind-ui__message', { hasText: `for ${query}` }).waitFor({ timeout: 15_000 });
}

/** The titles of the dialog's results, once they have stopped arriving. */
async function dialogTitles(page: Page, expected: string[]): Promise<string[]> {
  const titles = page.locator('dialog[open] .pagefind-ui__result-inner > .pagefind-ui__result-title');
  // Result titles load one by one after the count; poll until the expected ones are in.
  await expect.poll(() => titles.allTextContents(), { timeout: 15_000 }).toEqual(expect.arrayContaining(expected));
  return titles.allTextContents();
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    type Violation = { id: string; impact: string; nodes: { target: string[] }[] };
    const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run(document)).violations;
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe("the site's search dialog", () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const width of [360, 1366]) {
      it(`corrects typos, says so, and knows synonyms (${colorScheme}, ${width} px)`, async () => {
        const { page } = site;
        await page.setViewportSize({ width, height: 800 });
        await page.emulateMedia({ colorScheme });
        const vocabulary: string[] = [];
        page.on('request', (r) => r.url().endsWith('/search-vocabulary.json') && vocabulary.push(r.url()));
        await page.goto(`${site.url}/runbooks/velero-restore-namespace/`);
        // Pages do not fetch the vocabulary: only opening the dialog does.
        await page.waitForLoadState('networkidle');
        expect(vocabulary).toEqual([]);
        await page.locator('button[data-open-modal]').first().click();
        const notice = page.locator('dialog[open] .lb-search-correction');

        await searchDialog(page, 'etcd snaphot');
        await expect.poll(() => notice.textContent(), { timeout: 15_000 }).toBe('Showing results for etcd snapshot (no page contains “snaphot”)');
        expect(await notice.isVisible()).toBe(true);
        expect((await dialogTitles(page, [ETCD]))[0]).toBe(ETCD);
        expect(await seriousViolations(page)).toEqual([]);

        await searchDialog(page, 'velro');
        expect(await notice.textContent()).toBe('Showing results for velero (no page contains “velro”)');
        expect(await dialogTitles(page, [VELERO])).toContain(VELERO);

        // A word that exists is searched as typed, and the notice goes.
        await searchDialog(page, 'velero');
        expect(await notice.isHidden()).toBe(true);

        // "region down": neither page says it; both say "failover" (search.synonyms).
        await searchDialog(page, 'region down');
        expect(await notice.isHidden()).toBe(true);
        expect(await dialogTitles(page, [FULL_RESTORE, DNS_FAILOVER])).toEqual(expect.arrayContaining([FULL_RESTORE, DNS_FAILOVER]));
        expect(vocabulary).toHaveLength(1);
      });
    }
  }

  it('corrects a query typed before the vocabulary arrived, once it does', async () => {
    // A context of its own: the first page of a site is not yet controlled by its service worker,
    // which would otherwise answer from its precache where no route can hold the request.
    const browser = await launchBrowser();
    onTestFinished(() => browser.close());
    const page = await newStrictPage(browser);
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/search-vocabulary.json', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${site.url}/`);
    await page.locator('button[data-open-modal]').first().click();
    await searchDialog(page, 'velro');
    expect(await page.locator('dialog[open] .pagefind-ui__result').count()).toBe(0);
    release();
    await expect.poll(() => page.locator('dialog[open] .lb-search-correction').textContent(), { timeout: 15_000 }).toBe('Showing results for velero (no page contains “velro”)');
    expect(await dialogTitles(page, [VELERO])).toContain(VELERO);
  });
});

describe('the offline edition', () => {
  it('corrects typos, says so, and knows synonyms, from file:// with no network', async () => {
    const browser = await launchBrowser();
    try {
      await browser.setOffline(true);
      const page = await newStrictPage(browser);
      await page.goto(`file://${join(inject('siteDir'), 'lifeboat-offline.html')}`);
      await page.locator('body[data-ready]').waitFor();
      const correction = page.locator('#search [data-search-correction]');
      /** The runbooks the results belong to, from their links (`#rb-<id>` or `#rb-<id>--<step>`). */
      const runbooks = async () => (await page.locator('#search li a').evaluateAll((links) => links.map((a) => a.getAttribute('href')!))).map((h) => h.replace(/^#rb-/, '').split('--')[0]!);
      const search = async (query: string) => {
        await page.fill('[data-offline-search]', query);
        await page.locator('#search [data-search-summary]', { hasText: /results? for/ }).waitFor();
        await expect.poll(() => page.locator('#search [data-search-summary]').textContent()).toMatch(/results? for “/);
      };

      await search('etcd snaphot');
      await expect.poll(() => correction.textContent()).toBe('Showing results for etcd snapshot: no runbook contains “snaphot”.');
      expect((await runbooks())[0]).toBe('etcd-snapshot-restore');

      await search('velro');
      await expect.poll(() => correction.textContent()).toBe('Showing results for velero: no runbook contains “velro”.');
      expect(await runbooks()).toContain('velero-restore-namespace');

      await search('velero');
      await expect.poll(() => correction.isHidden()).toBe(true);

      await search('region down');
      await expect.poll(runbooks).toEqual(expect.arrayContaining(['dr-full-cluster-restore', 'dns-failover']));
      expect(await correction.isHidden()).toBe(true);
    } finally {
      await browser.close();
    }
  });
});
