/**
 * What each file of a build is, for publishing: its kind decides when it is uploaded and how long
 * browsers and CDNs may keep it; its extension decides the Content-Type. Deploy sets these headers
 * and verify checks them, so both read this one table.
 */
import { MANIFEST_FILE } from '../build/build-manifest.ts';

/**
 * - `asset`: content-hashed (its name changes when its bytes do), so it can be cached forever.
 * - `file`: any other static file (Pagefind's runtime, robots.txt, images).
 * - `page`: HTML.
 * - `search-entry`: Pagefind's entry file, which names the current hashed index files.
 * - `manifest`: the build manifest; its arrival marks a deploy complete.
 * - `service-worker`: the script browsers poll for updates.
 */
export type FileKind = 'asset' | 'file' | 'page' | 'search-entry' | 'manifest' | 'service-worker';

/** Cached for a year and never revalidated: the name changes whenever the content does. */
export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';
/** Revalidated on every use, so a new deploy is seen at once (a 304 costs one round trip). */
export const CACHE_REVALIDATE = 'public, max-age=0, must-revalidate';

/** Where the service worker (issue 5) may live; browsers poll this URL for a new version. */
export const SERVICE_WORKER_FILES = ['/sw.js', '/service-worker.js'];

// Astro names everything in _astro/ by content hash; Pagefind does the same for its index chunks
// (`en_3f6d1bf.pf_fragment`, `pagefind.en_71a1188082.pf_meta`), but not for its runtime files.
const HASHED = [/^\/_astro\//, /^\/pagefind\/.*\.pf_(meta|index|fragment|filter)$/];

const CONTENT_TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  json: 'application/json; charset=utf-8',
  map: 'application/json; charset=utf-8',
  webmanifest: 'application/manifest+json; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  ico: 'image/x-icon',
  woff: 'font/woff',
  woff2: 'font/woff2',
  ttf: 'font/ttf',
  otf: 'font/otf',
  wasm: 'application/wasm',
  pdf: 'application/pdf',
  // Pagefind's wasm and index files are gzip data that Pagefind unpacks itself; a Content-Encoding
  // header would make browsers unpack them first and break that.
  pagefind: 'application/octet-stream',
  pf_meta: 'application/octet-stream',
  pf_index: 'application/octet-stream',
  pf_fragment: 'application/octet-stream',
  pf_filter: 'application/octet-stream',
};

/** Publishing headers of one file of the build. */
export interface FileHeaders {
  kind: FileKind;
  contentType: string;
  cacheControl: string;
}

/** Classifies a build path such as `/runbooks/x/index.html` or `/_astro/page.cNngjUgL.js`. */
export function classifyFile(path: string): FileHeaders {
  const kind = kindOf(path);
  return {
    kind,
    contentType: contentTypeOf(path),
    cacheControl: kind === 'asset' ? CACHE_IMMUTABLE : CACHE_REVALIDATE,
  };
}

/**
 * Private runbooks' keyrings live in a folder named by their hash, which their pages name
 * (src/private/seal-pages.ts): they deploy as pages, so a build's pages and keyrings arrive
 * together, and the previous build's keyrings go with its pages.
 */
const KEYRINGS = /^\/private\/[0-9a-f]{16}\/[^/]+\.json$/;

function kindOf(path: string): FileKind {
  if (KEYRINGS.test(path)) return 'page';
  if (path === `/${MANIFEST_FILE}`) return 'manifest';
  if (SERVICE_WORKER_FILES.includes(path)) return 'service-worker';
  if (path === '/pagefind/pagefind-entry.json') return 'search-entry';
  if (HASHED.some((pattern) => pattern.test(path))) return 'asset';
  if (path.endsWith('.html')) return 'page';
  return 'file';
}

/** The Content-Type for a path; unknown extensions are sent as `application/octet-stream`. */
export function contentTypeOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
  return CONTENT_TYPES[ext] ?? 'application/octet-stream';
}

/** The media type without parameters, lower-cased: `text/html; charset=utf-8` → `text/html`. */
export function mediaType(contentType: string): string {
  return contentType.split(';')[0]!.trim().toLowerCase();
}
