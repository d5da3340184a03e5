/**
 * Typo correction in the site's search dialog, loaded with the vocabulary when the dialog first
 * opens (Search.astro), never with a page. Pagefind's UI hands every query to `processTerm`
 * before searching; this corrects it and says so above the results — "Showing results for etcd
 * snapshot" — so the reader knows the results are not for what was typed.
 */
import { correctQuery, vocabularyOf } from './correct-query.ts';

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
