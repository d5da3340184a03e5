/**
 * Issue 27, commands under stress, in real Chromium at phone and laptop widths: values filled in
 * from cluster facts are marked with their age and warn once before copying when the facts are
 * old; real lines and wrapped rows cannot be confused; multi-line commands say that they run line
 * by line and can be copied as one line where the shell allows it. Every copy stays byte-exact.
 */
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { launchBrowser, newStrictPage } from '../support/browser.ts';
import { useExampleSiteBrowser } from '../support/example-site-browser.ts';

const site = useExampleSiteBrowser({ clipboard: true });
let page: Page;
let server: { url: string };
beforeEach(() => {
  page = site.page;
  server = { url: site.url };
});

const VELERO = '/runbooks/velero-restore-namespace/';
const ETCD = '/runbooks/etcd-snapshot-restore/';
const BACKUP_COMMAND =
  'BACKUP=payments-hourly-20261120060012\n' + 'velero --kubecontext prod-euw1 backup describe "$BACKUP" --details | grep -A3 -E \'Phase|Namespaces:\'';
const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
const setClipboard = (text: string) => page.evaluate((t) => navigator.clipboard.writeText(t), text);
const block = (id: string) => page.locator('.lb-command').filter({ has: page.locator(`#${id}`) });
/** The command's copy buttons by position (their names change as they are used): 0 copies, 1 copies as one line. */
const copyButton = (id: string, n = 0) => block(id).locator('button.lb-copy').nth(n);
const WIDTHS = [360, 1366];
const SCHEMES = ['light', 'dark'] as const;

/** A page in a browser of its own whose clock reads `time` (the clock belongs to the whole context). */
async function pageAt(time: string): Promise<Page> {
  const own = await launchBrowser();
  onTestFinished(() => own.close());
  const at = await newStrictPage(own);
  await at.clock.install({ time: new Date(time) });
  return at;
}

describe('values from cluster facts inside commands', () => {
  for (const width of WIDTHS)
    for (const colorScheme of SCHEMES)
      it(`marks the value, and says beside the command how old its facts are when too old (${width} px, ${colorScheme})`, async () => {
        await page.setViewportSize({ width, height: 800 });
        await page.emulateMedia({ colorScheme });
        await page.goto(`${server.url}${VELERO}`);
        const mark = page.locator('#cmd-find-backup-2 mark.lb-fact');
        expect(await mark.allTextContents()).toEqual(['payments-hourly-20261120060012']);
        expect(await mark.isVisible()).toBe(true);
        const look = await mark.evaluate((el) => {
          const style = getComputedStyle(el);
          return { line: style.textDecorationLine, style: style.textDecorationStyle, color: style.textDecorationColor, text: style.color };
        });
        expect(look).toMatchObject({ line: 'underline', style: 'dashed' });
        expect(look.color).not.toBe(look.text);
        // Facts collected 2026-11-20, read weeks later: older than the example's factsMaxAge (24h).
        const note = block('cmd-find-backup-2').locator('.lb-fact-note');
        await expect.poll(() => note.isVisible()).toBe(true);
        expect(await note.textContent()).toMatch(
          /^Marked values come from the cluster facts of prod-euw1, collected 2026-11-20 06:07 UTC \(\d+ days ago, older than the site accepts\)\.$/,
        );
        expect(await mark.getAttribute('aria-describedby')).toBe(await note.getAttribute('id'));
        // Commands filled in from nothing but vars and cluster names carry no mark and no note.
        expect(await block('cmd-find-backup-1').locator('mark, .lb-fact-note').count()).toBe(0);
      });

  it('warns once before copying a command filled in from old facts, then copies it byte for byte', async () => {
    await page.goto(`${server.url}${VELERO}`);
    await setClipboard('sentinel');
    const copy = copyButton('cmd-find-backup-2');
    await expect.poll(() => block('cmd-find-backup-2').getAttribute('class')).toContain('lb-facts-old');
    await copy.click();
    await expect.poll(() => copy.textContent()).toBe('Old facts: confirm copy');
    expect(await clipboard()).toBe('sentinel');
    await copy.click();
    await expect.poll(clipboard).toBe(BACKUP_COMMAND);
    // Once warned, the next copy of the same command goes straight through.
    await setClipboard('sentinel');
    await copy.click();
    await expect.poll(clipboard).toBe(BACKUP_COMMAND);
    expect(await copy.textContent()).toBe('Copied');
  });

  for (const width of WIDTHS)
    it(`shows the age of fresh facts only while a marked value is hovered or focused, and copies without a warning (${width} px)`, async () => {
      page = await pageAt('2026-11-20T07:00:00Z');
      await page.setViewportSize({ width, height: 800 });
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
      await page.goto(`${server.url}${VELERO}`);
      const note = block('cmd-find-backup-2').locator('.lb-fact-note');
      const mark = page.locator('#cmd-find-backup-2 mark.lb-fact');
      await expect.poll(() => note.textContent()).toContain('(53 min ago)');
      expect(await note.isVisible()).toBe(false);
      await mark.hover();
      await expect.poll(() => note.isVisible()).toBe(true);
      await page.mouse.move(0, 0);
      await expect.poll(() => note.isVisible()).toBe(false);
      await mark.focus();
      await expect.poll(() => note.isVisible()).toBe(true);

      await setClipboard('sentinel');
      await copyButton('cmd-find-backup-2').click();
      await expect.poll(clipboard).toBe(BACKUP_COMMAND);
    });
});

/** Per real line of every command on the page: its text, its marker, and where its rows start. */
function commandLayout() {
  return [...document.querySelectorAll<HTMLElement>('.lb-command-code > code')].map((code) => {
    const lines = [...code.querySelectorAll<HTMLElement>(':scope > .lb-line')].map((line) => {
      const marker = getComputedStyle(line, '::before');
      // Left edge of each row of text (the text's own boxes, not its elements'), rows told apart by their top.
      const rows = new Map<number, number>();
      const texts = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let node = texts.nextNode(); node; node = texts.nextNode()) {
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const rect of range.getClientRects()) {
          if (rect.width === 0) continue;
          const top = Math.round(rect.top);
          rows.set(top, Math.min(rows.get(top) ?? Infinity, rect.left));
        }
      }
      const lefts = [...rows].sort((a, b) => a[0] - b[0]).map(([, left]) => left);
      const words = [...line.querySelectorAll<HTMLElement>('.lb-word')].map((w) => {
        const tops = new Set<number>();
        const inWord = document.createTreeWalker(w, NodeFilter.SHOW_TEXT);
        for (let node = inWord.nextNode(); node; node = inWord.nextNode()) {
          const r = document.createRange();
          r.selectNodeContents(node);
          for (const x of r.getClientRects()) if (x.width > 0) tops.add(Math.round(x.top));
        }
        // Whether the word, unwrapped, is narrower than the line: only then must it stay on one row.
        w.style.maxWidth = 'none';
        w.style.whiteSpace = 'pre';
        const natural = w.getBoundingClientRect().width;
        w.style.maxWidth = w.style.whiteSpace = '';
        const room = line.clientWidth - parseFloat(getComputedStyle(line).paddingInlineStart);
        return { text: w.textContent!, rows: tops.size, fits: natural <= room };
      });
      return { text: line.textContent!, marker: { content: marker.content, position: marker.position, width: marker.borderLeftWidth }, lefts, words };
    });
    return { id: code.id, text: code.textContent!, lines };
  });
}

describe('real lines and wrapped rows', () => {
  for (const path of [VELERO, ETCD])
    for (const width of WIDTHS)
      it(`marks each real line once and indents its wrapped rows, keeping words whole, on ${path} at ${width} px`, async () => {
        await page.setViewportSize({ width, height: 800 });
        await page.goto(`${server.url}${path}`);
        await page.locator('.lb-line[data-words]').first().waitFor({ state: 'attached' });
        const commands = await page.evaluate(commandLayout);
        expect(commands.length).toBeGreaterThan(4);
        let wrapped = 0;
        for (const command of commands) {
          // One element per real line, and together they are the command.
          expect(command.lines.map((l) => l.text.replace(/\n$/, '')), command.id).toEqual(command.text.split('\n'));
          for (const line of command.lines) {
            // Exactly one marker: the line's own ::before, drawn (a border), never text.
            expect(line.marker, command.id).toEqual({ content: '""', position: 'absolute', width: expect.stringMatching(/^[1-9]/) });
            const [start, ...continued] = line.lefts;
            for (const left of continued) expect(left, `${command.id}: ${line.text}`).toBeGreaterThan(start! + 4);
            if (continued.length) wrapped++;
            for (const word of line.words) if (word.fits) expect(word.rows, `${command.id}: "${word.text}" split`).toBe(1);
          }
        }
        // At phone width, long commands do wrap: the check above was not vacuous.
        if (width === 360) expect(wrapped).toBeGreaterThan(3);
      });

  it('copies a wrapped command at 360 px without its markers, by button and by selecting it', async () => {
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto(`${server.url}${ETCD}`);
    await setClipboard('sentinel');
    const id = 'cmd-body-4';
    const expected = await page.locator(`#${id}`).textContent();
    expect(expected).toMatch(/^etcdutl snapshot restore \/var\/backups\/etcd\/snapshot-latest\.db \\\n {2}--name cp-1 \\\n/);
    const copy = copyButton(id);
    await copy.click();
    await copy.click();
    await expect.poll(clipboard).toBe(expected);
    await setClipboard('sentinel');
    await page.locator(`#${id}`).evaluate((code) => {
      const range = document.createRange();
      range.selectNodeContents(code);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    await page.keyboard.press('Control+c');
    await expect.poll(clipboard).toBe(expected);
  });
});

describe('multi-line commands', () => {
  for (const width of WIDTHS)
    it(`say they run line by line when pasted, and copy as one line joined with && (${width} px)`, async () => {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(`${server.url}${ETCD}`);
      await setClipboard('sentinel');
      const stop = block('cmd-body-3');
      expect(await stop.locator('.lb-multiline').textContent()).toBe('Runs line by line when pasted');
      expect(await stop.locator('.lb-multiline').isVisible()).toBe(true);
      // Destructive: the one-line copy needs the same confirmation as the plain one.
      const oneLine = copyButton('cmd-body-3', 1);
      expect(await oneLine.textContent()).toBe('Copy as one line');
      await oneLine.click();
      await expect.poll(() => oneLine.textContent()).toBe('Confirm copy');
      expect(await clipboard()).toBe('sentinel');
      await oneLine.click();
      await expect.poll(clipboard).toBe(
        'mkdir -p /root/manifests-stopped && mv /etc/kubernetes/manifests/*.yaml /root/manifests-stopped/ && sleep 20 && crictl ps --name \'etcd|kube-apiserver\' -q | wc -l',
      );
      await expect.poll(() => oneLine.textContent()).toBe('Copied');
      await expect.poll(() => oneLine.textContent(), { timeout: 5000 }).toBe('Copy as one line');
    });

  it('joins lines continued with a backslash with a space, and says they are one command', async () => {
    await page.goto(`${server.url}${ETCD}`);
    await setClipboard('sentinel');
    const restore = block('cmd-body-4');
    expect(await restore.locator('.lb-multiline').textContent()).toBe('One command on several lines');
    const oneLine = copyButton('cmd-body-4', 1);
    await oneLine.click();
    await oneLine.click();
    await expect.poll(clipboard).toBe(
      'etcdutl snapshot restore /var/backups/etcd/snapshot-latest.db --name cp-1 --data-dir /var/lib/etcd-restored ' +
        '--initial-cluster cp-1=https://10.20.1.10:2380,cp-2=https://10.20.2.10:2380,cp-3=https://10.20.3.10:2380 ' +
        '--initial-cluster-token etcd-restore-$(date +%Y%m%d) --initial-advertise-peer-urls https://10.20.1.10:2380 ' +
        '--bump-revision 1000000000 --mark-compacted',
    );
  });

  it('offers no one-line copy for a command on one line, nor where joining would change it', async () => {
    await page.goto(`${server.url}${VELERO}`);
    const single = block('cmd-watch-restore-1');
    expect(await single.locator('.lb-multiline').count()).toBe(0);
    expect(await single.locator('button.lb-copy').allTextContents()).toEqual(['Copy']);
    // The patch's JSON quote spans lines in this step? Only where a quote or block spans lines is nothing offered.
    const all = await page.locator('.lb-command').evaluateAll((blocks) =>
      blocks.map((b) => ({ lines: b.querySelectorAll('.lb-line').length, buttons: [...b.querySelectorAll('button.lb-copy')].map((x) => x.textContent) })),
    );
    for (const b of all) if (b.lines === 1) expect(b.buttons).toEqual(['Copy']);
  });
});

describe('accessibility of the command blocks', () => {
  it('finds no axe-core violation of any impact with values marked, a fact note shown and one-line buttons, light and dark, at 360 and 1366 px', async () => {
    const found: string[] = [];
    for (const path of [VELERO, ETCD])
      for (const colorScheme of SCHEMES)
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: 800 });
          await page.emulateMedia({ colorScheme });
          await page.goto(`${server.url}${path}`);
          await page.locator('.lb-line[data-words]').first().waitFor({ state: 'attached' });
          if (path === VELERO) await page.locator('mark.lb-fact').first().focus();
          const violations = await axeViolations(page);
          found.push(...violations.map((v) => `${path} ${colorScheme} ${width}px: ${v}`));
        }
    expect(found).toEqual([]);
  });
});
