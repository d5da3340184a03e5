/**
 * Private runbooks in real Chromium (issue 24), on a real build of the example with two private
 * runbooks (test/support/private-project.ts): locked; another audience's passphrase (one clear
 * line, nothing revealed); the right one (the runbook reads, copy buttons copy the exact command,
 * the decision tree walks, incident and drill mode are there); the audience's other runbook, a
 * reload and a second tab open without asking; "Lock" locks every tab; "Remember on this device";
 * the next build's keys; back/forward; print; offline through the service worker; axe; and the
 * unlock on a phone-class CPU (its time is judged by the bench, src/bench/entries/private.ts).
 */
import { rmSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { launchBrowser, newStrictPage } from '../support/browser.ts';
import { buildPrivateProject, MARKERS, PASSPHRASES, privateSlugs, type PrivateProject } from '../support/private-project.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';

const SITE_TITLE = 'Kestrel Pay DR runbooks';
const WRONG = 'That passphrase does not unlock these runbooks.';
const STALE = 'These runbooks were re-encrypted since your last unlock: enter the passphrase again.';
/** The YAML runbook's command, its var filled in, as its copy button must copy it. */
const COMMAND = `${MARKERS.command} -address=https://${MARKERS.varValue}`;

let project: PrivateProject;
let server: StaticServer;
let browser: BrowserContext | undefined;
/** Opaque slugs: the YAML runbook is for sre only, the MDX one for payments and sre. */
let slugs = { yaml: '', mdx: '' };

beforeAll(async () => {
  project = await buildPrivateProject();
  slugs = privateSlugs(project.out);
  server = await serveStatic(project.out);
});
afterAll(async () => {
  await server?.close();
  if (project) rmSync(project.dir, { recursive: true, force: true });
});
afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

const PRIVATE = (which: keyof typeof slugs = 'yaml') => `${server.url}/runbooks/${slugs[which]}/`;

async function openBrowser(): Promise<BrowserContext> {
  browser = await launchBrowser();
  await browser.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  return browser;
}

/** A tab on the private page, once the script has decided: the form, or the runbook. */
async function openPrivate(context: BrowserContext, page?: Page, which: keyof typeof slugs = 'yaml'): Promise<Page> {
  const tab = page ?? (await newStrictPage(context));
  await tab.goto(PRIVATE(which));
  await settled(tab);
  return tab;
}

const settled = (page: Page) => page.waitForFunction(() => document.querySelector('.lb-unlock, [data-lb-unlocked]'), null, { timeout: 15_000 });
const heading = (page: Page) => page.locator('h1#_top').textContent();
const isOpen = (page: Page) => page.locator('[data-runbook]').count().then((n) => n === 1);

async function unlockWith(page: Page, passphrase: string, options: { remember?: boolean } = {}): Promise<void> {
  await page.getByLabel('Passphrase').fill(passphrase);
  if (options.remember) await page.getByLabel('Remember on this device').check();
  await page.getByRole('button', { name: 'Unlock' }).click();
}

const stored = (page: Page) =>
  page.evaluate(() => ({ session: sessionStorage.getItem('lifeboat:private-keys'), device: localStorage.getItem('lifeboat:private-keys') }));

/** Types `word` into the site's search dialog; returns the private results' links once Pagefind has answered too. */
async function search(page: Page, word: string): Promise<{ private: { text: string; href: string }[]; pagefind: string[] }> {
  if ((await page.locator('dialog[open]').count()) === 0) await page.locator('button[data-open-modal]').first().click();
  await page.locator('dialog[open] .pagefind-ui__search-input').fill(word);
  await page.locator('dialog[open] .pagefind-ui__message').waitFor({ timeout: 15_000 });
  await page.waitForTimeout(400); // the private index answers 120 ms after typing stops
  const links = await page.locator('dialog[open] .lb-private-results:not([hidden]) a').evaluateAll((as) => as.map((a) => ({ text: a.textContent!, href: a.getAttribute('href')! })));
  // Pagefind's own results (typo correction may have searched a public word instead): never a private page.
  const pagefind = await page.locator('dialog[open] .pagefind-ui__result-link').evaluateAll((as) => as.map((a) => `${a.getAttribute('href')} ${a.textContent}`));
  return { private: links, pagefind };
}

describe('search over private runbooks', () => {
  it('finds a private runbook by a word only in its body once unlocked, and nothing before', async () => {
    const context = await openBrowser();
    const page = await newStrictPage(context);
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(`${server.url}/`);
    const before = await search(page, MARKERS.searchWord);
    expect(before.private).toEqual([]);
    expect(before.pagefind.filter((r) => r.includes(slugs.yaml) || r.toLowerCase().includes('zqxmark'))).toEqual([]);
    expect(requested.filter((path) => path.startsWith('/private/'))).toEqual([]);

    await openPrivate(context, page);
    await unlockWith(page, PASSPHRASES.sre);
    await expect.poll(() => heading(page)).toBe(MARKERS.title);
    await page.goto(`${server.url}/`);
    const after = await search(page, MARKERS.searchWord);
    // The step whose body has the word, in the runbook it belongs to; Pagefind still finds nothing.
    expect(after.private).toEqual([{ text: MARKERS.stepTitle.replace(/^/, '1.1 '), href: `/runbooks/${slugs.yaml}/#step-zqxmark-step-fetch` }]);
    expect(after.pagefind.filter((r) => r.includes(slugs.yaml) || r.toLowerCase().includes('zqxmark'))).toEqual([]);
    // A typo is forgiven, as in the public search.
    expect((await search(page, 'quorumbraeker')).private.map((l) => l.href)).toEqual([`/runbooks/${slugs.yaml}/#step-zqxmark-step-fetch`]);
    expect((await axeViolations(page)).join('\n')).toBe('');
    await page.locator('dialog[open] .lb-private-results a').first().click();
    await expect.poll(() => heading(page), { timeout: 10_000 }).toBe(MARKERS.title);
  });
});

describe('a private runbook in the browser', () => {
  it('stays locked on another audience’s passphrase, reads with its own, opens the audience’s other runbook, a reload and a second tab without asking, and Lock locks every tab', async () => {
    const context = await openBrowser();
    const page = await newStrictPage(context);
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await openPrivate(context, page);
    // Until a key is at hand the page loads the form and the crypto, not the runbook's behaviour.
    expect(requested.filter((path) => /\/(private-show|decision-walker)\./.test(path))).toEqual([]);
    expect(requested.filter((path) => path.startsWith('/private/'))).toEqual([]);
    const lockedTitle = await page.title();
    expect(lockedTitle).toBe(`Private runbook | ${SITE_TITLE}`);
    expect(await heading(page)).toBe('Private runbook');
    expect(await page.getByLabel('Passphrase').getAttribute('autocomplete')).toBe('current-password');
    expect(await page.getByRole('alert').textContent()).toBe('');

    // payments may not read this runbook: its passphrase is as wrong as any.
    await unlockWith(page, PASSPHRASES.payments);
    await expect.poll(() => page.getByRole('alert').textContent()).toBe(WRONG);
    expect(await page.getByRole('button', { name: 'Unlock' }).isEnabled()).toBe(true);
    expect(await isOpen(page)).toBe(false);
    expect((await page.content()).toLowerCase()).not.toContain('zqxmark');
    expect(await stored(page)).toEqual({ session: null, device: null });

    await unlockWith(page, PASSPHRASES.sre);
    await expect.poll(() => heading(page)).toBe(MARKERS.title);
    expect(await page.title()).toBe(`${MARKERS.title} | ${SITE_TITLE}`);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('_top');
    expect(await page.locator('[data-lb-locked]').count()).toBe(0);
    expect(await page.locator('.lb-private-bar').textContent()).toContain('Unlocked for this browser session.');

    // The copy button copies the exact command; the tree walks; incident and drill mode are there.
    await page.locator('.lb-command').first().locator('button.lb-copy').first().click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(COMMAND);
    expect(await page.locator('.lb-walk-question').textContent()).toBe(MARKERS.question);
    await page.getByRole('button', { name: 'No', exact: true }).click();
    expect(await page.locator('.lb-walk-result').textContent()).toContain(MARKERS.outcome);
    expect(await page.getByRole('button', { name: 'Start incident' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Run a drill of this runbook' }).isVisible()).toBe(true);

    // One unlock per audience: sre's keys open its other runbook too.
    const keys = await stored(page);
    expect(keys.device).toBeNull();
    // The audience's pages, and its search (src/private/seal-pages.ts).
    expect(Object.keys(JSON.parse(keys.session!).audiences.sre.keys).sort()).toEqual(['#search', slugs.mdx, slugs.yaml].sort());
    await openPrivate(context, page, 'mdx');
    expect(await heading(page)).toBe(MARKERS.mdxTitle);
    await page.goBack();
    await settled(page);
    expect(await heading(page)).toBe(MARKERS.title);
    await page.reload();
    await settled(page);
    expect(await heading(page)).toBe(MARKERS.title);
    expect(await page.locator('.lb-unlock').count()).toBe(0);

    // A second tab has no sessionStorage of its own: the first one hands it the keys.
    const second = await openPrivate(context);
    expect(await heading(second)).toBe(MARKERS.title);
    expect((await stored(second)).session).toBe(keys.session);

    const reloaded = page.waitForEvent('load');
    await second.getByRole('button', { name: 'Lock' }).click();
    await reloaded;
    for (const tab of [page, second]) {
      await settled(tab);
      expect(await heading(tab)).toBe('Private runbook');
      expect(await isOpen(tab)).toBe(false);
      expect(await stored(tab)).toEqual({ session: null, device: null });
    }
  });

  it('remembers on this device when asked, and asks again, saying why, once the next build has re-encrypted the runbooks', async () => {
    const context = await openBrowser();
    const page = await openPrivate(context, undefined, 'mdx');
    await unlockWith(page, PASSPHRASES.payments, { remember: true });
    await expect.poll(() => heading(page)).toBe(MARKERS.mdxTitle);
    expect(await page.locator('.lb-private-bar').textContent()).toContain('Unlocked on this device');
    const keys = await stored(page);
    expect(keys.session).toBeNull();
    expect(Object.keys(JSON.parse(keys.device!).audiences.payments.keys).sort()).toEqual(['#search', slugs.mdx].sort());
    await page.close();

    // No tab left to ask: the device remembers.
    const again = await openPrivate(context, undefined, 'mdx');
    expect(await heading(again)).toBe(MARKERS.mdxTitle);

    // The next build: the same addresses, new content keys.
    const next = await buildPrivateProject();
    try {
      server.setRoot(next.out);
      // The service worker would serve the old build until its update is taken: take it as done.
      await again.evaluate(async () => {
        await Promise.all((await navigator.serviceWorker.getRegistrations()).map((r) => r.unregister()));
        await Promise.all((await caches.keys()).map((name) => caches.delete(name)));
      });
      await again.reload();
      await settled(again);
      expect(await isOpen(again)).toBe(false);
      expect(await again.locator('.lb-unlock-note').textContent()).toBe(STALE);
      expect(await stored(again)).toEqual({ session: null, device: null });
      await unlockWith(again, PASSPHRASES.payments);
      await expect.poll(() => heading(again)).toBe(MARKERS.mdxTitle);
    } finally {
      server.setRoot(project.out);
      rmSync(next.dir, { recursive: true, force: true });
    }
  });

  it('re-locks a page brought back by Back once another tab has locked, and prints a locked page as locked', async () => {
    const context = await openBrowser();
    const page = await openPrivate(context);
    await unlockWith(page, PASSPHRASES.sre);
    await expect.poll(() => heading(page)).toBe(MARKERS.title);
    await page.goto(`${server.url}/`);

    // This tab now shows a public page; it still answers for the keys of its session.
    const other = await openPrivate(context);
    expect(await heading(other)).toBe(MARKERS.title);
    await other.getByRole('button', { name: 'Lock' }).click();
    await other.waitForLoadState('load');

    await page.goBack();
    await settled(page);
    expect(await heading(page)).toBe('Private runbook');
    expect(await isOpen(page)).toBe(false);

    // Chromium may or may not have kept the page in its back/forward cache (an open channel can keep it
    // out); a restore from it is a `pageshow` with `persisted`, after a Lock the page slept through.
    await unlockWith(page, PASSPHRASES.sre);
    await expect.poll(() => heading(page)).toBe(MARKERS.title);
    const relocked = page.waitForEvent('load');
    await page.evaluate(() => {
      localStorage.setItem('lifeboat:private-locked-at', String(Date.now() + 1));
      window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    });
    await relocked;
    await settled(page);
    expect(await isOpen(page)).toBe(false);

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.lb-unlock').isVisible()).toBe(false);
    expect(await page.locator('.lb-locked').evaluate((el) => getComputedStyle(el, '::before').content)).toBe('"Private runbook: locked"');
  });

  it('unlocks and searches offline, from what the service worker saved on an earlier visit, and its caches hold no private text', async () => {
    const own = await serveStatic(project.out);
    try {
      browser = await launchBrowser();
      const page = await newStrictPage(browser);
      await page.goto(`${own.url}/`);
      await page.waitForFunction(() => document.querySelector('[data-lb-offline-status]')?.getAttribute('data-ready') === 'true', null, { timeout: 60_000 });
      await browser.setOffline(true);
      await own.close();
      const response = await page.goto(`${own.url}/runbooks/${slugs.yaml}/`);
      expect(response?.fromServiceWorker()).toBe(true);
      await settled(page);
      await unlockWith(page, PASSPHRASES.sre);
      await expect.poll(() => heading(page)).toBe(MARKERS.title);
      const found = await search(page, MARKERS.searchWord);
      expect(found.private.map((l) => l.href)).toEqual([`/runbooks/${slugs.yaml}/#step-zqxmark-step-fetch`]);

      // Every response the service worker stored, as stored (its files are kept gzip-compressed),
      // searched for the private runbooks' words after a visit, an unlock and a search.
      const stored = await page.evaluate(async () => {
        const out: { url: string; bytes: number[] }[] = [];
        for (const name of await caches.keys()) {
          const cache = await caches.open(name);
          for (const request of await cache.keys()) {
            const response = await cache.match(request);
            out.push({ url: request.url, bytes: [...new Uint8Array(await response!.arrayBuffer())] });
          }
        }
        return out;
      });
      expect(stored.length).toBeGreaterThan(100);
      expect(stored.some((entry) => entry.url.includes(`/runbooks/${slugs.yaml}/`))).toBe(true);
      const hits = stored.flatMap(({ url, bytes }) => {
        const raw = Buffer.from(bytes);
        const text = (raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw).toString('utf8').toLowerCase();
        return ['zqxmark', MARKERS.searchWord, MARKERS.varValue].filter((word) => text.includes(word)).map((word) => `${url}: ${word}`);
      });
      expect(hits).toEqual([]);
    } finally {
      await own.close().catch(() => undefined);
    }
  });

  it('finds no axe-core violation of any impact on the form and after a wrong passphrase, light and dark, at 360 and 1366 px', async () => {
    const context = await openBrowser();
    const page = await newStrictPage(context);
    const found: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const)
      for (const width of [360, 1366]) {
        await page.setViewportSize({ width, height: 800 });
        await page.emulateMedia({ colorScheme });
        await openPrivate(context, page);
        const check = async (state: string) => {
          found.push(...(await axeViolations(page)).map((v) => `${colorScheme} ${width}px ${state}: ${v}`));
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        };
        await check('form');
        await unlockWith(page, 'not the passphrase at all');
        await expect.poll(() => page.getByRole('alert').textContent()).toBe(WRONG);
        await check('wrong passphrase');
      }
    expect(found).toEqual([]);
  });

  // How long it takes is the bench's to judge (npm run bench -- --only private: ≤ 1.5 s), not a test's.
  it('unlocks with the CPU throttled 4× (a phone), trying both audiences of a page at once', async () => {
    const context = await openBrowser();
    const page = await openPrivate(context, undefined, 'mdx');
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.getByLabel('Passphrase').fill(PASSPHRASES.sre);
    // From the click to the runbook's title in the h1, timed in the page.
    await page.evaluate((title) => {
      const h1 = document.querySelector('h1#_top')!;
      const w = window as unknown as { unlockStart?: number; unlockEnd?: number };
      document.querySelector('.lb-unlock button')!.addEventListener('click', () => (w.unlockStart = performance.now()), { capture: true });
      new MutationObserver(() => {
        if (h1.textContent === title) w.unlockEnd ??= performance.now();
      }).observe(h1, { childList: true, characterData: true, subtree: true });
    }, MARKERS.mdxTitle);
    await page.getByRole('button', { name: 'Unlock' }).click();
    // Waited for past the budget: the figure below is what is judged.
    await expect.poll(() => heading(page), { timeout: 10_000 }).toBe(MARKERS.mdxTitle);
    const ms = await page.evaluate(() => {
      const w = window as unknown as { unlockStart: number; unlockEnd: number };
      return w.unlockEnd - w.unlockStart;
    });
    expect(ms).toBeGreaterThan(0);
    console.log(`unlock at 4× CPU throttling: ${Math.round(ms)} ms`);
  });
});
