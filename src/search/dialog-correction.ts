/**
 * Typo correction in the site's search dialog, loaded with the vocabulary when the dialog first
 * opens (Search.astro), never with a page. Pagefind's UI hands every query to `processTerm`
 * before searching; this corrects it and says so above the results — "Showing results for etcd
 * snapshot" — so the reader knows the results are not for what was typed.
 */
import { correctQuery, vocabularyOf } from './correct-query.ts';

/**
 * Fetches the vocabulary and returns the `processTerm` for Pagefind's UI inside `root`; searches
 * again what was typed while it loaded. Rejects if the vocabulary cannot be fetched.
 */
export async function startCorrection(root: HTMLElement, ui: { triggerSearch(term: string): void } | undefined): Promise<(term: string) => string> {
  const response = await fetch(`${import.meta.env.BASE_URL}search-vocabulary.json`);
  if (!response.ok) throw new Error(`search-vocabulary.json: HTTP ${response.status}`);
  const processTerm = correctingTerms(root, (await response.json()) as string[]);
  // Pagefind ignores a term equal to the last one, so it is told a different one: a space more or less.
  const typed = root.querySelector('input')?.value;
  // In a task of its own, so that the caller has installed processTerm before Pagefind calls it.
  if (typed?.trim()) setTimeout(() => ui?.triggerSearch(typed.endsWith(' ') ? typed.trimEnd() : `${typed} `));
  return processTerm;
}

/** A `processTerm` for Pagefind's UI inside `root`, correcting towards `words`. */
export function correctingTerms(root: HTMLElement, words: string[]): (term: string) => string {
  const vocabulary = vocabularyOf(words);
  const notice = document.createElement('p');
  notice.className = 'lb-search-correction';
  notice.setAttribute('role', 'status');
  notice.hidden = true;
  const place = () => {
    if (notice.isConnected) return;
    const drawer = root.querySelector('.pagefind-ui__drawer');
    drawer?.before(notice);
  };
  // Pagefind does not search an empty box, so the notice is cleared here.
  root.addEventListener('input', (event) => {
    if (!(event.target as HTMLInputElement).value?.trim()) notice.hidden = true;
  });
  return (term) => {
    // Pagefind matches every word as a prefix: a word that begins a known one is not a typo.
    const { query, changes } = correctQuery(term, vocabulary, { prefixes: 'all' });
    place();
    notice.hidden = changes.length === 0;
    if (changes.length) {
      const searched = document.createElement('strong');
      searched.textContent = query;
      notice.replaceChildren('Showing results for ', searched, ` (no page contains ${changes.map((c) => `“${c.from}”`).join(' or ')})`);
    }
    return query;
  };
}
