/**
 * The precache keeps every file gzip-compressed, and unpacks it when a page asks for it. A
 * whole 1,000-runbook site is about 31 MB as served but about 9 MB compressed: that is what
 * decides whether a phone's browser lets the site stay offline at all (Safari grants a site a
 * small share of storage and evicts beyond it). Compressing costs the first visit about a
 * second of CPU in the background; unpacking a page costs milliseconds.
 */

/** Header on a stored response that says its body is gzip, to be unpacked before use. */
export const STORED_AS = 'x-lifeboat-stored';

/** Headers of the served response, minus those that described the bytes on the wire. */
function storedHeaders(headers: Headers): Headers {
  const copy = new Headers(headers);
  copy.delete('content-length');
  copy.delete('content-encoding');
  return copy;
}

/** The response to store: the same status and headers, the body gzip-compressed. */
export function packForStorage(response: Response): Response {
  if (!response.body || response.headers.has(STORED_AS)) return response;
  const headers = storedHeaders(response.headers);
  headers.set(STORED_AS, 'gzip');
  return new Response(response.body.pipeThrough(new CompressionStream('gzip')), { status: response.status, statusText: response.statusText, headers });
}

/** The response to serve: a stored one unpacked; any other as it is. */
export function unpackFromStorage(response: Response): Response {
  if (response.headers.get(STORED_AS) !== 'gzip' || !response.body) return response;
  const headers = storedHeaders(response.headers);
  headers.delete(STORED_AS);
  return new Response(response.body.pipeThrough(new DecompressionStream('gzip')), { status: response.status, statusText: response.statusText, headers });
}

/**
 * A Workbox plugin for the precache. It is the one `cacheWillUpdate` plugin, so it also does what
 * Workbox's default one would: never store an error response.
 */
export const compressedStoragePlugin = {
  cacheWillUpdate: async ({ response }: { response: Response }): Promise<Response | null> =>
    response.status >= 400 ? null : packForStorage(response),
  cachedResponseWillBeUsed: async ({ cachedResponse }: { cachedResponse?: Response }): Promise<Response | undefined> =>
    cachedResponse && unpackFromStorage(cachedResponse),
};
