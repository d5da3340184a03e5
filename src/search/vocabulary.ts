/**
 * The words typo correction may correct towards: every word of three letters or more, letters
 * only, that the indexed texts (or the synonym groups) contain, most frequent first — the order
 * in which correct-query.ts prefers among equally close words.
 */
import type { SynonymGroup } from './synonyms.ts';
import { tokenize } from './tokenize.ts';

export function buildVocabulary(texts: Iterable<string>, groups: readonly SynonymGroup[] = []): string[] {
  const counts = new Map<string, number>();
  const add = (words: Iterable<string>) => {
    for (const word of words) if (word.length > 2 && /^\p{L}+$/u.test(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
  };
  for (const text of texts) add(tokenize(text));
  for (const group of groups) add(new Set(group.flat()));
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([word]) => word);
}
