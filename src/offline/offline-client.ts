/**
 * The script of the single-file offline edition (bundled and inlined by build-offline-edition):
 * unpacks the gzip-compressed runbooks with the browser's DecompressionStream, shows one view at
 * a time (the index, search results or one runbook) chosen by the URL hash, searches an index it
 * builds from the runbooks' steps on first use, and runs the web page's own copy buttons,
 * decision trees and fact ages. Works from `file://` with no network: no fetch of another file,
 * no modules, no service worker. Private runbooks stay sealed until unlocked in the page
 * (offline-private.ts).
 */
import { addCopyButtons, handleCopyClick } from '../site/client/copy.ts';
import { initDecisionTrees } from '../site/client/decision-walker.ts';
import { initDrillMode } from '../site/client/drill-mode.ts';
import { initIncidentMode } from '../site/client/incident-mode.ts';
import { showFactAges, updateFactAges } from '../site/client/fact-age.ts';
import { keepWordsWhole } from '../site/client/keep-words-whole.ts';
import { stepSections } from './extract-runbook.ts';
import { editionPrivateRunbooks, type EditionPrivateRunbooks, type LockedEntry } from './offline-private.ts';
import type { PackedRunbook } from './packed-runbooks.ts';
import { synonymGroups } from '../search/synonyms.ts';
import { buildSearchIndex, searchIndex, type SearchIndex } from './search-index.ts';

/**
 * Set by the build (build-offline-edition.ts): whether this file carries private runbooks. Without
 * them, their code (the unlock, the decryption: ~17 KB) is left out of the bundle.
 */
declare const LIFEBOAT_EDITION_PRIVATE: boolean;

const byId = new Map<string, PackedRunbook>();
/** Set once the runbooks are unpacked, in a file that has private runbooks. */
let locked: EditionPrivateRunbooks | undefined;
const article = () => document.getElementById('runbook')!;
const views = () => [...document.querySelectorAll<HTMLElement>('[data-view]')];

async function unpack(): Promise<PackedRunbook[]> {
  const packed = document.getElementById('lb-runbooks')!.textContent!.trim();
  const bytes = Uint8Array.from(atob(packed), (c) => c.charCodeAt(0));
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return JSON.parse(await new Response(stream).text()) as PackedRunbook[];
}

function show(view: HTMLElement, title: string, focus?: HTMLElement | null): void {
  for (const v of views()) v.hidden = v !== view;
  document.title = `${title} · ${document.body.dataset.site}`;
  (focus ?? view).scrollIntoView({ block: 'start' });
}

type Found = { runbook: PackedRunbook; locked?: undefined } | { runbook?: undefined; locked: LockedEntry };

/**
 * `rb-<id>` or `rb-<id>--<anchor>`: the runbook an edition anchor belongs to (ids may hold `--`),
 * public, or private by its slug.
 */
function runbookOf(anchor: string): Found | undefined {
  if (!anchor.startsWith('rb-')) return undefined;
  const rest = anchor.slice(3);
  for (let end = rest.length; end > 0; end = rest.lastIndexOf('--', end - 1)) {
    const key = rest.slice(0, end);
    const runbook = byId.get(key);
    if (runbook) return { runbook };
    const entry = locked?.lookup(key);
    if (entry) return { locked: entry };
  }
  return undefined;
}

function render(found: Found): void {
  const view = article();
  const id = found.runbook?.id ?? found.locked!.slug;
  if (view.dataset.runbook === id) return;
  view.dataset.runbook = id;
  if (found.locked) return locked!.render(view, found.locked);
  const runbook = found.runbook;
  view.innerHTML = `<p><a href="#index">All runbooks</a></p><h1 id="rb-${runbook.id}"></h1>${runbook.html}`;
  view.querySelector('h1')!.textContent = runbook.title;
  addCopyButtons(view);
  keepWordsWhole(view);
  initDecisionTrees({ urlUpdates: false, within: view });
  initIncidentMode(view); // the same incident mode, in this file's own localStorage
  initDrillMode(view); // and drill mode
  updateFactAges();
}

function route(): void {
  const id = decodeURIComponent(location.hash.slice(1));
  const found = runbookOf(id);
  if (found) {
    render(found);
    const target = document.getElementById(id);
    return show(article(), found.runbook?.title ?? locked!.title(found.locked!), target?.tagName === 'H1' ? null : target);
  }
  const other = id ? document.getElementById(id)?.closest<HTMLElement>('[data-view]') : null;
  show(other ?? document.getElementById('index')!, other?.dataset.title ?? 'All runbooks');
}

/** Set by initSearch: drops the search index (private runbooks joined it) and searches again. */
let searchAgain = () => {};

function initSearch(runbooks: PackedRunbook[]): void {
  const input = document.querySelector<HTMLInputElement>('[data-offline-search]')!;
  const results = document.getElementById('search')!;
  const list = results.querySelector('ol')!;
  const summary = results.querySelector('[data-search-summary]')!;
  const correction = results.querySelector<HTMLElement>('[data-search-correction]')!;
  let index: SearchIndex | undefined;
  let timer = 0;
  input.disabled = false;
  searchAgain = () => {
    index = undefined;
    if (input.value.trim() && !results.hidden) input.dispatchEvent(new Event('input'));
  };
  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      const query = input.value.trim();
      if (!query) return route();
      index ??= buildSearchIndex(
        [
          ...runbooks.map((r) => ({ doc: { anchor: `rb-${r.id}`, runbook: r.service, title: r.title }, text: `${r.title} ${r.service} ${r.id}` })),
          ...runbooks.flatMap((r) => stepSections(r.html).map((s) => ({ doc: { anchor: s.anchor, runbook: r.title, title: s.title }, text: s.text }))),
          // Private runbooks, once unlocked: none before.
          ...(locked?.searchEntries() ?? []),
        ],
        synonymGroups(JSON.parse(document.getElementById('lb-synonyms')?.textContent || '[]') as string[][]),
      );
      const { docs: found, correctedTo, changes } = searchIndex(index, query);
      summary.textContent = `${found.length === 30 ? 'The first 30' : found.length} result${found.length === 1 ? '' : 's'} for “${correctedTo ?? query}”`;
      // Say what was searched instead, so a corrected word is not mistaken for the typed one.
      correction.hidden = !correctedTo;
      correction.textContent = correctedTo
        ? `Showing results for ${correctedTo}: no runbook contains ${changes.map((c) => `“${c.from}”`).join(' or ')}.`
        : '';
      list.replaceChildren(
        ...found.map((doc) => {
          const li = document.createElement('li');
          const link = document.createElement('a');
          link.href = `#${doc.anchor}`;
          link.textContent = doc.title;
          const where = document.createElement('small');
          where.textContent = ` ${doc.runbook}`;
          li.append(link, where);
          return li;
        }),
      );
      show(results, 'Search');
    }, 120);
  });
}

document.documentElement.dataset.theme = matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
document.addEventListener('click', handleCopyClick);
showFactAges();
void unpack().then((runbooks) => {
  for (const runbook of runbooks) byId.set(runbook.id, runbook);
  if (LIFEBOAT_EDITION_PRIVATE) locked = editionPrivateRunbooks(() => searchAgain());
  document.body.dataset.ready = 'true';
  initSearch(runbooks);
  window.addEventListener('hashchange', route);
  route();
  // Keys remembered from an earlier unlock (this session, or this device) open search right away.
  locked?.openSearch();
});
