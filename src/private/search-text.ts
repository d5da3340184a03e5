/**
 * What an audience's search file holds once opened (written by src/private/seal-pages.ts, read by
 * src/search/private-search.ts in the page): the text of each private runbook it may read, step by
 * step. Apart from both so that the page's script takes no build code with it.
 */

export interface PrivateSearchText {
  v: 1;
  runbooks: { slug: string; title: string; steps: { anchor: string; title: string; text: string }[] }[];
}

/**
 * The keyring entry of an audience's search key, beside the pages' keys (by slug). Not a slug:
 * slugs are ids or base32, neither of which starts with "#".
 */
export const SEARCH_KEY = '#search';
