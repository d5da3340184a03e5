/**
 * Private runbooks in the single-file edition (issue 24), in real Chromium from file:// with the
 * network off, on a real build of the example with two private runbooks
 * (test/support/private-project.ts): the index lists them locked, without titles; one opens on
 * its audience's passphrase only (another's gets one clear line), reads, copies its exact
 * command, keeps its links inside the edition, joins the search; the audience's other runbook
 * opens without asking, from the file's memory (never the browser's storage, which every file://
 * page shares), and a reload asks again; axe finds nothing on the locked
 * view, light and dark.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { launchBrowser, newStrictPage } from '../support/browser.ts';
import { buildPrivateProject, MARKERS, PASSPHRASES, privateSlugs, type PrivateProject } from '../support/private-project.ts';

const WRONG = 'That passphrase does not unlock these runbooks.';
/** The YAML runbook's command, its var filled in, as its copy button must copy it. */
const COMMAND = `${MARKERS.command} -address=https://${MARKERS.varValue}`;

let project: PrivateProject;
let browser: BrowserContext | undefined;
/** Opaque slugs: the YAML runbook is for sre only, the MDX one for payments and sre. */
let slugs = { yaml: '', mdx: '' };

beforeAll(async () => {
  project = await buildPrivateProject();
  slugs = privateSlugs(project.out);
});
afterAll(() => {
  if (project) rmSync(project.dir, { recursive: true, force: true });
});
afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

const edition = (hash = '') => `file://${join(project.out, 'lifeboat-offline.html')}${hash}`;

/** A browser with the network off, and a tab on the edition that fails on any script error or request. */
async function openEdition(hash = ''): Promise<Page> {
  browser = await launchBrowser();
  await browser.setOffline(true);
  await browser.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await newStrictPage(browser);
  page.on('request', (request) => {
    if (!request.url().startsWith('file://')) throw new Error(`The edition asked for ${request.url()}`);
  });
  await page.goto(edition(hash));
  await page.locator('body[data-ready]').waitFor();
  return page;
}

const view = (page: Page) => page.locator('article#runbook');
const heading = (page: Page) => view(page).locator('h1').textContent();
/** The runbook view once its script has decided: the form, or the runbook. */
const settled = (page: Page) => view(page).locator('.lb-unlock, [data-lb-unlocked]').first().waitFor({ timeout: 15_000 });

async function unlockWith(page: Page, passphrase: string): Promise<void> {
  await page.getByLabel('Passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Unlock' }).click();
}

async function search(page: Page, query: string): Promise<string[]> {
  // The summary of an earlier search of the same words must not pass for this one's.
  await page.locator('#search [data-search-summary]').evaluate((summary) => (summary.textContent = ''));
  await page.fill('[data-offline-search]', query);
  await expect.poll(() => page.locator('#search [data-search-summary]').textContent()).toContain(`for “${query}”`);
  return page.locator('#search li a').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
}

describe('private runbooks in the single-file edition', () => {
  it('lists them locked, opens one on its own audience’s passphrase, copies its command, searches it, and keeps the audience unlocked across a reload', async () => {
    const page = await openEdition();
    // The index: a locked entry per private runbook, with its audiences and no title.
    const entries = page.locator('#index li a[href^="#rb-"]', { hasText: 'Private runbook' });
    expect(await entries.evaluateAll((links) => links.map((a) => [a.textContent, a.getAttribute('href')]))).toEqual(
      [
        ['Private runbook (sre)', `#rb-${slugs.yaml}`],
        ['Private runbook (payments, sre)', `#rb-${slugs.mdx}`],
      ].sort((a, b) => (a[1]! < b[1]! ? -1 : 1)),
    );
    expect((await page.content()).toLowerCase()).not.toContain('zqxmark');
    // Nothing private in the search before an unlock.
    expect(await search(page, MARKERS.searchWord)).toEqual([]);
    await page.fill('[data-offline-search]', '');

    await page.getByRole('link', { name: 'Private runbook (sre)' }).click();
    await settled(page);
    expect(await heading(page)).toBe('Private runbook');
    expect(await page.title()).toBe('Private runbook · Kestrel Pay DR runbooks');
    expect(await view(page).locator('.lb-locked-note').textContent()).toBe('This runbook is private: its text is encrypted. Unlock it with the passphrase of sre.');

    // payments may not read this runbook: one clear line, nothing revealed, nothing remembered.
    await unlockWith(page, PASSPHRASES.payments);
    await expect.poll(() => page.getByRole('alert').textContent()).toBe(WRONG);
    expect(await view(page).locator('[data-runbook]').count()).toBe(0);
    expect((await page.content()).toLowerCase()).not.toContain('zqxmark');
    expect(await page.evaluate(() => sessionStorage.getItem('lifeboat:private-keys'))).toBeNull();

    await unlockWith(page, PASSPHRASES.sre);
    await expect.poll(() => heading(page)).toBe(MARKERS.title);
    expect(await page.title()).toBe(`${MARKERS.title} · Kestrel Pay DR runbooks`);
    // Every file:// page shares the browser's storage: the keys stay in this file's memory, and nothing offers to remember them.
    expect(await view(page).locator('.lb-private-bar').textContent()).toContain('Unlocked until this file is closed or reloaded.');
    expect(await page.evaluate(() => [sessionStorage.length, localStorage.getItem('lifeboat:private-keys')])).toEqual([0, null]);
    expect(await view(page).locator('.lb-step h3').first().textContent()).toContain(MARKERS.stepTitle);
    // Its ids carry the edition's prefix, as a public runbook's do: its anchors are the edition's.
    expect(await view(page).locator(`[id="rb-${slugs.yaml}--step-zqxmark-step-fetch"]`).count()).toBe(1);

    // The copy button copies the exact command (through the Clipboard API, or the selection where file:// refuses it).
    const copied = page.evaluate(() => new Promise<string>((resolve) => document.addEventListener('lb:copied', (e) => resolve((e as CustomEvent<{ text: string }>).detail.text), { once: true })));
    await view(page).locator('.lb-command').first().locator('button.lb-copy').first().click();
    expect(await copied).toBe(COMMAND);
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(COMMAND);
    // The decision tree walks, and incident mode is there, as in a public runbook of the edition.
    expect(await view(page).locator('.lb-walk-question').textContent()).toBe(MARKERS.question);
    await view(page).getByRole('button', { name: 'No', exact: true }).click();
    expect(await view(page).locator('.lb-walk-result').textContent()).toContain(MARKERS.outcome);
    expect(await view(page).getByRole('button', { name: 'Start incident' }).isVisible()).toBe(true);

    // Search now finds it by a word only its body has, and the result leads to the step.
    const found = await search(page, MARKERS.searchWord);
    expect(found).toEqual([`#rb-${slugs.yaml}--step-zqxmark-step-fetch`]);
    await page.locator('#search li a').first().click();
    await expect.poll(() => view(page).isVisible()).toBe(true);
    expect(await heading(page)).toBe(MARKERS.title);

    // sre's other runbook opens without asking, from memory.
    await page.goto(edition(`#rb-${slugs.mdx}`));
    await settled(page);
    await expect.poll(() => heading(page)).toBe(MARKERS.mdxTitle);
    expect(await view(page).locator('.lb-unlock').count()).toBe(0);
    expect(await view(page).locator('.lb-command code').first().textContent()).toBe(MARKERS.mdxCommand);

    // A reload forgets them: the file asks again, and offers no "Remember on this device".
    await page.reload();
    await page.locator('body[data-ready]').waitFor();
    await settled(page);
    expect(await heading(page)).toBe('Private runbook');
    expect(await page.getByLabel('Remember on this device').count()).toBe(0);

    // Lock forgets the keys: the file shows it locked again.
    await page.goto(edition(`#rb-${slugs.yaml}`));
    await settled(page);
    await unlockWith(page, PASSPHRASES.sre);
    await expect.poll(() => heading(page)).toBe(MARKERS.title);
    await view(page).getByRole('button', { name: 'Lock' }).click();
    await page.locator('body[data-ready]').waitFor();
    await settled(page);
    expect(await heading(page)).toBe('Private runbook');
    expect(await page.evaluate(() => [sessionStorage.length, localStorage.getItem('lifeboat:private-keys')])).toEqual([0, null]);
  });

  it('finds no axe-core violation on the locked view and after a wrong passphrase, light and dark', async () => {
    const page = await openEdition();
    const found: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.goto(edition(`#rb-${slugs.mdx}`));
      await page.reload();
      await page.locator('body[data-ready]').waitFor();
      await settled(page);
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(colorScheme);
      found.push(...(await axeViolations(page)).map((v) => `${colorScheme} form: ${v}`));
      await unlockWith(page, 'not the passphrase at all');
      await expect.poll(() => page.getByRole('alert').textContent()).toBe(WRONG);
      found.push(...(await axeViolations(page)).map((v) => `${colorScheme} wrong passphrase: ${v}`));
    }
    expect(found).toEqual([]);
  });
});
