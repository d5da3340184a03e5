/**
 * The service worker (bundled by src/build/service-worker.ts with Workbox). On the first visit
 * it precaches the whole site — every page, asset and the Pagefind index — each file checked
 * against the build's SHA-256 (subresource integrity), so a half-deployed site can never leave
 * a mixed set in the cache: the install fails and the previous version keeps serving.
 * A new version waits until the page asks it to take over ("a newer version is available").
 * Files are stored gzip-compressed (compressed-storage.ts): a third of the space. Downloads (the
 * single-file edition, PDFs) are kept once opened, not precached (downloads.ts).
 */
import { cacheNames } from 'workbox-core';
import { addPlugins, cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { compressedStoragePlugin, unpackFromStorage } from './compressed-storage.ts';
import { deleteOtherDownloads, downloadsCacheName, isDownload, savedDownloads, serveDownload } from './downloads.ts';

interface Sw {
  /** `[url, SHA-256 in base64]` for every precached file (src/build/service-worker.ts). */
  __LIFEBOAT_PRECACHE: [string, string][];
  /** `[url, SHA-256 in base64]` for downloads in the build (the edition), checked when saved. */
  __LIFEBOAT_DOWNLOADS: [string, string][];
  __LIFEBOAT_BUILD: { buildId: string; builtAt: string };
  registration: { scope: string };
  addEventListener(type: 'message', listener: (event: { data?: { type?: string }; ports: MessagePort[] }) => void): void;
  addEventListener(type: 'activate', listener: (event: { waitUntil(promise: Promise<unknown>): void }) => void): void;
  skipWaiting(): Promise<void>;
}
declare const self: Sw;

// The hash is both the revision (a changed file is fetched again) and the integrity checked on fetch.
const manifest = self.__LIFEBOAT_PRECACHE.map(([url, sha256]) => ({ url, revision: sha256, integrity: `sha256-${sha256}` }));
cleanupOutdatedCaches();
// Stored gzip-compressed, served unpacked (compressed-storage.ts).
addPlugins([compressedStoragePlugin]);
precacheAndRoute(manifest, { directoryIndex: 'index.html', cleanURLs: false, ignoreURLParametersMatching: [/.*/] });

// Downloads: network first, kept once opened, and offline either the kept copy or a page that
// says it is not available offline (downloads.ts). Before the pages' route: a PDF opened in the
// browser is a navigation too.
const downloads = downloadsCacheName(self.__LIFEBOAT_BUILD.buildId);
const downloadHashes = new Map(self.__LIFEBOAT_DOWNLOADS.map(([url, sha256]) => [url, `sha256-${sha256}`]));
registerRoute(
  ({ url, sameOrigin }) => sameOrigin && isDownload(url.pathname),
  ({ request, url }) => serveDownload(request, downloads, self.registration.scope, downloadHashes.get(url.pathname)),
);
self.addEventListener('activate', (event) => event.waitUntil(deleteOtherDownloads(downloads)));

// A page that is not in the build (an old bookmark, a typo): the network if there is one, else
// the site's own 404 page from the precache rather than the browser's offline error.
registerRoute(
  ({ request }) => request.mode === 'navigate',
  async ({ request }) => {
    try {
      return await fetch(request);
    } catch {
      // matchPrecache reads the cache directly, past the plugins: unpack here.
      const stored = await matchPrecache('/404.html');
      return stored ? unpackFromStorage(stored) : Response.error();
    }
  },
);

self.addEventListener('message', (event) => {
  if (event.data?.type === 'SKIP_WAITING') void self.skipWaiting();
  if (event.data?.type === 'LIFEBOAT_STATUS') {
    void (async () => {
      const cache = await caches.open(cacheNames.precache);
      const cached = (await cache.keys()).length;
      const saved = await savedDownloads(downloads);
      event.ports[0]?.postMessage({ cached, total: manifest.length, downloads: saved, ...self.__LIFEBOAT_BUILD });
    })();
  }
});
