/**
 * The example site in real Chromium (Debian's, driven by playwright-core): copy buttons copy the
 * exact command, destructive commands need a confirm, decision trees can be walked, and the
 * runbook layout's chrome (menu, sidebar, theme picker, "On this page") works at both widths.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newStrictPage } from '../support/browser.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';

let server: StaticServer;
let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await serveStatic(inject('siteDir'));
  browser = await launchBrowser();
  await browser.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});
beforeEach(async () => {
  page = await newStrictPage(browser);
});

const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
const setClipboard = (text: string) => page.evaluate((t) => navigator.clipboard.writeText(t), text);
const copyButton = (stepId: string, n = 0) => page.locator(`#step-${stepId} button.lb-copy`).nth(n);

describe('copying commands', () => {
  it('copies a multi-line YAML command byte for byte, placeholders filled in', async () => {
    await page.goto(`${server.url}/runbooks/velero-restore-namespace/`);
    await setClipboard('sentinel');
    await copyButton('find-backup').click();
    await expect.poll(clipboard).toBe(
      'velero --kubecontext prod-euw1 backup get \\\n' +
        '  --selector velero.io/schedule-name=payments-hourly \\\n' +
        '  | sort -k5 -r | head -n 6',
    );
    await expect.poll(() => copyButton('find-backup').textContent()).toBe('Copied');
  });

  it('copies a command filled in from the collected facts (the newest completed backup)', async () => {
    await page.goto(`${server.url}/runbooks/velero-restore-namespace/`);
    await setClipboard('sentinel');
    // The facts are weeks old when this runs: the first click only warns (test/e2e/command-blocks.test.ts).
    const button = page.locator('button.lb-copy[data-copy="cmd-find-backup-2"]').first();
    await button.click();
    await expect.poll(() => button.textContent()).toBe('Old facts: confirm copy');
    await button.click();
    await expect.poll(clipboard).toBe(
      'BACKUP=payments-hourly-20261120060012\n' +
        'velero --kubecontext prod-euw1 backup describe "$BACKUP" --details | grep -A3 -E \'Phase|Namespaces:\'',
    );
  });

  it('shows where each cluster\'s facts came from and how old they are when read', async () => {
    await page.goto(`${server.url}/runbooks/velero-restore-namespace/`);
    const line = page.locator('.lb-provenance li').first();
    await expect.poll(() => line.textContent()).toMatch(
      /^primary = prod-euw1: from context arn:aws:eks:eu-west-1:491726350182:cluster\/prod-euw1 \(.*eks\.amazonaws\.com:443\), collected 2026-11-20 06:07 UTC \(\d+ (h|days)( \d+ min)? ago, older than the site accepts\)$/,
    );
  });

  it('copies a multi-line MDX command byte for byte, including $(…) and continuation lines', async () => {
    await page.goto(`${server.url}/runbooks/etcd-snapshot-restore/`);
    await setClipboard('sentinel');
    // Destructive: arm, then copy.
    await copyButton('restore-data-dir').click();
    await copyButton('restore-data-dir').click();
    await expect.poll(clipboard).toBe(
      'etcdutl snapshot restore /var/backups/etcd/snapshot-latest.db \\\n' +
        '  --name cp-1 \\\n' +
        '  --data-dir /var/lib/etcd-restored \\\n' +
        '  --initial-cluster cp-1=https://10.20.1.10:2380,cp-2=https://10.20.2.10:2380,cp-3=https://10.20.3.10:2380 \\\n' +
        '  --initial-cluster-token etcd-restore-$(date +%Y%m%d) \\\n' +
        '  --initial-advertise-peer-urls https://10.20.1.10:2380 \\\n' +
        '  --bump-revision 1000000000 \\\n' +
        '  --mark-compacted',
    );
  });

  it('copies a destructive command only after an explicit second click', async () => {
    await page.goto(`${server.url}/runbooks/velero-restore-namespace/`);
    await setClipboard('sentinel');
    const button = copyButton('remove-bad-restore');
    await button.click();
    await expect.poll(() => button.textContent()).toBe('Confirm copy');
    expect(await clipboard()).toBe('sentinel');
    await button.click();
    await expect.poll(clipboard).toBe('kubectl --context prod-euw1 delete namespace payments --wait=true');
    await expect.poll(() => button.textContent()).toBe('Copied');
  });

  it('shows the expected output right under its command', async () => {
    await page.goto(`${server.url}/runbooks/dns-failover/`);
    const command = page.locator('#step-wait-insync .lb-command').first();
    await expect.poll(() => command.locator('.lb-expect pre').textContent()).toBe('INSYNC');
  });
});

describe('walking a decision tree', () => {
  const question = () => page.locator('.lb-walk-question').first().textContent();
  const crumbs = () => page.locator('.lb-crumbs li').allTextContents();

  it('asks one question at a time, records the path, and leads to a step', async () => {
    await page.goto(`${server.url}/runbooks/post-restore-503/`);
    expect(await question()).toBe('Does the 503 come from the ingress controller (no x-checkout-version header)?');
    await page.getByRole('button', { name: 'Yes, from the ingress controller' }).click();
    expect(await question()).toBe('Does the Ingress name an IngressClass that exists in this cluster?');
    // The whole path, so a reload or a shared link restores it (test/e2e/decision-links.test.ts).
    expect(new URL(page.url()).hash).toBe('#decision-who-answers/0/ingress-class-present');
    expect(await crumbs()).toEqual(['Does the 503 come from the ingress controller (no x-checkout-version header)? → Yes, from the ingress controller']);

    await page.getByRole('button', { name: 'No', exact: true }).click();
    const result = page.locator('.lb-walk-result');
    expect(await result.textContent()).toBe('Go to step 2.2 Point the Ingress at the DR IngressClass');
    await result.getByRole('link').click();
    expect(new URL(page.url()).hash).toBe('#step-fix-ingress-class');
    await expect.poll(() => page.locator('#step-fix-ingress-class').isVisible()).toBe(true);
  });

  it('draws the diagram with the renderer\'s paint, set once in the stylesheet instead of on every element', async () => {
    await page.goto(`${server.url}/runbooks/post-restore-503/`);
    const styles = await page.locator('svg.lb-diagram').first().evaluate((svg) => {
      const pick = (selector: string) =>
        [...svg.querySelectorAll(selector)].map((el) => {
          const s = getComputedStyle(el);
          return { fill: s.fill, stroke: s.stroke, strokeWidth: s.strokeWidth, fontSize: s.fontSize, fontWeight: s.fontWeight, anchor: s.textAnchor, ownFill: el.hasAttribute('fill') };
        });
      const color = (v: string) => getComputedStyle(svg).getPropertyValue(v).trim();
      return { edges: pick('polyline'), nodeText: pick('.node text'), labelText: pick('.edge-label text'), labelBox: pick('.edge-label rect'), shapes: pick('.node polygon, .node rect'), line: color('--_line') };
    });
    expect(styles.edges.length).toBeGreaterThan(2);
    for (const edge of styles.edges) expect(edge).toMatchObject({ fill: 'none', strokeWidth: '1px', ownFill: false });
    expect(styles.edges[0]!.stroke).not.toBe('none');
    for (const text of styles.nodeText) expect(text).toMatchObject({ fontSize: '13px', fontWeight: '500', anchor: 'middle', ownFill: false });
    for (const text of styles.labelText) expect(text).toMatchObject({ fontSize: '11px', fontWeight: '400', anchor: 'middle', ownFill: false });
    for (const box of styles.labelBox) expect(box).toMatchObject({ strokeWidth: '1px', ownFill: false });
    // Shapes the renderer paints differently (the steps a tree leads to) keep their own attributes.
    const plain = styles.shapes.filter((shape) => !shape.ownFill);
    expect(plain.length).toBeGreaterThan(1);
    for (const shape of plain) expect(shape.strokeWidth).toBe('0.8px');
    // Painted, not the SVG defaults (black fill, no stroke).
    expect(plain[0]!.stroke).not.toBe('none');
    expect(plain[0]!.fill).not.toBe('rgb(0, 0, 0)');
    expect(styles.nodeText[0]!.fill).not.toBe('rgb(0, 0, 0)');
  });

  it('goes back and restarts', async () => {
    await page.goto(`${server.url}/runbooks/post-restore-503/`);
    await page.getByRole('button', { name: 'Yes, from the ingress controller' }).click();
    await page.getByRole('button', { name: 'Yes', exact: true }).click();
    expect(await question()).toBe('Does the Service have ready endpoints?');
    await page.getByRole('button', { name: 'Back' }).click();
    expect(await question()).toBe('Does the Ingress name an IngressClass that exists in this cluster?');
    await page.getByRole('button', { name: 'Restart' }).click();
    expect(await question()).toBe('Does the 503 come from the ingress controller (no x-checkout-version header)?');
    expect(await crumbs()).toEqual([]);
  });

  it('opens at a deep-linked question and continues into another runbook', async () => {
    await page.goto(`${server.url}/runbooks/post-restore-503/#decision-pod-state`);
    expect(await question()).toBe('Which state are the pods in?');
    // Exact: the breadcrumbs of the path walked to it name "Pending" too.
    await page.getByRole('button', { name: 'Pending', exact: true }).click();
    const link = page.locator('.lb-walk-result a');
    expect(await link.textContent()).toBe('Pods Pending after a DR restore because PVCs cannot bind');
    await link.click();
    await page.waitForURL(`${server.url}/runbooks/pvc-pending-storageclass-missing/`);
    expect(await page.locator('h1').textContent()).toBe('Pods Pending after a DR restore because PVCs cannot bind');
  });

  it('walks a tree placed in an MDX body with <Decision>', async () => {
    await page.goto(`${server.url}/runbooks/etcd-snapshot-restore/`);
    expect(await question()).toBe('Is any etcd member still serving reads?');
    await page.getByRole('button', { name: 'No member answers' }).click();
    expect(await question()).toMatch(/^Does the newest snapshot in \/var\/backups\/etcd/);
    await page.getByRole('button', { name: 'No, it is corrupt' }).click();
    await page.getByRole('button', { name: 'No', exact: true }).click();
    expect(await page.locator('.lb-walk-result').textContent()).toBe(
      'Escalate to the Head of Infrastructure and prepare the full DR-region restore instead.',
    );
  });
});

describe('on a phone', () => {
  it('fits a 360 px wide screen without sideways scrolling of the page', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    for (const path of ['/', '/runbooks/velero-restore-namespace/', '/runbooks/post-restore-503/']) {
      await page.goto(`${server.url}${path}`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(360);
    }
  });

  it('opens the menu with this service\'s runbooks and a theme picker that sets and keeps the theme', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`${server.url}/runbooks/velero-restore-namespace/`);
    const menu = page.locator('#starlight__sidebar');
    expect(await menu.isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Menu' }).click();
    await expect.poll(() => menu.isVisible()).toBe(true);
    // The page behind the open menu is out of the keyboard's reach.
    // (The popover's toggle event, which sets this, is dispatched after it opens.)
    await expect.poll(() => page.locator('.main-frame').getAttribute('inert')).toBe('');
    expect(await menu.locator('a[aria-current="page"]').textContent()).toContain('Restore the payments namespace from a Velero backup');
    const picker = menu.getByLabel('Select theme');
    expect(await picker.inputValue()).toBe('auto');
    await picker.selectOption('light');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    await page.keyboard.press('Escape');
    await expect.poll(() => menu.isVisible()).toBe(false);
    await expect.poll(() => page.locator('.main-frame').getAttribute('inert')).toBe(null);
    // Kept across pages, and shown as chosen in both pickers (Starlight's pages too).
    await page.goto(`${server.url}/`);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    await page.getByRole('button', { name: 'Menu' }).click();
    expect(await page.locator('#starlight__sidebar').getByLabel('Select theme').inputValue()).toBe('light');
  });
});

describe('on a phone, "On this page"', () => {
  it('opens as a menu built from the page\'s headings, and closes once a heading is chosen', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${server.url}/runbooks/velero-restore-namespace/`);
    const toc = page.locator('.lb-mobile-toc');
    await toc.getByText('On this page').click();
    const link = toc.getByRole('link', { name: /Check the backup storage location is Available/ });
    expect(await link.isVisible()).toBe(true);
    // The same entries as the wide-screen list, which is hidden at this width.
    expect(await toc.locator('a').count()).toBe(await page.locator('[data-lb-toc] a').count());
    expect(await page.locator('[data-lb-toc]').isVisible()).toBe(false);
    await link.click();
    await expect.poll(() => link.isVisible()).toBe(false);
    expect(new URL(page.url()).hash).toMatch(/^#step-/);
  });
});

describe('on a laptop', () => {
  it('shows the sidebar, the header\'s search and theme picker, and "On this page" beside the runbook', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${server.url}/runbooks/velero-restore-namespace/`);
    expect(await page.getByRole('button', { name: 'Menu' }).isVisible()).toBe(false);
    const sidebar = page.locator('#starlight__sidebar');
    expect(await sidebar.isVisible()).toBe(true);
    // A plain column on wide screens: Escape does not hide it as it would a popover.
    await page.keyboard.press('Escape');
    expect(await sidebar.isVisible()).toBe(true);
    const box = (selector: string) => page.locator(selector).first().boundingBox();
    const [nav, main, toc] = await Promise.all([box('#starlight__sidebar'), box('main'), box('.lb-toc')]);
    expect(nav!.x + nav!.width).toBeLessThanOrEqual(main!.x + 1);
    expect(toc!.x).toBeGreaterThanOrEqual(main!.x + main!.width - 1);
    expect(await page.locator('header').getByLabel('Select theme').isVisible()).toBe(true);
    // The shortcut is named once the search script ran, and the dialog opens from it.
    await expect.poll(() => page.locator('header button[data-open-modal]').getAttribute('aria-label')).toBe('Search runbooks Ctrl K');
    // Starlight's layered styles win over its reset (a layer named early by our CSS once reordered them):
    // the shortcut sits at the end of the search button.
    const [button, keys] = await Promise.all([box('header button[data-open-modal]'), box('header button[data-open-modal] > kbd')]);
    expect(button!.x + button!.width - (keys!.x + keys!.width)).toBeLessThan(16);
    await page.keyboard.press('Control+k');
    await expect.poll(() => page.locator('dialog[open] .pagefind-ui__search-input').isVisible(), { timeout: 15_000 }).toBe(true);
  });
});
