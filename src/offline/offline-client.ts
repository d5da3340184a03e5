/**
 * The script of the single-file offline edition (bundled and inlined by build-offline-edition):
 * one view at a time (the index, search results or one runbook) chosen by the URL hash, search
 * over the inlined index, and the web page's own copy buttons, decision trees and fact ages.
 * Works from `file://` with no network: no fetch, no modules, no service worker.
 */
import { handleCopyClick } from '../site/client/copy.ts';
import { initDecisionTrees } from '../site/client/decision-walker.ts';
import { showFactAges } from '../site/client/fact-age.ts';
import { searchIndex, type SearchIndex } from './search-index.ts';

const views = () => [...document.querySelectorAll<HTMLElement>('[data-view]')];

function show(view: HTMLElement, focus?: HTMLElement | null): void {
  for (const v of views()) v.hidden = v !== view;
  document.title = `${view.dataset.title ?? view.querySelector('h1')?.textContent ?? ''} · ${document.body.dataset.site}`;
  (focus ?? view).scrollIntoView({ block: 'start' });
}

/** `#rb-<id>` opens a runbook; any other id opens the view that holds it and scrolls to it. */
function route(): void {
  const id = decodeURIComponent(location.hash.slice(1));
  const target = id ? document.getElementById(id) : null;
  const view = target?.closest<HTMLElement>('[data-view]');
  if (!target || !view) return show(document.getElementById('index')!);
  show(view, target === view ? null : target);
}

function initSearch(index: SearchIndex): void {
  const input = document.querySelector<HTMLInputElement>('[data-offline-search]')!;
  const results = document.getElementById('search')!;
  const list = results.querySelector('ol')!;
  const summary = results.querySelector('[data-search-summary]')!;
  let timer = 0;
  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      const query = input.value.trim();
      if (!query) return route();
      const found = searchIndex(index, query);
      summary.textContent = `${found.length === 30 ? 'The first 30' : found.length} result${found.length === 1 ? '' : 's'} for “${query}”`;
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
      show(results);
    }, 120);
  });
}

document.documentElement.dataset.theme = matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
document.addEventListener('click', handleCopyClick);
initSearch(JSON.parse(document.getElementById('lb-search-index')!.textContent!) as SearchIndex);
initDecisionTrees({ urlUpdates: false });
showFactAges();
window.addEventListener('hashchange', route);
route();
