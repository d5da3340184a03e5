/**
 * `lifeboat-offline.html`: every runbook of a finished build in one file that opens from
 * `file://` with no server — the pages' own content and styles, the copy buttons, decision
 * trees and diagrams (all packed, see packed-runbooks.ts), and a search index the page builds itself.
 * For laptops, and the USB stick in the binder. Private runbooks travel sealed, as their pages
 * publish them, with the keyrings to unlock them from `file://` (edition-private.ts).
 */
import { build } from 'esbuild';
import { readdirSync, readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BuildInfo } from '../site/build-info.ts';
import { escapeHtml } from '../site/markdown.ts';
import { offlinePolicy } from '../site/content-security-policy.ts';
import { extractLocked, lockedList, readAudienceFiles, scriptJson, type EditionKeyrings, type EditionLocked, type EditionPrivate } from './edition-private.ts';
import { extractRunbook, type ExtractedRunbook } from './extract-runbook.ts';
import { packRunbooks } from './packed-runbooks.ts';

export const OFFLINE_FILE = 'lifeboat-offline.html';

export interface OfflineEditionOptions {
  title: string;
  site?: string;
  info: BuildInfo;
  /** `search.synonyms` of the configuration, applied by the page's own search. */
  synonyms?: string[][];
}

export async function writeOfflineEdition(dir: string, options: OfflineEditionOptions): Promise<{ runbooks: number; locked: number; bytes: number }> {
  // Read synchronously: it runs in a process of its own (finish-pages.ts), and a thousand small
  // reads through the promise API's thread pool mostly wait on each other.
  const ids = readdirSync(join(dir, 'runbooks'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  const pages = ids.map((id) => readFileSync(join(dir, 'runbooks', id, 'index.html'), 'utf8'));
  const runbooks = pages.map((page) => extractRunbook(page, options.site)).filter((r): r is ExtractedRunbook => Boolean(r));
  // Private runbooks are sealed pages: their ciphertext, the audiences' keyrings and search files.
  const found = pages.map((page) => extractLocked(page, dir)).filter((r) => r !== undefined).sort((a, b) => (a.slug < b.slug ? -1 : 1));
  const audiences = found.length ? readAudienceFiles(dir, found[0]!.keyrings) : { keyrings: {}, search: {} };
  // The edition needs no folder: its keyrings are inline.
  const locked: EditionLocked[] = found.map(({ slug, audiences: who, payload }) => ({ slug, audiences: who, payload }));
  const css = await stylesOf(dir, pages[0] ?? '');
  const script = await bundleClient(locked.length > 0);
  const html = page(options, runbooks, css, script, packRunbooks(runbooks), { runbooks: locked, search: audiences.search }, audiences.keyrings);
  await writeFile(join(dir, OFFLINE_FILE), html);
  return { runbooks: runbooks.length, locked: locked.length, bytes: Buffer.byteLength(html) };
}

/** The site's stylesheets as a runbook page links them (print rules kept for printing). */
async function stylesOf(dir: string, sample: string): Promise<string> {
  const links = [...sample.matchAll(/<link rel="stylesheet" href="([^"]+)"( media="print")?>/g)];
  const parts = await Promise.all(
    links.map(async ([, href, print]) => {
      const text = await readFile(join(dir, href!), 'utf8').catch(() => '');
      return print ? `@media print{${text}}` : text;
    }),
  );
  return parts.join('\n').replace(/<\/style/gi, '<\\/style');
}

/** The edition's script; the code of private runbooks only in a file that has some. */
async function bundleClient(withPrivate: boolean): Promise<string> {
  const result = await build({
    define: { LIFEBOAT_EDITION_PRIVATE: String(withPrivate) },
    entryPoints: [new URL('./offline-client.ts', import.meta.url).pathname],
    bundle: true,
    format: 'iife',
    minify: true,
    target: 'es2020',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text.replace(/<\/script/gi, '<\\/script');
}

function page(options: OfflineEditionOptions, runbooks: ExtractedRunbook[], css: string, script: string, packed: string, sealed: EditionPrivate, keyrings: EditionKeyrings): string {
  const e = escapeHtml;
  const byService = Map.groupBy(runbooks, (r) => r.service);
  const services = [...byService.keys()].sort();
  const built = `${options.info.builtAt.replace('T', ' ').slice(0, 16)} UTC`;
  const list = services
    .map((service) => {
      const items = byService.get(service)!.sort((a, b) => a.tier.localeCompare(b.tier) || a.title.localeCompare(b.title));
      return `<h2>${e(service)}</h2><ul>${items.map((r) => `<li><a href="#rb-${e(r.id)}">${e(r.title)}</a> <small>${e(r.tier)}</small></li>`).join('')}</ul>`;
    })
    .join('');
  return `<!doctype html>
<html lang="en" dir="ltr" data-theme="light">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${offlinePolicy(script)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(options.title)} · offline edition</title>
<style>${css}</style>
<style>
body.lb-offline{margin:0 auto;max-width:56rem;padding:0 1rem 4rem;background:var(--sl-color-bg);color:var(--sl-color-text);font-family:var(--__sl-font)}
.lb-offline-header{position:sticky;top:0;z-index:10;display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;padding:.75rem 0;background:var(--sl-color-bg);border-bottom:1px solid var(--sl-color-gray-5)}
.lb-offline-header input{flex:1;min-width:12rem;min-height:2.5rem;padding:0 .75rem;font:inherit;color:var(--sl-color-white);background:var(--sl-color-gray-6);border:1px solid var(--sl-color-gray-4);border-radius:.375rem}
.lb-offline-header small{color:var(--sl-color-gray-3)}
.lb-offline [id]{scroll-margin-top:7rem}
</style>
</head>
<body class="lb-offline" data-site="${e(options.title)}"${options.site ? ` data-online="${e(options.site)}"` : ''}>
<header class="lb-offline-header not-content">
<a href="#index"><strong>${e(options.title)}</strong></a>
<input type="search" placeholder="Search every runbook" aria-label="Search every runbook" data-offline-search disabled>
<small>Offline edition · built ${e(built)} from commit ${e(options.info.commit.slice(0, 12))}${options.site ? ` · online: <a href="${e(options.site)}">${e(options.site)}</a>` : ''}</small>
</header>
<main class="sl-markdown-content">
<noscript><p class="lb-stale-banner">This file keeps its ${runbooks.length} runbooks compressed and needs JavaScript to open them. Without it, use the printed binder (binder.pdf) or the online site.</p></noscript>
<section id="index" data-view data-title="All runbooks"><h1>All runbooks</h1><p>${runbooks.length} runbooks, built <time datetime="${e(options.info.builtAt)}" data-lb-age>${e(built)}</time>. Facts in this copy are as old as the build; check the age shown on each runbook.</p>${list}${lockedList(sealed.runbooks)}</section>
<section id="search" data-view data-title="Search" hidden><h1>Search</h1><p data-search-correction role="status" hidden></p><p data-search-summary></p><ol></ol></section>
<article id="runbook" data-view hidden></article>
</main>
<script type="application/octet-stream" id="lb-runbooks">${packed}</script>
${sealed.runbooks.length ? `<script type="application/json" id="lb-private">${scriptJson(sealed)}</script>\n<script type="application/json" id="lb-keyrings">${scriptJson(keyrings)}</script>\n` : ''}<script type="application/json" id="lb-synonyms">${JSON.stringify(options.synonyms ?? []).replace(/</g, '\\u003c')}</script>
<script>${script}</script>
</body>
</html>
`;
}
