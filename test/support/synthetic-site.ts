/**
 * A deterministic site shaped like a Lifeboat build, written without Astro so that tests and the
 * deploy benchmark can make many versions quickly: pages under /runbooks/<id>/, content-hashed
 * assets in /_astro/ (a stylesheet and a script that imports a chunk), Pagefind-style hashed
 * index files behind an unhashed entry, a service worker, and the build manifest.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { hashFiles, writeBuildManifest } from '../../src/build/build-manifest.ts';

export interface SiteSpec {
  buildId: string;
  /** Runbook ids; each becomes a page. */
  pages: string[];
  /** Text of a page; change it for some ids to make a version differ in those pages only. */
  text?: (id: string) => string;
  /** Changes the stylesheet, hence its hashed name and every page that links it. */
  style?: string;
  /** Puts the build id in every page's footer, as Lifeboat's real footer does. */
  footer?: boolean;
}

const hash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 8);
const defaultText = (id: string) => `Steps to restore ${id}. ${'Check the replicas, then fail over. '.repeat(40)}`;

/** Writes the site into `dir` (which must be empty or absent) and returns its manifest. */
export async function writeSyntheticSite(dir: string, spec: SiteSpec) {
  const text = spec.text ?? defaultText;
  const files: Record<string, string> = {};
  const css = `body{font:16px system-ui}/* ${spec.style ?? 'base'} */\n${'.lb-step{margin:1rem 0}\n'.repeat(50)}`;
  const chunk = `export const copy = (t) => navigator.clipboard.writeText(t);\n`;
  const chunkPath = `/_astro/copy.${hash(chunk)}.js`;
  const app = `import { copy } from './${chunkPath.slice('/_astro/'.length)}';\ndocument.addEventListener('click', (e) => copy(e.target.textContent));\n`;
  const cssPath = `/_astro/site.${hash(css)}.css`;
  const appPath = `/_astro/app.${hash(app)}.js`;
  Object.assign(files, { [cssPath]: css, [chunkPath]: chunk, [appPath]: app });

  const page = (title: string, body: string) =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>` +
    `<link rel="stylesheet" href="${cssPath}"><script type="module" src="${appPath}"></script></head>` +
    `<body><nav><a href="/">Runbooks</a></nav><main><h1>${title}</h1>${body}</main>` +
    `${spec.footer ? `<footer>build ${spec.buildId}</footer>` : ''}</body></html>\n`;
  const fragments: string[] = [];
  for (const id of spec.pages) {
    const body = `<p>${text(id)}</p>`;
    files[`/runbooks/${id}/index.html`] = page(`Runbook ${id}`, body);
    const fragment = JSON.stringify({ url: `/runbooks/${id}/`, content: text(id) });
    const fragmentPath = `/pagefind/fragment/en_${hash(fragment)}.pf_fragment`;
    files[fragmentPath] = fragment;
    fragments.push(fragmentPath);
  }
  files['/index.html'] = page('Runbooks', spec.pages.map((id) => `<a href="/runbooks/${id}/">${id}</a>`).join('\n'));
  files['/404.html'] = page('Not found', '<p>No such page.</p>');
  files['/robots.txt'] = 'User-agent: *\nAllow: /\n';
  const meta = JSON.stringify({ fragments });
  const metaName = `pagefind.en_${hash(meta)}.pf_meta`;
  files[`/pagefind/${metaName}`] = meta;
  files['/pagefind/pagefind-entry.json'] = JSON.stringify({ version: '1.6.0', languages: { en: { hash: metaName } } });
  files['/pagefind/pagefind.js'] = 'export async function search() {}\n';
  files['/sw.js'] = `// precache for ${spec.buildId}\nself.addEventListener('install', () => self.skipWaiting());\n`;

  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return writeBuildManifest(dir, { buildId: spec.buildId, commit: `commit-${spec.buildId}`, builtAt: '2026-11-22T08:00:00.000Z' }, { facts: {}, staleFacts: [] }, (await hashFiles(dir)).files);
}

/** `count` runbook ids, always the same ones: `rb-0001`, `rb-0002`, … */
export function runbookIds(count: number, from = 1): string[] {
  return Array.from({ length: count }, (_, i) => `rb-${String(from + i).padStart(4, '0')}`);
}
