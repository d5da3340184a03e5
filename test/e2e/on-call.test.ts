/**
 * The pages as people in an outage use them, in real Chromium: axe-core finds no serious or
 * critical problem on the home, a runbook, a decision-tree and the readiness page (light and
 * dark, phone and desktop width; screenshots kept under test-results/screenshots), every control
 * is reachable and usable with the keyboard, the incident timeline exports what was done and
 * when, and search narrows by service and tier.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it, onTestFinished } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { launchBrowser, newStrictPage } from '../support/browser.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';

const SCREENSHOTS = join(process.cwd(), 'test-results', 'screenshots');

let server: StaticServer;
let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  server = await serveStatic(inject('siteDir'));
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});
beforeEach(async () => {
  page = await newStrictPage(browser);
});

const seriousViolations = () => axeViolations(page, { only: 'serious' });

const PAGES = [
  { name: 'home', path: '/' },
  { name: 'runbook', path: '/runbooks/velero-restore-namespace/' },
  { name: 'decision-tree', path: '/runbooks/post-restore-503/' },
  { name: 'readiness', path: '/readiness/' },
  { name: 'backup-evidence', path: '/runbooks/dr-full-cluster-restore/' },
];

describe('accessibility', () => {
  for (const { name, path } of PAGES) {
    it(`finds no serious or critical problem on the ${name} page, light and dark, at 360 and 1280 px`, async () => {
      const found: string[] = [];
      for (const colorScheme of ['light', 'dark'] as const) {
        for (const width of [360, 1280]) {
          await page.setViewportSize({ width, height: 800 });
          await page.emulateMedia({ colorScheme });
          await page.goto(`${server.url}${path}`);
          expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(colorScheme);
          found.push(...(await seriousViolations()).map((v) => `${colorScheme} ${width}px: ${v}`));
          await page.screenshot({ path: join(SCREENSHOTS, `${name}-${width}-${colorScheme}.png`), fullPage: true });
        }
      }
      expect(found).toEqual([]);
    });
  }

  it('finds none with incident mode running and a decision tree half walked', async () => {
    await openClean('/runbooks/post-restore-503/');
    await page.getByRole('button', { name: 'Start incident' }).click();
    await page.locator('input[data-step-done]').first().check();
    await page.getByRole('button', { name: 'Yes, from the ingress controller' }).click();
    expect(await page.locator('[data-lb-tree] .lb-crumbs li').count()).toBe(1);
    expect(await seriousViolations()).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'decision-tree-incident-1280-light.png'), fullPage: true });
  });
});

describe('with the keyboard only', () => {
  it('reaches every visible control of a runbook page with Tab, in one pass', async () => {
    await openClean('/runbooks/post-restore-503/');
    await page.getByRole('button', { name: 'Start incident' }).click();
    // Incident mode's controls load on that click: count them once they are there.
    await page.locator('[data-incident-bar]').waitFor();
    // Every visible control gets a number; Tab must land on each of them.
    const controls = await page.evaluate(() => {
      const selector = 'a[href], button:not([disabled]), input:not([disabled]), select, textarea, summary, [tabindex="0"]';
      const visible = [...document.querySelectorAll<HTMLElement>(selector)].filter((el) => el.checkVisibility({ visibilityProperty: true }) && el.getClientRects().length > 0);
      visible.forEach((el, i) => (el.dataset.kb = String(i)));
      return visible.map((el) => `${el.tagName.toLowerCase()} “${(el.textContent ?? '').trim().slice(0, 40)}”`);
    });
    expect(controls.length).toBeGreaterThan(30);
    await page.locator('body').click({ position: { x: 1, y: 1 } });
    const reached = new Set<string>();
    for (let i = 0; i < controls.length + 40; i++) {
      await page.keyboard.press('Tab');
      const kb = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.kb);
      if (kb !== undefined) reached.add(kb);
      if (reached.size === controls.length) break;
    }
    expect(controls.filter((_, i) => !reached.has(String(i)))).toEqual([]);
  });

  it('starts an incident, ticks a step, walks the tree and copies a command from the keyboard', async () => {
    await browser.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await openClean('/runbooks/post-restore-503/');
    await page.getByRole('button', { name: 'Start incident' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-incident-bar]').waitFor();
    // The pressed button gave way to the bar: the keyboard's place is kept there.
    expect(await page.evaluate(() => document.activeElement?.closest('[data-incident-bar]') != null)).toBe(true);
    const box = page.locator('input[data-step-done]').first();
    await box.focus();
    await page.keyboard.press('Space');
    expect(await box.isChecked()).toBe(true);

    await page.getByRole('button', { name: 'Yes, from the ingress controller' }).focus();
    await page.keyboard.press('Space');
    expect(await page.locator('.lb-walk-question').textContent()).toBe('Does the Ingress name an IngressClass that exists in this cluster?');

    const copy = page.locator('button.lb-copy:not([data-destructive])').first();
    const text = await page.locator(`#${await copy.getAttribute('data-copy')}`).textContent();
    await copy.focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
  });
});

describe('the incident timeline', () => {
  it('exports each ticked step with the time it was done, as Markdown and JSON, and is ended and cleared', async () => {
    // A browser of its own: the fake clock belongs to the whole browser context.
    const own = await launchBrowser();
    onTestFinished(() => own.close());
    page = await own.newPage();
    await page.clock.install({ time: new Date('2026-11-22T08:59:00Z') });
    await openClean('/runbooks/velero-restore-namespace/');
    await page.clock.pauseAt(new Date('2026-11-22T09:00:00Z'));
    // Nothing of the incident shows before it is started.
    expect(await page.getByRole('button', { name: 'Export Markdown' }).isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Start incident' }).click();
    await page.locator('[data-incident-bar]').waitFor();
    expect(await page.getByRole('button', { name: 'Start incident' }).isVisible()).toBe(false);
    await page.clock.fastForward('05:00');
    await page.locator('input[data-step-done="find-backup"]').check();
    await page.locator('textarea[data-step-note="find-backup"]').fill('Picked payments-hourly-20261122080012 | newest');
    await page.clock.fastForward('12:30');
    await page.locator('input[data-step-done="confirm-namespace-gone"]').check();

    const markdown = await downloaded('Export Markdown');
    expect(markdown.name).toMatch(/^incident-20261122-0900-[a-z0-9]+\.md$/);
    expect(markdown.text).toContain('- Started: 2026-11-22 09:00 UTC (2026-11-22T09:00:00.000Z)');
    expect(markdown.text).toContain('| Restore the payments namespace from a Velero backup (velero-restore-namespace) | 30m | +0:00 | 2 of 10 |');
    // In the order things happened, with the UTC time and the time since the start.
    const rows = markdown.text.split('\n').filter((line) => /^\| \d\d:/.test(line));
    expect(rows).toEqual([
      '| 09:00:00 | +0:00 | velero-restore-namespace | Opened runbook: Restore the payments namespace from a Velero backup |',
      '| 09:05:00 | +5:00 | velero-restore-namespace | Done: 1.3 Find the newest completed backup that covers the namespace |',
      '| 09:17:30 | +17:30 | velero-restore-namespace | Done: 1.1 Confirm the namespace is gone or terminating |',
    ]);
    expect(markdown.text).toContain('| velero-restore-namespace | 1.3 Find the newest completed backup that covers the namespace | Picked payments-hourly-20261122080012 \\| newest |');

    const json = await downloaded('Export JSON');
    const timeline = JSON.parse(json.text) as { startedAt: string; runbooks: { steps: { id: string; outcome: string | null }[] }[] };
    expect(timeline.startedAt).toBe('2026-11-22T09:00:00.000Z');
    expect(timeline.runbooks[0]!.steps).toHaveLength(10);
    expect(timeline.runbooks[0]!.steps.filter((s) => s.outcome)).toEqual([
      { id: 'confirm-namespace-gone', number: '1.1', title: 'Confirm the namespace is gone or terminating', outcome: 'done', end: '2026-11-22T09:17:30.000Z', reason: null, note: null },
      {
        id: 'find-backup',
        number: '1.3',
        title: 'Find the newest completed backup that covers the namespace',
        outcome: 'done',
        end: '2026-11-22T09:05:00.000Z',
        reason: null,
        note: 'Picked payments-hourly-20261122080012 | newest',
      },
    ]);

    page.on('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'End incident' }).click();
    await page.getByRole('button', { name: 'Clear' }).click();
    await page.reload();
    expect(await page.getByRole('button', { name: 'Start incident' }).isVisible()).toBe(true);
    expect(await page.locator('input[data-step-done]').count()).toBe(0);
  });
});

/** Opens a page with no incident left in this browser by an earlier test. */
async function openClean(path: string): Promise<void> {
  await page.goto(`${server.url}${path}`);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
}

async function downloaded(button: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return { name: download.suggestedFilename(), text: readFileSync((await download.path())!, 'utf8') };
}

describe('search', () => {
  it('narrows results by service and tier', async () => {
    await page.goto(`${server.url}/runbooks/velero-restore-namespace/`);
    await page.locator('button[data-open-modal]').first().click();
    await page.locator('dialog[open] .pagefind-ui__search-input').fill('velero');
    const titles = page.locator('dialog[open] .pagefind-ui__result-inner > .pagefind-ui__result-title');
    await page.locator('dialog[open] .pagefind-ui__message', { hasText: /results? for velero/ }).waitFor({ timeout: 15_000 });
    // Result titles load one by one after the count; poll until they are all in.
    const shown = () => titles.allTextContents().then((t) => t.sort());
    await expect.poll(shown, { timeout: 15_000 }).toEqual([
      'Checkout returns 503 after a restore',
      'Pods Pending after a DR restore because PVCs cannot bind',
      'Restore the payments namespace from a Velero backup',
      'Restore the whole production cluster into the DR region',
    ]);

    // Pagefind's filter panel: pick the service "payments".
    const dialog = page.locator('dialog[open]');
    /** The option `label` of the filter group `group`, once the group shows it. */
    const option = async (group: string, label: RegExp) => {
      const found = dialog.locator('.pagefind-ui__filter-label', { hasText: label });
      // Pagefind draws its filter panel again as results and counts arrive, which can close a group
      // opened a moment before (seen on a loaded machine): open it until the option shows.
      for (let attempt = 0; attempt < 5 && !(await found.isVisible()); attempt++) {
        await dialog.locator('.pagefind-ui__filter-name', { hasText: group }).click();
        await found.waitFor({ state: 'visible', timeout: 3_000 }).catch(() => undefined);
      }
      return found;
    };
    await (await option('Service', /^payments/)).click();
    await dialog.locator('.pagefind-ui__message', { hasText: /^1 result for velero/ }).waitFor({ timeout: 15_000 });
    await expect.poll(shown, { timeout: 15_000 }).toEqual(['Restore the payments namespace from a Velero backup']);

    await (await option('Service', /^payments/)).click();
    await (await option('Tier', /^tier 0/)).click();
    await dialog.locator('.pagefind-ui__message', { hasText: /^1 result for velero/ }).waitFor({ timeout: 15_000 });
    await expect.poll(shown, { timeout: 15_000 }).toEqual(['Restore the whole production cluster into the DR region']);
  });
});
