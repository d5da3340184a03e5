/**
 * Issue 25's loop, end to end in real Chromium and through the real commands: a game day run on
 * the page through a YAML runbook (a decision-tree answer, one failed step) and an MDX runbook,
 * reloaded halfway, finished with the network cut and the server gone, each record downloaded;
 * `lifeboat drill add` files both, `lifeboat check` reports from them, and the next build shows
 * them. Then the single-file edition from file://, an ended incident as a record, and axe over the
 * drill's states in light and dark at phone and laptop width.
 *
 * The page's clock is Playwright's: the drill takes minutes of page time in a second of test time.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Download, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseDrillRecord } from '../../src/drills/parse-record.ts';
import { axeViolations } from '../support/axe.ts';
import { launchBrowser, newStrictPage } from '../support/browser.ts';
import { REPO, runScript } from '../support/run-script.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';

const site = inject('siteDir');
const YAML_RUNBOOK = '/runbooks/velero-restore-namespace/';
const MDX_RUNBOOK = '/runbooks/ledger-regional-failover/';
/** The drills run on this day (page time); the commands run "a week later". */
const DRILL_DAY = '2026-11-28T09:00:00Z';
const NOW = { LIFEBOAT_NOW: '2026-12-05T12:00:00Z' };

let browser: BrowserContext | undefined;
let server: StaticServer | undefined;
let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'lifeboat-drill-mode-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));
afterEach(async () => {
  await browser?.close();
  await server?.close().catch(() => undefined);
  browser = server = undefined;
});

async function open(root: string, time = DRILL_DAY): Promise<Page> {
  server = await serveStatic(root);
  browser = await launchBrowser();
  await browser.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const page = await newStrictPage(browser);
  await page.clock.install({ time: new Date(time) });
  return page;
}

/** Saves a download under `name` in the work folder and returns its path. */
async function saved(page: Page, click: () => Promise<void>, name: string): Promise<{ path: string; download: Download }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = join(work, name);
  await download.saveAs(path);
  return { path, download };
}

const status = (page: Page, step: string) => page.locator(`[data-drill-status="${step}"]`).textContent();
const press = (page: Page, label: string, number: string) => page.getByRole('button', { name: `${label} step ${number}`, exact: true }).click();

async function startDrill(page: Page, who: string): Promise<void> {
  await page.getByRole('button', { name: 'Run a drill of this runbook' }).click();
  await page.getByLabel('Who runs it (names, separated by commas)').fill(who);
  await page.getByRole('button', { name: 'Start the drill' }).click();
  await page.locator('[data-drill-bar]').waitFor();
}

async function endDrill(page: Page, result: string, notes: string): Promise<void> {
  await page.getByRole('button', { name: 'Finish the drill' }).click();
  await page.getByLabel(result).check();
  await page.getByLabel('What was learned (a link to the postmortem)').fill(notes);
  await page.getByRole('button', { name: 'End the drill and write the record' }).click();
  await page.getByRole('button', { name: 'Download record (YAML)' }).waitFor();
}

describe('drill mode, from the page to the gate', () => {
  it('runs a game day through a YAML and an MDX runbook, survives a reload, finishes offline, and the record is filed, checked and shown', async () => {
    const page = await open(site);
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto(`${server!.url}/`);
    await page.waitForFunction(() => document.querySelector('[data-lb-offline-status]')?.getAttribute('data-ready') === 'true', null, { timeout: 60_000 });

    // The YAML runbook: a decision-tree answer, a step done, a step failed with a note.
    await page.goto(`${server!.url}${YAML_RUNBOOK}`);
    await startDrill(page, 'Ana (SRE), Raj (payments)');
    expect(await page.locator('[data-drill-bar]').textContent()).toMatch(/^Game day 0:0\d\s*Tested × 2: 0:0\d of the 30m RTO \(0%\)\s*0\/10 steps/);
    // The page moved to the first step, whose Start has focus.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Start step 1.1');
    await page.getByRole('button', { name: 'NotFound' }).click();
    await press(page, 'Start', '1.1');
    await page.clock.fastForward('01:30');
    expect(await status(page, 'confirm-namespace-gone')).toMatch(/^Started 09:00:\d\d UTC \(.+ local\) · 1:3\d$/);
    await press(page, 'Done', '1.1');
    expect(await status(page, 'confirm-namespace-gone')).toBe('Done in 1m30s (estimate 1m)');
    await press(page, 'Skip', '1.2');
    await press(page, 'Start', '2.2');
    await page.clock.fastForward('04:00');
    await page.getByLabel('Drill notes for step 2.2').fill('Restore named the wrong namespace: "payment" (no s)');
    await press(page, 'Failed', '2.2');
    expect(await status(page, 'create-restore')).toBe('Failed after 4m (estimate 2m)');
    await press(page, 'Start', '2.3');
    await page.clock.fastForward('06:00');

    // Reload halfway: the clock, every step and the note are still there.
    await page.reload();
    await page.locator('[data-drill-bar]').waitFor();
    expect(await page.locator('[data-drill-progress]').textContent()).toBe('3/10 steps, 1 failed, 1 skipped');
    expect(await status(page, 'confirm-namespace-gone')).toBe('Done in 1m30s (estimate 1m)');
    expect(await status(page, 'create-restore')).toBe('Failed after 4m (estimate 2m)');
    expect(await status(page, 'watch-restore')).toMatch(/^Started .* · 6:0\d$/);
    expect(await page.getByLabel('Drill notes for step 2.2').inputValue()).toBe('Restore named the wrong namespace: "payment" (no s)');
    expect(await page.locator('[data-drill-clock]').textContent()).toMatch(/^11:3\d$/);

    // The network goes, and the server with it: the drill carries on from the saved site.
    await browser!.setOffline(true);
    await server!.close();
    await page.reload();
    await page.locator('[data-drill-bar]').waitFor();
    await page.clock.fastForward('03:00');
    await press(page, 'Done', '2.3');
    await press(page, 'Start', '3.1');
    await page.clock.fastForward('01:00');
    await press(page, 'Done', '3.1');
    await endDrill(page, 'Partial: recovered with workarounds', 'Retried the restore with the right namespace.');
    const yaml = await saved(page, () => page.getByRole('button', { name: 'Download record (YAML)' }).click(), 'velero.yaml');
    expect(yaml.download.suggestedFilename()).toBe('velero-restore-namespace-2026-11-28-game-day.yaml');
    const velero = parseDrillRecord(readFileSync(yaml.path, 'utf8'), 'velero.yaml');
    expect(velero.issues).toEqual([]);
    expect(velero.record).toMatchObject({
      runbook: 'velero-restore-namespace',
      kind: 'game-day',
      who: ['Ana (SRE)', 'Raj (payments)'],
      clusters: { primary: 'prod-euw1' },
      result: 'partial',
      path: [{ decision: 'namespace-state', answer: 'NotFound' }],
      notes: 'Retried the restore with the right namespace.',
    });
    expect(velero.record!.build).toMatch(/^\S+$/);
    expect(velero.record!.steps.map((s) => [s.id, s.outcome, s.start !== undefined])).toEqual([
      ['confirm-namespace-gone', 'done', true],
      ['check-backup-location', 'skipped', false],
      ['create-restore', 'failed', true],
      ['watch-restore', 'done', true],
      ['pods-running', 'done', true],
    ]);
    expect(velero.record!.steps[2]!.note).toBe('Restore named the wrong namespace: "payment" (no s)');
    // Copy gives the same file; the summary reads in plain text.
    await page.getByRole('button', { name: 'Copy record' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(readFileSync(yaml.path, 'utf8'));
    await page.getByRole('button', { name: 'Copy summary' }).click();
    const summary = await page.evaluate(() => navigator.clipboard.readText());
    expect(summary).toMatch(/^Game day of "Restore the payments namespace from a Velero backup" \(velero-restore-namespace\): partial\nRun by Ana \(SRE\), Raj \(payments\) against primary prod-euw1, from build \S+\.\n/);
    expect(summary).toContain('2.2 Restore the namespace from the backup: failed in 4m (estimate 2m). Restore named the wrong namespace: "payment" (no s)');
    expect(summary).toContain('Decision path: NotFound');

    // The MDX runbook, still offline: its tree's path, and one step far slower than its estimate.
    await page.goto(`http://${new URL(page.url()).host}${MDX_RUNBOOK}`);
    await startDrill(page, 'Mira (ledger SRE)');
    await press(page, 'Start', '1.1');
    await page.clock.fastForward('02:00');
    await press(page, 'Done', '1.1');
    await page.getByRole('button', { name: 'No', exact: true }).click();
    await page.getByRole('button', { name: 'Yes, recorded in the incident channel' }).click();
    await press(page, 'Skip', '2.1');
    await press(page, 'Start', '2.3');
    await page.clock.fastForward('25:00');
    await press(page, 'Done', '2.3');
    expect(await status(page, 'scale-up-services')).toBe('Done in 25m (estimate 10m)');
    await endDrill(page, 'Pass: recovered as written', '');
    const mdx = await saved(page, () => page.getByRole('button', { name: 'Download record (YAML)' }).click(), 'ledger.yaml');
    const ledger = parseDrillRecord(readFileSync(mdx.path, 'utf8'), 'ledger.yaml');
    expect(ledger.issues).toEqual([]);
    expect(ledger.record!.path!.map((p) => [p.decision, p.answer])).toEqual([
      ['primary-reachable', 'No'],
      ['accept-data-loss', 'Yes, recorded in the incident channel'],
    ]);
    expect(ledger.record!.steps.map((s) => s.id)).toEqual(['replica-lag', 'demote-primary', 'scale-up-services']);

    // The repository: drill add files both, check reports from them, the next build shows them.
    const project = join(work, 'project');
    for (const part of ['runbooks', 'facts', 'drills', 'lifeboat.config.yaml']) cpSync(join(REPO, part), join(project, part), { recursive: true });
    const added = await runScript('drill', ['add', yaml.path, mdx.path], { cwd: project, env: NOW });
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toMatch(/^Filed drills\/velero-restore-namespace\/2026-11-28-game-day\.yaml \(Restore the payments namespace from a Velero backup: game day, 1[56]m\d*s?, partial\)\nFiled drills\/ledger-regional-failover\/2026-11-28-game-day\.yaml \(.*: game day, 2[78]m\d*s?, pass\)\n$/);
    expect(existsSync(join(project, 'drills/ledger-regional-failover/2026-11-18-game-day.yaml'))).toBe(true);

    const check = await runScript('check', ['--format', 'json'], { cwd: project, env: NOW });
    const issues = JSON.parse(check.stdout).issues as { code: string; file: string; message: string }[];
    const slow = issues.filter((i) => i.code === 'StepSlowerThanEstimate');
    expect(slow.map((i) => i.message)).toEqual([
      expect.stringMatching(/^Step "scale-up-services" took 25m in the game day of 2026-11-28 \(drills\/ledger-regional-failover\/2026-11-28-game-day\.yaml\).*10m/),
    ]);
    // 15–16 minutes of a drill, doubled, exceed the Velero runbook's 30-minute RTO.
    expect(issues.find((i) => i.code === 'DrillTooSlow' && i.file.endsWith('velero-restore-namespace.yaml'))?.message).toMatch(
      /^The newest drill \(2026-11-28, game day recorded in drills\/velero-restore-namespace\/2026-11-28-game-day\.yaml\) took 1[56]m/,
    );

    const out = join(work, 'site');
    // Built from the tool's checkout (where its packages are), with the copy's configuration.
    const built = await runScript('build', ['--config', join(project, 'lifeboat.config.yaml'), '--out', out], {
      env: { LIFEBOAT_BUILD_TIME: '2026-12-05T08:00:00.000Z', LIFEBOAT_RUNBOOKS: undefined, LIFEBOAT_FACTS: undefined, LIFEBOAT_OUT: undefined, LIFEBOAT_DRILLS: undefined },
    });
    expect(built.code, built.stderr).toBe(0);
    await browser!.close();
    const next = await open(out, '2026-12-05T12:00:00Z');
    await next.goto(`${server!.url}${MDX_RUNBOOK}`);
    expect((await next.locator('#step-scale-up-services .lb-step-measured').textContent())!.replace(/\s+/g, ' ').trim()).toBe(
      'Measured 25m in the last drill (2 drills timed it); estimate 10m.',
    );
    await next.goto(`${server!.url}${YAML_RUNBOOK}`);
    const row = next.locator('.lb-drills tbody tr', { hasText: 'recorded' });
    expect(await row.locator('td').nth(1).textContent()).toBe('game day, recorded (Ana (SRE), Raj (payments))');
    expect(await row.locator('td').nth(2).textContent()).toBe('partial');
    await row.locator('details.lb-drill-steps summary').click();
    expect((await row.locator('li', { hasText: 'Restore the namespace from the backup' }).textContent())!.replace(/\s+/g, ' ').trim()).toBe(
      '2.2 Restore the namespace from the backup: failed, 4m (estimate 2m) — Restore named the wrong namespace: "payment" (no s)',
    );
  });

  it('runs a drill in the single-file edition from file://, across a reload', async () => {
    browser = await launchBrowser();
    const page = await newStrictPage(browser);
    await page.clock.install({ time: new Date(DRILL_DAY) });
    await page.goto(`${pathToFileURL(join(site, 'lifeboat-offline.html')).href}#rb-post-restore-503`);
    await startDrill(page, 'Lee');
    await press(page, 'Start', '1.1');
    await page.clock.fastForward('02:00');
    await press(page, 'Done', '1.1');
    await page.reload();
    await page.locator('[data-drill-bar]').waitFor();
    expect(await page.locator('[data-drill-progress]').textContent()).toBe('1/6 steps');
    await endDrill(page, 'Fail: not recovered', 'Stopped at the ingress.');
    const file = await saved(page, () => page.getByRole('button', { name: 'Download record (YAML)' }).click(), 'edition.yaml');
    const parsed = parseDrillRecord(readFileSync(file.path, 'utf8'), 'edition.yaml');
    expect(parsed.issues).toEqual([]);
    expect(parsed.record).toMatchObject({ runbook: 'post-restore-503', result: 'fail', who: ['Lee'], steps: [{ outcome: 'done' }] });
    // Another runbook of the edition has no drill running.
    await page.goto(`${pathToFileURL(join(site, 'lifeboat-offline.html')).href}#rb-dns-failover`);
    await page.getByRole('button', { name: 'Run a drill of this runbook' }).waitFor();
    expect(await page.locator('[data-drill-bar]').isVisible()).toBe(false);
  });

  it('turns an ended incident into a record of kind incident that drill add accepts', async () => {
    const page = await open(site);
    await page.goto(`${server!.url}${YAML_RUNBOOK}`);
    await page.getByRole('button', { name: 'Start incident' }).click();
    await page.locator('[data-incident-bar]').waitFor(); // the incident's code loads on the click
    await page.clock.fastForward('03:00');
    await page.locator('input[data-step-done="confirm-namespace-gone"]').check();
    await page.clock.fastForward('05:00');
    await page.locator('input[data-step-done="check-backup-location"]').check();
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'End incident' }).click();
    await page.getByRole('button', { name: 'Record this incident for the gate' }).click();
    await page.getByRole('button', { name: 'Download record (YAML)' }).click();
    expect(await page.getByRole('alert').filter({ hasText: 'Say who' }).textContent()).toBe('Say who worked the incident: the record names them.');
    await page.getByLabel('Who worked it (names, separated by commas)').fill('Ana');
    await page.getByLabel('With workarounds').check();
    const file = await saved(page, () => page.getByRole('button', { name: 'Download record (YAML)' }).click(), 'incident.yaml');
    const parsed = parseDrillRecord(readFileSync(file.path, 'utf8'), 'incident.yaml');
    expect(parsed.issues).toEqual([]);
    expect(parsed.record).toMatchObject({ kind: 'incident', result: 'partial', who: ['Ana'], runbook: 'velero-restore-namespace' });
    expect(parsed.record!.steps.map((s) => [s.id, Math.round((Date.parse(s.end) - Date.parse(s.start!)) / 60_000)])).toEqual([
      ['confirm-namespace-gone', 3],
      ['check-backup-location', 5],
    ]);
    const project = join(work, 'incident-project');
    for (const part of ['runbooks', 'facts', 'lifeboat.config.yaml']) cpSync(join(REPO, part), join(project, part), { recursive: true });
    const added = await runScript('drill', ['add', '--dry-run', file.path], { cwd: project, env: NOW });
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toMatch(/drills\/velero-restore-namespace\/2026-11-28-incident\.yaml/);
  });

  it('finds no axe-core violation of any impact in the drill states, light and dark, at 360 and 1366 px', async () => {
    const page = await open(site);
    const found: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const)
      for (const width of [360, 1366]) {
        await page.setViewportSize({ width, height: 800 });
        await page.emulateMedia({ colorScheme });
        await page.goto('about:blank');
        await page.goto(`${server!.url}${YAML_RUNBOOK}`);
        await page.evaluate(() => localStorage.clear());
        await page.reload();
        const where = (state: string) => async () => {
          found.push(...(await axeViolations(page)).map((v) => `${colorScheme} ${width}px ${state}: ${v}`));
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        };
        await page.getByRole('button', { name: 'Run a drill of this runbook' }).click();
        await where('start form')();
        await page.getByLabel('Who runs it (names, separated by commas)').fill('Ana');
        await page.getByRole('button', { name: 'Start the drill' }).click();
        await press(page, 'Start', '1.1');
        await press(page, 'Skip', '1.2');
        await where('running')();
        await page.getByRole('button', { name: 'Finish the drill' }).click();
        await where('finish form')();
        await page.getByRole('button', { name: 'End the drill and write the record' }).click();
        await page.locator('details.lb-drill-summary summary').click();
        await where('ended')();
      }
    expect(found).toEqual([]);
  });
});
