/**
 * The security headers docs/publishing.md recommends, proven in real Chromium: the example site served
 * with them shows no Content-Security-Policy violation, and Pagefind search (wasm) still works.
 * That page must list exactly these values, so the advice and the proof cannot drift apart.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { REPO } from '../support/run-script.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';
import { pagePolicy, RECOMMENDED_CSP } from '../../src/site/content-security-policy.ts';

const RECOMMENDED = {
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

let server: StaticServer;
let browser: BrowserContext;

beforeAll(async () => {
  server = await serveStatic(inject('siteDir'), RECOMMENDED);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the recommended security headers', () => {
  it('are the ones docs/publishing.md lists', () => {
    const readme = readFileSync(`${REPO}docs/publishing.md`, 'utf8');
    for (const [name, value] of Object.entries(RECOMMENDED)) expect(readme).toContain(`\n${name}: ${value}\n`);
  });

  it('are also in every page as a <meta>, with the one inline script by hash instead of unsafe-inline', () => {
    expect(RECOMMENDED_CSP).toBe(RECOMMENDED['Content-Security-Policy']);
    const expected = pagePolicy(RECOMMENDED['Content-Security-Policy']);
    expect(expected).not.toContain('unsafe-inline\' \'wasm');
    expect(expected).toMatch(/script-src 'self' 'sha256-[\w+/=]+' 'wasm-unsafe-eval'/);
    const dir = inject('siteDir');
    const pages = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html') && f !== 'lifeboat-offline.html');
    expect(pages.length).toBeGreaterThan(10);
    for (const file of pages) {
      const html = readFileSync(join(dir, file), 'utf8');
      expect(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1]?.replaceAll('&#39;', "'"), file).toBe(expected);
    }
  });

  it('break nothing: no policy violation on a runbook page, and search finds a runbook', async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    page.on('pageerror', (error) => violations.push(error.message));
    await page.goto(`${server.url}/runbooks/etcd-snapshot-restore/`);
    // The search button is enabled once its script ran; the dialog focuses the search field.
    await page.locator('site-search button[data-open-modal]:enabled').first().click();
    await page.locator('dialog .pagefind-ui__search-input').fill('etcd');
    await expect.poll(() => page.locator('.pagefind-ui__result').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(violations).toEqual([]);
  });
});
