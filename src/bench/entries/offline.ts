/**
 * The site offline, at N runbooks: how much the service worker precaches (bytes as served, as
 * stored — the worker keeps them gzip-compressed — and what the browser counts against the
 * site's quota), how long the first visit takes until every file is saved, and
 * the time to a usable page offline — a runbook never visited, opened with the network cut and
 * the server gone, served by the service worker. Budget (issue 5): precache ≤ 25 MB at 1,000,
 * counted as stored.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { forEachSize, withinBudget, type BenchEntry, type BenchRow } from '../bench-entry.ts';
import { MANIFEST_FILE, type BuildManifest } from '../../build/build-manifest.ts';
import { precacheEntries } from '../../build/service-worker.ts';
import { corpusHead } from '../corpus-model.ts';
import { median } from '../measure.ts';
import { isBuilt } from '../site-builds.ts';
import { lifeboatSite } from '../sites/lifeboat.ts';
import { launchBrowser } from '../../../test/support/browser.ts';
import { serveStatic } from '../../../test/support/static-server.ts';

const PRECACHE_BUDGET_MB = 25;
/** Runbooks opened offline per size; the median is reported. */
const OPENED = 5;

export const offlineEntry: BenchEntry = {
  name: 'offline',
  description: 'precache size, first visit until saved, and time to a usable page offline from the service worker',
  run: (ctx) =>
    forEachSize(ctx, async (size) => {
      const site = await ctx.sites.build(lifeboatSite, size, { timed: false });
      if (!isBuilt(site)) throw new Error(`The Lifeboat site for ${size} runbooks was not built.`);
      const precache = precacheSize(site.out);
      ctx.log(`offline: ${size} runbooks, ${precache.files} files precached; visiting…`);
      const visits = [];
      for (let run = 0; run < ctx.runs; run++) visits.push(await visitThenGoOffline(site.out, size));
      const usable = median(visits.flatMap((v) => v.usableMs));
      const stored = median(visits.map((v) => v.storedBytes));
      const rows: BenchRow[] = [
        {
          entry: 'offline',
          case: `first visit until saved, ${size} runbooks`,
          size,
          wallMs: median(visits.map((v) => v.savedMs)),
          extra: {
            precacheFiles: precache.files,
            'served MB': round(precache.bytes / 1e6),
            'stored MB': round(stored / 1e6),
            'quota used MB': round(median(visits.map((v) => v.usageBytes)) / 1e6),
            'gzip -9 MB': round(precache.gzipBytes / 1e6),
          },
          ...(size <= 1000
            ? { budget: withinBudget({}, { limits: [{ what: 'precache stored', value: round(stored / 1e6), max: PRECACHE_BUDGET_MB, unit: ' MB' }] }) }
            : {}),
        },
        {
          entry: 'offline',
          case: `never-visited runbook, offline, to usable, ${size} runbooks`,
          size,
          wallMs: usable,
          extra: { opened: visits.length * OPENED, slowestMs: Math.round(Math.max(...visits.flatMap((v) => v.usableMs))) },
        },
      ];
      return rows;
    }),
};

const round = (n: number) => Math.round(n * 100) / 100;

/** What the service worker's precache list holds: file count, bytes as served, bytes with gzip -9. */
function precacheSize(dist: string): { files: number; bytes: number; gzipBytes: number } {
  const manifest = JSON.parse(readFileSync(join(dist, MANIFEST_FILE), 'utf8')) as BuildManifest;
  const entries = precacheEntries(manifest.files);
  let gzipBytes = 0;
  for (const [url] of entries) gzipBytes += gzipSync(readFileSync(join(dist, url)), { level: 9 }).length;
  return { files: entries.length, bytes: entries.reduce((sum, [url]) => sum + manifest.files[url]!.bytes, 0), gzipBytes };
}

/**
 * One reader: opens the home page, waits until the page says every file is saved, cuts the
 * network and stops the server, then opens runbooks it never visited. "Usable" is the moment the
 * page's scripts have run: the incident panel and copy buttons are live (domContentLoaded end,
 * as module scripts run before it completes).
 */
async function visitThenGoOffline(dist: string, size: number): Promise<{ savedMs: number; usableMs: number[]; storedBytes: number; usageBytes: number }> {
  const server = await serveStatic(dist);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const started = performance.now();
    await page.goto(`${server.url}/`);
    await page.waitForFunction(() => document.querySelector('[data-lb-offline-status]')?.getAttribute('data-ready') === 'true', null, { timeout: 30 * 60_000, polling: 250 });
    const savedMs = performance.now() - started;
    // What the precache holds, as stored (gzip-compressed by the service worker), and what the
    // browser counts against the site's quota.
    const { storedBytes, usageBytes } = await page.evaluate(async () => {
      const cache = await caches.open((await caches.keys()).find((name) => name.includes('precache'))!);
      let stored = 0;
      for (const key of await cache.keys()) stored += (await (await cache.match(key))!.arrayBuffer()).byteLength;
      return { storedBytes: stored, usageBytes: (await navigator.storage.estimate()).usage ?? 0 };
    });
    await browser.setOffline(true);
    await server.close();
    const usableMs: number[] = [];
    for (let i = 0; i < OPENED; i++) {
      const { id } = corpusHead(Math.floor(((i + 0.5) * size) / OPENED));
      const response = await page.goto(`${server.url}/runbooks/${id}/`);
      if (!response?.fromServiceWorker()) throw new Error(`/runbooks/${id}/ did not come from the service worker`);
      await page.locator('[data-lb-incident]:not([hidden])').waitFor();
      usableMs.push(await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd));
    }
    return { savedMs, usableMs, storedBytes, usageBytes };
  } finally {
    await browser.close();
    await server.close().catch(() => undefined);
  }
}
