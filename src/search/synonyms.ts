/**
 * Synonym groups (`search.synonyms` in the configuration): words and phrases an on-call may use
 * for the same thing ("region down", "region lost", "failover"). A member matches text that holds
 * its words in a row, whatever the case and punctuation between them.
 */
import { queryWords } from './tokenize.ts';

/** A group as lists of words: `["region down", "failover"]` → `[["region", "down"], ["failover"]]`. */
export type SynonymGroup = string[][];

export function synonymGroups(config: readonly (readonly string[])[]): SynonymGroup[] {
  return config.map((group) => group.map((member) => queryWords(member)).filter((words) => words.length > 0)).filter((group) => group.length > 1);
}

/**
 * The members of every group that `text` mentions, for a page to be indexed under: a page that
 * says "failover" is then found by "region down" too. Search engines that need every query word
 * on the page (Pagefind) cannot be told "this or that" at query time, so synonyms go in the index.
 */
export function synonymsOf(text: string, groups: readonly SynonymGroup[]): string[] {
  const haystack = ` ${queryWords(text).join(' ')} `;
  return groups.filter((group) => group.some((member) => haystack.includes(` ${member.join(' ')} `))).flatMap((group) => group.map((member) => member.join(' ')));
}

/** Where a query uses a member of a group: words `start` to `end` (exclusive) stand for any of `group`. */
export interface SynonymUse {
  start: number;
  end: number;
  group: SynonymGroup;
}

/** Uses of group members in a query's words, longest first and without overlaps. */
export function synonymUses(words: readonly string[], groups: readonly SynonymGroup[]): SynonymUse[] {
  const uses: SynonymUse[] = [];
  for (let start = 0; start < words.length; ) {
    let found: SynonymUse | undefined;
    for (const group of groups) {
      for (const member of group) {
        const end = start + member.length;
        if (end > (found?.end ?? start) && end <= words.length && member.every((w, k) => words[start + k] === w)) found = { start, end, group };
      }
    }
    if (found) uses.push(found);
    start = found ? found.end : start + 1;
  }
  return uses;
}
