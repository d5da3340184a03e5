/**
 * "Every page served loads with all its assets", checked over HTTP the way a browser would walk
 * it: fetch each page of any known build by its reader URL (`/runbooks/x/`), work out which build
 * it belongs to by its hash, then fetch every file it references (stylesheets, scripts, and what
 * those import) and require exactly that build's bytes for hashed assets and a 200 for the rest.
 */
import { createHash } from 'node:crypto';
import type { BuildManifest } from '../../src/build/build-manifest.ts';
import { classifyFile } from '../../src/deploy/file-kinds.ts';

export interface PageLoadReport {
  /** Page paths that answered 200. */
  served: string[];
  /** Page paths that answered 404. */
  notServed: string[];
  /** Served pages that do not load whole; empty when all is well. */
  broken: { page: string; problem: string }[];
}

const REFERENCES = [/\b(?:src|href)="([^"#?]+)/g, /url\(\s*["']?([^"')]+)/g, /\bfrom\s*["']([^"']+)/g, /\bimport\(\s*["']([^"']+)/g];

/** Walks every page of `builds` on the site at `root` (a URL ending in `/`). */
export async function checkPagesLoad(root: string, builds: readonly BuildManifest[]): Promise<PageLoadReport> {
  const cache = new Map<string, Promise<{ status: number; sha256: string; text: string }>>();
  const get = (path: string) => {
    if (!cache.has(path)) {
      cache.set(path, fetch(new URL(path.slice(1), root)).then(async (r) => {
        const body = Buffer.from(await r.arrayBuffer());
        return { status: r.status, sha256: createHash('sha256').update(body).digest('hex'), text: body.toString('utf8') };
      }));
    }
    return cache.get(path)!;
  };
  const pages = [...new Set(builds.flatMap((b) => Object.keys(b.files).filter((p) => p.endsWith('.html'))))].sort();
  const report: PageLoadReport = { served: [], notServed: [], broken: [] };

  for (const page of pages) {
    const url = page.endsWith('/index.html') ? page.slice(0, -'index.html'.length) : page;
    const served = await get(url);
    if (served.status === 404 && builds.some((b) => b.files['/404.html']?.sha256 === served.sha256)) {
      report.notServed.push(page);
      continue;
    }
    const build = builds.find((b) => b.files[page]?.sha256 === served.sha256);
    if (served.status !== 200 || !build) {
      report.broken.push({ page, problem: `${url} answered ${served.status} with content from no known build` });
      continue;
    }
    report.served.push(page);
    // Breadth-first over what the page references, and what those reference in turn.
    const seen = new Set<string>();
    const queue = referencesOf(page, served.text, build);
    while (queue.length) {
      const asset = queue.shift()!;
      if (seen.has(asset)) continue;
      seen.add(asset);
      const got = await get(asset);
      const hashed = classifyFile(asset).kind === 'asset';
      if (got.status !== 200 || (hashed && got.sha256 !== build.files[asset]!.sha256)) {
        report.broken.push({ page, problem: `${asset} answered ${got.status}${got.status === 200 ? ' with other content' : ''}` });
      } else if (/\.(css|js)$/.test(asset)) {
        queue.push(...referencesOf(asset, got.text, build));
      }
    }
  }
  return report;
}

/** Build paths of the files `text` (at `from`) references, limited to files of its own build. */
function referencesOf(from: string, text: string, build: BuildManifest): string[] {
  const found = REFERENCES.flatMap((pattern) => [...text.matchAll(pattern)].map((m) => m[1]!));
  return found
    .filter((ref) => !/^(data|mailto|tel|https?):/.test(ref) && !ref.startsWith('//'))
    .map((ref) => new URL(ref, `http://site${from}`).pathname)
    // A reference to a page is a link, not something the page needs to load.
    .filter((path) => build.files[path] && !path.endsWith('.html'));
}
