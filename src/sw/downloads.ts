/**
 * Downloads — the single-file edition and the PDFs of `lifeboat pdf` — are not precached: at
 * 1,000 runbooks the edition is 2.4 MB (1.7 MB stored) and the PDFs about 80 MB for the binder
 * plus ~150 KB a runbook, too much to put on every phone at every deploy. Instead the worker keeps
 * the copy a reader opens while online (network first, so a PDF printed after the build is never
 * served stale), in a cache named for the build: a new build starts empty, as its files changed.
 * Offline, a download never opened here gets a page that says so, not the site's "Page not found".
 */
import { packForStorage, unpackFromStorage } from './compressed-storage.ts';

export { isDownload } from './is-download.ts';

/** Caches of saved downloads, one per build; the active worker deletes the others. */
export const DOWNLOADS_CACHE_PREFIX = 'lifeboat-downloads-';

/**
 * Larger files are served but not kept: a phone browser that runs out of its share of storage
 * may evict the whole site, precache included. The edition at 1,000 runbooks is 2.4 MB; the binder
 * of 100 runbooks about 8 MB.
 */
export const MAX_SAVED_BYTES = 10 * 1024 * 1024;

export function downloadsCacheName(buildId: string): string {
  return `${DOWNLOADS_CACHE_PREFIX}${buildId}`;
}

/**
 * The body of a good answer (whole: not a range; successful) if it is no larger than `max`, else
 * undefined. Read, not taken from Content-Length, which a host compressing on the fly leaves out.
 */
export async function readUpTo(response: Response, max = MAX_SAVED_BYTES): Promise<Blob | undefined> {
  if (response.status !== 200 || !response.body || Number(response.headers.get('content-length') ?? 0) > max) return undefined;
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return new Blob(chunks as BlobPart[]);
    bytes += value.length;
    if (bytes > max) {
      void reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * What a download never saved in this browser answers offline. Built here, not precached, so it
 * costs nothing until needed; plain HTML with the system colours, light or dark.
 */
export function notSavedResponse(url: URL, home: string): Response {
  const name = escapeHtml(decodeURIComponent(url.pathname.split('/').pop() ?? url.pathname));
  const html = `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="color-scheme" content="light dark"><title>Not available offline</title>
<main style="font:1.1rem/1.5 system-ui,sans-serif;max-width:38rem;margin:2rem auto;padding:0 1rem"><h1>Not available offline</h1>
<p><strong>${name}</strong> is a download, and this browser has not saved it: downloads are kept only once opened while online.</p>
<p>Every runbook page is saved, so <a href="${escapeHtml(home)}">the runbooks</a> still open. Open this file again once you are back online, or use the printed binder.</p></main></html>`;
  return new Response(html, {
    status: 503,
    headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'", 'x-lifeboat-offline': 'not-saved' },
  });
}

/**
 * Network first; a good answer is also saved (gzip-compressed, as the precache is). Without a
 * network: the saved copy, or the page that says it is not available offline. `integrity` is the
 * build's SHA-256 when the file is in the build (the edition), so a half-finished deploy serving
 * another build's copy is never saved.
 */
export async function serveDownload(request: Request, cacheName: string, home: string, integrity?: string): Promise<Response> {
  const cache = await caches.open(cacheName);
  const checked = integrity && !request.headers.has('range');
  let response = await fetch(request, checked ? { integrity } : {}).catch(() => undefined);
  let save = !!response;
  // Another build's copy (a deploy half done): served, not saved.
  if (!response && checked) [response, save] = [await fetch(request).catch(() => undefined), false];
  if (!response) {
    const saved = await cache.match(new URL(request.url).pathname);
    return saved ? unpackFromStorage(saved) : notSavedResponse(new URL(request.url), home);
  }
  const body = save ? await readUpTo(response.clone()).catch(() => undefined) : undefined;
  if (body) await cache.put(new URL(request.url).pathname, packForStorage(new Response(body, { status: 200, headers: response.headers })));
  return response;
}

/** The paths saved in this build's downloads cache, for the pages' labels. */
export async function savedDownloads(cacheName: string): Promise<string[]> {
  const cache = await caches.open(cacheName);
  return (await cache.keys()).map((request) => new URL(request.url).pathname);
}

/** Deletes the downloads saved for other builds. */
export async function deleteOtherDownloads(cacheName: string): Promise<void> {
  const names = await caches.keys();
  await Promise.all(names.filter((name) => name.startsWith(DOWNLOADS_CACHE_PREFIX) && name !== cacheName).map((name) => caches.delete(name)));
}
