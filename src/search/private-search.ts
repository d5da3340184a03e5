/**
 * Search over private runbooks, in the site's search dialog, for the audiences this browser has
 * unlocked (issue 24). Pagefind never sees a private page, so each audience has a search file of
 * its own, sealed under a key kept in its keyring (src/private/seal-pages.ts): once the reader has
 * unlocked, the dialog fetches and opens it, builds the offline edition's word index from it
 * (src/offline/search-index.ts: typo correction included) and lists what matches above Pagefind's
 * results, under "Private runbooks". Before any unlock nothing is fetched and nothing is shown.
 *
 * It searches what was typed, not Pagefind's corrected query: the public vocabulary would
 * "correct" a word that only a private runbook contains.
 */
import { buildSearchIndex, searchIndex, type SearchIndex } from '../offline/search-index.ts';
import { openSearchText } from '../private/private-page.ts';
import { SEARCH_KEY } from '../private/sealed-page.ts';
import { remembered } from '../site/client/private-storage.ts';

/** The private runbooks' index of every audience unlocked here, or undefined when none is. */
async function loadIndex(base: string): Promise<SearchIndex | undefined> {
  const entries: Parameters<typeof buildSearchIndex>[0] = [];
  const seen = new Set<string>();
  for (const [audience, { keys }] of Object.entries(remembered().audiences)) {
    if (!keys[SEARCH_KEY]) continue;
    const response = await fetch(`${base}private/${encodeURIComponent(audience)}.search.json`).catch(() => undefined);
    const text = response?.ok ? await openSearchText(audience, keys[SEARCH_KEY], await response.json()) : undefined;
    // Keys of an older build, or a file not reachable offline: this audience is left out, as before an unlock.
    if (!text) continue;
    for (const runbook of text.runbooks) {
      if (seen.has(runbook.slug)) continue; // readable by two audiences unlocked here
      seen.add(runbook.slug);
      const page = `${base}runbooks/${runbook.slug}/`;
      entries.push({ doc: { anchor: page, runbook: runbook.title, title: runbook.title }, text: runbook.title });
      for (const step of runbook.steps) entries.push({ doc: { anchor: `${page}#${step.anchor}`, runbook: runbook.title, title: step.title }, text: step.text });
    }
  }
  return entries.length ? buildSearchIndex(entries) : undefined;
}

/** Adds the "Private runbooks" results to the dialog's search in `root`; does nothing when no audience is unlocked. */
export async function startPrivateSearch(root: HTMLElement, base: string): Promise<void> {
  const index = await loadIndex(base);
  const input = root.querySelector<HTMLInputElement>('input');
  if (!index || !input || root.querySelector('.lb-private-results')) return;
  const section = document.createElement('section');
  section.className = 'lb-private-results';
  section.setAttribute('aria-label', 'Private runbooks');
  section.hidden = true;
  const heading = document.createElement('p');
  heading.className = 'lb-private-results-heading';
  const list = document.createElement('ol');
  section.append(heading, list);
  const drawer = root.querySelector('.pagefind-ui__drawer');
  if (drawer) drawer.before(section);
  else root.append(section);
  let timer = 0;
  const search = () => {
    const query = input.value.trim();
    const found = query ? searchIndex(index, query, 10) : undefined;
    section.hidden = !found?.docs.length;
    if (!found?.docs.length) return list.replaceChildren();
    heading.textContent = `Private runbooks, unlocked in this browser${found.correctedTo ? ` (showing results for ${found.correctedTo})` : ''}`;
    list.replaceChildren(
      ...found.docs.map((doc) => {
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.href = doc.anchor;
        link.textContent = doc.title;
        item.append(link);
        if (doc.title !== doc.runbook) {
          const where = document.createElement('small');
          where.textContent = ` ${doc.runbook}`;
          item.append(where);
        }
        return item;
      }),
    );
  };
  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(search, 120);
  });
  search();
}
