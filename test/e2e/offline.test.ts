/**
 * The site in an outage, in real Chromium: saved for offline use on the first visit, searchable
 * and navigable with the network cut and the server gone, incident state kept across reloads,
 * the single-file edition from file://, and a new deploy offered to an open page.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newStrictPage } from '../support/browser.ts';
import { runScript } from '../support/run-script.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';

const site = inject('siteDir');
let browser: BrowserContext | undefined;
let server: StaticServer | undefined;
afterEach(async () => {
  await browser?.close();
  await server?.close().catch(() => undefined);
  browser = server = undefined;
});

async function open(root: string): Promise<Page> {
  server = await serveStatic(root);
  browser = await launchBrowser();
  return newStrictPage(browser);
}

/** Waits until the service worker says every file is saved. */
async function untilOffline(page: Page): Promise<string> {
  await page.waitForFunction(() => document.querySelector('[data-lb-offline-status]')?.getAttribute('data-ready') === 'true', null, { timeout: 60_000 });
  return (await page.locator('[data-lb-offline-status]').textContent())!;
}

describe('offline, after one visit', () => {
  it('opens a never-visited runbook, searches, and keeps incident state with the network cut and the server gone', async () => {
    const page = await open(site);
    await page.goto(`${server!.url}/`);
    expect(await untilOffline(page)).toMatch(/^Available offline: all \d+ files are saved in this browser\.$/);

    // Stored gzip-compressed: read the cache directly, as the service worker's plugins do not.
    const stored = await page.evaluate(async () => {
      const cache = await caches.open((await caches.keys()).find((name) => name.includes('precache'))!);
      const keys = await cache.keys();
      const responses = await Promise.all(keys.map((key) => cache.match(key)));
      const page = responses[keys.findIndex((key) => new URL(key.url).pathname === '/runbooks/etcd-snapshot-restore/index.html')]!;
      const bytes = new Uint8Array(await page.arrayBuffer());
      return {
        files: keys.length,
        packed: responses.filter((r) => r?.headers.get('x-lifeboat-stored') === 'gzip').length,
        pageBytes: bytes.length,
        gzipMagic: bytes[0] === 0x1f && bytes[1] === 0x8b,
      };
    });
    expect(stored.packed).toBe(stored.files);
    expect(stored.gzipMagic).toBe(true);
    expect(stored.pageBytes).toBeLessThan(readFileSync(join(site, 'runbooks/etcd-snapshot-restore/index.html')).length / 2);

    await browser!.setOffline(true);
    await server!.close();

    const response = await page.goto(`${server!.url}/runbooks/etcd-snapshot-restore/`);
    expect(response?.fromServiceWorker()).toBe(true);
    expect(await page.locator('h1').textContent()).toBe('Save, verify and restore an etcd snapshot on the kubeadm control plane');

    // "informer" appears only in the body of step 2.4 of that runbook.
    await page.locator('button[data-open-modal]').first().click();
    await page.locator('dialog[open] .pagefind-ui__search-input').fill('informer');
    // Pagefind stems the word, so a page saying "information" may rank too; the etcd page must be there.
    const result = page.locator('.pagefind-ui__result', { has: page.locator('.pagefind-ui__result-title', { hasText: 'etcd snapshot' }) });
    await result.waitFor({ timeout: 15_000 });
    expect(await result.textContent()).toContain('informer');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Start incident' }).click();
    await page.locator('input[data-step-done="save-snapshot"]').check();
    await page.locator('textarea[data-step-note="save-snapshot"]').fill('Saved from cp-3');
    await page.reload();
    expect(await page.locator('input[data-step-done="save-snapshot"]').isChecked()).toBe(true);
    expect(await page.locator('textarea[data-step-note="save-snapshot"]').inputValue()).toBe('Saved from cp-3');
    expect(await page.locator('[data-incident-clock]').textContent()).toMatch(/^\d+:\d\d$/);
  });

  it('serves the site’s 404 page for an unknown address', async () => {
    const page = await open(site);
    await page.goto(`${server!.url}/`);
    await untilOffline(page);
    await browser!.setOffline(true);
    await server!.close();
    await page.goto(`${server!.url}/runbooks/renamed-long-ago/`);
    expect(await page.locator('h1').textContent()).toBe('Page not found');
  });
});

describe('the single-file offline edition', () => {
  it('opens from file:// with no network, and navigates, searches and walks a tree', async () => {
    browser = await launchBrowser();
    await browser.setOffline(true);
    const page = await newStrictPage(browser);
    const failed: string[] = [];
    page.on('requestfailed', (r) => failed.push(r.url()));
    await page.goto(`file://${join(site, 'lifeboat-offline.html')}`);
    expect(await page.locator('#index li').count()).toBe(7);

    await page.locator('#index a', { hasText: 'Checkout returns 503 after a restore' }).click();
    const article = page.locator('article:not([hidden])');
    expect(await article.locator('h1').textContent()).toBe('Checkout returns 503 after a restore');
    // Every command got its copy button from the edition's script (the packed HTML has none).
    const commands = await article.locator('.lb-command').count();
    expect(commands).toBeGreaterThan(0);
    // (Multi-line ones also get "Copy as one line" where the shell allows it.)
    expect(await article.locator('.lb-command .lb-command-bar > button.lb-copy:not([data-one-line])').count()).toBe(commands);
    await page.getByRole('button', { name: 'Yes, from the ingress controller' }).click();
    expect(await article.locator('.lb-walk-question').textContent()).toBe('Does the Ingress name an IngressClass that exists in this cluster?');

    await page.fill('[data-offline-search]', 'informer');
    const hit = page.locator('#search li a').first();
    await hit.waitFor();
    expect(await hit.textContent()).toBe('2.4 Restore the snapshot into a new data directory on each node');
    await hit.click();
    expect(await page.locator('article:not([hidden]) h1').textContent()).toBe('Save, verify and restore an etcd snapshot on the kubeadm control plane');
    expect(failed).toEqual([]);
  });
});

describe('a new deploy', () => {
  it('is offered to a page that is already open', async () => {
    // The same site rebuilt with one runbook changed: a new build, behind the same origin.
    const work = mkdtempSync(join(tmpdir(), 'lifeboat-redeploy-'));
    cpSync(new URL('../../runbooks/', import.meta.url).pathname, join(work, 'runbooks'), { recursive: true });
    const file = join(work, 'runbooks/edge/dns-failover.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: Fail public DNS over to the DR region', 'title: Fail public DNS over to the DR region (v2)'));
    const next = join(work, 'dist');
    const built = await runScript('build', ['--runbooks', join(work, 'runbooks'), '--out', next], { env: { LIFEBOAT_BUILD_ID: 'second' } });
    expect(built.code).toBe(0);

    const page = await open(site);
    await page.goto(`${server!.url}/runbooks/dns-failover/`);
    await untilOffline(page);
    server!.setRoot(next);
    await page.reload();
    const offer = page.locator('[data-lb-update]');
    await offer.waitFor({ timeout: 60_000 });
    expect(await offer.textContent()).toContain('A newer version of these runbooks has been published.');
    await page.getByRole('button', { name: 'Show the new version' }).click();
    await page.waitForFunction(() => document.querySelector('h1')?.textContent?.endsWith('(v2)'), null, { timeout: 30_000 });
    expect(await page.locator('.lb-build-info').textContent()).toContain('build second');
  });
});
