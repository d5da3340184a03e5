/**
 * What a browser fetches to show one page the first time, with an empty cache: the HTML, the
 * stylesheets it links (print ones too: browsers fetch them), its scripts and their static
 * imports, each compressed as a server would send it (gzip -9 and brotli 11). Dynamic imports
 * and the Pagefind search bundle are left out: they load only when the reader searches.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { listFiles } from './folder-size.ts';

export interface Transfer {
  bytes: number;
  gzip: number;
  brotli: number;
}
export interface FirstLoad extends Transfer {
  /** The page and every file it loads, with their sizes. */
  files: ({ path: string } & Transfer)[];
}

const attr = (tag: string, name: string) => new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)?.slice(1).find((v) => v !== undefined);

/** URLs of the stylesheets and scripts an HTML page loads by itself (not preloads of fonts or images). */
export function pageAssets(html: string): string[] {
  const refs: string[] = [];
  for (const [tag] of html.matchAll(/<(?:link|script)\b[^>]*>/gi)) {
    if (/^<script/i.test(tag)) {
      const src = attr(tag, 'src');
      if (src) refs.push(src);
      continue;
    }
    const rel = attr(tag, 'rel')?.toLowerCase().split(/\s+/) ?? [];
    const as = attr(tag, 'as')?.toLowerCase();
    const href = attr(tag, 'href');
    if (href && (rel.includes('stylesheet') || rel.includes('modulepreload') || (rel.includes('preload') && (as === 'script' || as === 'style')))) refs.push(href);
  }
  return refs;
}

/** Specifiers of a module's static imports (`import x from "…"`, `import "…"`, `export … from "…"`), not `import("…")`. */
export function moduleImports(js: string): string[] {
  return [...js.matchAll(/(?:\bimport|\bfrom)\s*["']([^"']+)["']/g)].map((m) => m[1]!);
}

/** URLs a stylesheet pulls in with `@import`. */
export function cssImports(css: string): string[] {
  return [...css.matchAll(/@import\s+(?:url\(\s*)?["']?([^"')\s;]+)/g)].map((m) => m[1]!);
}

/** Site path of `ref` as seen from `from` (a site path), or undefined for another origin or a data: URL. */
export function resolveAsset(from: string, ref: string): string | undefined {
  const url = new URL(ref, `https://site.invalid${from}`);
  return url.origin === 'https://site.invalid' ? decodeURIComponent(url.pathname) : undefined;
}

export function compress(data: Buffer): Transfer {
  return {
    bytes: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }).length,
  };
}

/** First load of the page at site path `page` (e.g. `/runbooks/x/`) of the site built in `site`. */
export async function firstLoad(site: string, page: string): Promise<FirstLoad> {
  const seen = new Set<string>();
  const files: FirstLoad['files'] = [];
  const visit = async (path: string) => {
    if (seen.has(path) || path.startsWith('/pagefind/')) return;
    seen.add(path);
    const data = await readFile(join(site, path.endsWith('/') ? `${path}index.html` : path));
    files.push({ path, ...compress(data) });
    const text = data.toString('utf8');
    const refs = path.endsWith('/') || path.endsWith('.html') ? pageAssets(text) : path.endsWith('.css') ? cssImports(text) : moduleImports(text);
    for (const ref of refs) {
      const next = resolveAsset(path, ref);
      if (next) await visit(next);
    }
  };
  await visit(page);
  const sum = (key: keyof Transfer) => files.reduce((n, f) => n + f[key], 0);
  return { bytes: sum('bytes'), gzip: sum('gzip'), brotli: sum('brotli'), files };
}

/** Site paths of the runbook pages (`/runbooks/…/`, not the `/runbooks/` index itself), by HTML size. */
export async function runbookPages(site: string): Promise<{ page: string; bytes: number }[]> {
  const files = await listFiles(join(site, 'runbooks')).catch(() => []);
  return files
    .filter((f) => f.path.endsWith('index.html') && f.path !== 'index.html')
    .map((f) => ({ page: `/runbooks/${f.path.slice(0, -'index.html'.length)}`, bytes: f.bytes }))
    .sort((a, b) => a.bytes - b.bytes || a.page.localeCompare(b.page));
}

/** The runbook page of median HTML size and its first load; undefined when the site has none. */
export async function medianPageLoad(site: string): Promise<(FirstLoad & { page: string; pages: number }) | undefined> {
  const pages = await runbookPages(site);
  const median = pages[Math.floor((pages.length - 1) / 2)];
  return median && { page: median.page, pages: pages.length, ...(await firstLoad(site, median.page)) };
}
