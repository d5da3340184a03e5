/**
 * Private runbooks at N runbooks, 3 in 10 private (issue 24): what sealing them costs the build
 * (the same corpus built all public, in the same run, is the peer), and the first load of a
 * private page before unlock (HTML with its sealed payload, styles, scripts), median and largest.
 * Budget: the median private page's first load ≤ 35 KB gzip, as public pages are judged by their
 * median; the unlock, from the click to the runbook's title, with Chromium's CPU throttled 4×
 * (a phone), ≤ 1.5 s.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { forEachSize, ratioOf, withinBudget, type BenchEntry, type BenchRow } from '../bench-entry.ts';
import { measureFolder } from '../folder-size.ts';
import { firstLoad, resolveAsset, runbookPages, type FirstLoad } from '../page-weight.ts';
import { isBuilt } from '../site-builds.ts';
import { lifeboatSite } from '../sites/lifeboat.ts';
import { BENCH_PASSPHRASES, lifeboatPrivateSite } from '../sites/lifeboat-private.ts';
import { median } from '../measure.ts';
import { launchBrowser } from '../../../test/support/browser.ts';
import { serveStatic } from '../../../test/support/static-server.ts';

const FIRST_LOAD_KB = 35;
/** Issue 24: from the click on "Unlock" to the runbook's title, with Chromium's CPU throttled 4× (a phone). */
const UNLOCK_MS = 1500;

/**
 * Unlocks `page` (a locked page readable by sre) in Chromium with the CPU throttled 4×, `runs`
 * times in fresh browsers; the times from the click to the runbook's title in the heading.
 */
async function unlockTimes(site: string, page: string, runs: number): Promise<number[]> {
  const server = await serveStatic(site);
  const times: number[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const browser = await launchBrowser();
      try {
        const tab = await browser.newPage();
        await tab.goto(`${server.url}${page}`);
        await tab.getByLabel('Passphrase').waitFor();
        const cdp = await browser.newCDPSession(tab);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
        await tab.getByLabel('Passphrase').fill(BENCH_PASSPHRASES.LIFEBOAT_PASSPHRASE_SRE);
        await tab.evaluate(() => {
          const w = window as unknown as { unlockStart?: number; unlockEnd?: number };
          const heading = document.querySelector('h1#_top')!;
          document.querySelector('.lb-unlock button')!.addEventListener('click', () => (w.unlockStart = performance.now()), { capture: true });
          new MutationObserver(() => {
            if (heading.textContent !== 'Private runbook') w.unlockEnd ??= performance.now();
          }).observe(heading, { childList: true, characterData: true, subtree: true });
        });
        await tab.getByRole('button', { name: 'Unlock' }).click();
        await tab.waitForFunction(() => (window as unknown as { unlockEnd?: number }).unlockEnd !== undefined, null, { timeout: 30_000 });
        times.push(await tab.evaluate(() => {
          const w = window as unknown as { unlockStart: number; unlockEnd: number };
          return w.unlockEnd - w.unlockStart;
        }));
      } finally {
        await browser.close();
      }
    }
  } finally {
    await server.close();
  }
  return times;
}
const kb = (bytes: number) => Math.round(bytes / 100) / 10;

/**
 * A locked page's first load, with the unlock code it always imports on load (the form and the
 * decryption): `firstLoad` follows static imports only, as a public page loads nothing more.
 */
async function lockedLoad(site: string, page: string): Promise<FirstLoad> {
  const load = await firstLoad(site, page);
  const seen = new Set(load.files.map((f) => f.path));
  for (const file of load.files.filter((f) => f.path.endsWith('.js'))) {
    const js = await readFile(join(site, file.path), 'utf8');
    for (const [, ref] of js.matchAll(/import\(\s*["'`]([^"'`]*private-unlock[^"'`]*)["'`]\s*\)/g)) {
      const path = resolveAsset(file.path, ref!);
      if (!path) continue;
      for (const more of (await firstLoad(site, path)).files) {
        if (seen.has(more.path)) continue;
        seen.add(more.path);
        load.files.push(more);
        load.bytes += more.bytes;
        load.gzip += more.gzip;
        load.brotli += more.brotli;
      }
    }
  }
  return load;
}

export const privateEntry: BenchEntry = {
  name: 'private',
  description: 'private runbooks (3 in 10): build time against the same corpus all public, and a locked page\'s first load',
  run: (ctx) =>
    forEachSize(ctx, async (size) => {
      const sealed = await ctx.sites.build(lifeboatPrivateSite, size, { timed: true });
      const open = await ctx.sites.build(lifeboatSite, size, { timed: true });
      if (!isBuilt(sealed) || !sealed.timing || !isBuilt(open) || !open.timing) throw new Error('The Lifeboat builds were not timed.');
      const pages = await runbookPages(sealed.out);
      const locked = [];
      for (const { page } of pages) if ((await readFile(join(sealed.out, page, 'index.html'), 'utf8')).includes('data-lb-locked')) locked.push(page);
      // Pages are sorted by size: the median locked page, as public pages are judged (page-weight), and the heaviest.
      const middle = locked.length ? await lockedLoad(sealed.out, locked[Math.floor((locked.length - 1) / 2)]!) : undefined;
      const heaviest = locked.length ? await lockedLoad(sealed.out, locked.at(-1)!) : undefined;
      const keyrings = await measureFolder(join(sealed.out, 'private'));
      // A page sre may read (every private runbook of the bench corpus is readable by sre).
      const unlock = locked.length ? median(await unlockTimes(sealed.out, locked[0]!, ctx.runs)) : undefined;
      const row: BenchRow = {
        entry: 'private',
        case: `${locked.length} of ${size} private vs all public`,
        size,
        wallMs: sealed.timing.wallMs,
        ...(sealed.timing.peakRssMb !== undefined ? { peakRssMb: sealed.timing.peakRssMb } : {}),
        peer: { name: 'Lifeboat, all public', wallMs: open.timing.wallMs, ...(open.timing.peakRssMb !== undefined ? { peakRssMb: open.timing.peakRssMb } : {}) },
        extra: {
          'time ratio': Math.round((ratioOf(sealed.timing.wallMs, open.timing.wallMs) ?? 0) * 100) / 100,
          'private/ KB (keyrings, sealed pages, search)': kb(keyrings.bytes),
          ...(middle && heaviest ? { 'locked page first load KB gzip, median': kb(middle.gzip), 'largest': kb(heaviest.gzip) } : {}),
          ...(unlock !== undefined ? { 'unlock at 4× CPU throttling ms': Math.round(unlock) } : {}),
        },
        ...(middle && unlock !== undefined && !ctx.smoke
          ? {
              budget: withinBudget({}, {
                limits: [
                  { what: 'median locked page first load', value: kb(middle.gzip), max: FIRST_LOAD_KB, unit: ' KB gzip' },
                  { what: 'unlock at 4× throttling', value: Math.round(unlock), max: UNLOCK_MS, unit: ' ms' },
                ],
              }),
            }
          : {}),
      };
      return [row];
    }),
};
