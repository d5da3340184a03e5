/**
 * The offline edition's own search index (Pagefind needs a server): words → the steps and
 * runbooks that contain them, as small integers, built by the page from its runbooks. It forgives
 * typos (a word no step contains is corrected to the nearest one that some step does) and knows
 * the configured synonyms, which it applies when searching: this index can look for "this or
 * that", unlike Pagefind, so nothing is added to the pages.
 */
import { correctQuery, vocabularyOf, type Vocabulary } from '../search/correct-query.ts';
import { synonymUses, type SynonymGroup } from '../search/synonyms.ts';
import { queryWords, tokenize } from '../search/tokenize.ts';

export { tokenize };

export interface SearchDoc {
  /** Element id to go to. */
  anchor: string;
  runbook: string;
  title: string;
}

export interface SearchIndex {
  docs: SearchDoc[];
  /** word → doc numbers, ascending. */
  words: Record<string, number[]>;
  synonyms: readonly SynonymGroup[];
  /** Letters-only words, those in most docs first: what typos are corrected towards. */
  vocabulary: Vocabulary;
}

export interface SearchResult {
  docs: SearchDoc[];
  /** The query searched instead of the typed one, when a word of it was corrected. */
  correctedTo?: string;
  /** The typed words no doc contains, each with the word searched instead. */
  changes: { from: string; to: string }[];
}

export function buildSearchIndex(entries: { doc: SearchDoc; text: string }[], synonyms: readonly SynonymGroup[] = []): SearchIndex {
  const words: Record<string, number[]> = {};
  entries.forEach(({ text }, n) => {
    for (const word of tokenize(text)) (words[word] ??= []).push(n);
  });
  const ranked = Object.keys(words)
    .filter((w) => w.length > 2 && /^\p{L}+$/u.test(w))
    .sort((a, b) => words[b]!.length - words[a]!.length || (a < b ? -1 : 1));
  return { docs: entries.map((e) => e.doc), words, synonyms, vocabulary: vocabularyOf([...ranked, ...synonyms.flat(2).filter((w) => !words[w])]) };
}

/**
 * A condition every result meets: one typed word (the last also as a prefix, while typing), or a
 * synonym group (any member). `exact` holds the docs that match it as typed, which rank first.
 */
interface Clause {
  all: Set<number>;
  exact: Set<number>;
}

/** Docs matching every word of `query` (or a synonym of it), those matching it as typed first. */
export function searchIndex(index: SearchIndex, query: string, limit = 30): SearchResult {
  if (tokenize(query).length === 0) return { docs: [], changes: [] };
  const { query: searched, changes } = correctQuery(query, index.vocabulary, { prefixes: 'last' });
  const words = queryWords(searched);
  const uses = synonymUses(words, index.synonyms);
  const clauses: Clause[] = [];
  for (let i = 0; i < words.length; ) {
    const use = uses.find((u) => u.start === i);
    if (use) {
      const exact = phraseDocs(index, words.slice(use.start, use.end));
      const all = new Set(exact);
      for (const member of use.group) for (const d of phraseDocs(index, member)) all.add(d);
      clauses.push({ all, exact });
      i = use.end;
      continue;
    }
    const isLast = i === words.length - 1;
    for (const term of tokenize(words[i]!)) {
      const exact = new Set(index.words[term] ?? []);
      const all = new Set(exact);
      if (isLast) for (const [word, docs] of Object.entries(index.words)) if (word.startsWith(term)) for (const d of docs) all.add(d);
      clauses.push({ all, exact });
    }
    i++;
  }
  let found = [...clauses[0]!.all];
  for (const clause of clauses.slice(1)) found = found.filter((d) => clause.all.has(d));
  const exactness = new Map(found.map((d) => [d, clauses.filter((c) => c.exact.has(d)).length]));
  // Among docs as exact as each other, the index's order (runbooks, then their steps).
  found.sort((a, b) => exactness.get(b)! - exactness.get(a)! || a - b);
  return {
    docs: found.slice(0, limit).map((n) => index.docs[n]!),
    changes,
    ...(changes.length ? { correctedTo: searched } : {}),
  };
}

/** Docs holding every word of a phrase (not necessarily in a row: the index keeps no positions). */
function phraseDocs(index: SearchIndex, words: readonly string[]): Set<number> {
  const terms = tokenize(words.join(' '));
  let docs = new Set(index.words[terms[0]!] ?? []);
  for (const term of terms.slice(1)) docs = new Set((index.words[term] ?? []).filter((d) => docs.has(d)));
  return docs;
}
