/**
 * The service worker (bundled by src/build/service-worker.ts with Workbox). On the first visit
 * it precaches the whole site — every page, asset and the Pagefind index — each file checked
 * against the build's SHA-256 (subresource integrity), so a half-deployed site can never leave
 * a mixed set in the cache: the install fails and the previous version keeps serving.
 * A new version waits until the page asks it to take over ("a newer version is available").
 * Files are stored gzip-compressed (compressed-storage.ts): a third of the space.
 */
import { cacheNames } from 'workbox-core';
import { addPlugins, cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { compressedStoragePlugin, unpackFromStorage } from './compressed-storage.ts';

interface Sw {
  /** `[url, SHA-256 in base64]` for every precached file (src/build/service-worker.ts). */
  __LIFEBOAT_PRECACHE: [string, string][];
  __LIFEBOAT_BUILD: { buildId: string; builtAt: string };
  addEventListener(type: 'message', listener: (event: { data?: { type?: string }; ports: MessagePort[] }) => void): void;
  skipWaiting(): Promise<void>;
}
declare const self: Sw;

// The hash is both the revision (a changed file is fetched again) and the integrity checked on fetch.
const manifest = self.__LIFEBOAT_PRECACHE.map(([url, sha256]) => ({ url, revision: sha256, integrity: `sha256-${sha256}` }));
cleanupOutdatedCaches();
// Stored gzip-compressed, served unpacked (compressed-storage.ts).
addPlugins([compressedStoragePlugin]);
precacheAndRoute(manifest, { directoryIndex: 'index.html', cleanURLs: false, ignoreURLParametersMatching: [/.*/] });

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
      event.ports[0]?.postMessage({ cached, total: manifest.length, ...self.__LIFEBOAT_BUILD });
    })();
  }
});
