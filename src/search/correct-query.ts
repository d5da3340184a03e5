/**
 * Typo correction for search queries: a word that no page contains is replaced by the closest
 * word that some page does ("velro" → "velero", "snaphot" → "snapshot"), so a query typed in a
 * hurry finds what the correct spelling finds. Words that exist are never touched, nor are
 * numbers, names with digits or punctuation (`io2-csi`, `v1.2`) and words under four letters,
 * where one edit reaches too many other words to guess well.
 */
import { editDistance } from './edit-distance.ts';
import { queryWords } from './tokenize.ts';

export interface Vocabulary {
  /** Every word pages contain, most frequent first: among equally close words the commoner wins. */
  words: readonly string[];
  known: ReadonlySet<string>;
}

export interface CorrectedQuery {
  /** The query to run: the typed one unchanged when nothing was corrected. */
  query: string;
  /** What was replaced, in query order; empty when nothing was. */
  changes: { from: string; to: string }[];
}

export interface CorrectOptions {
  /**
   * Which words count as found when they begin a known word: `all` where the search engine
   * matches every word as a prefix (Pagefind), `last` where only the word being typed is.
   */
  prefixes: 'all' | 'last';
}

export function vocabularyOf(words: readonly string[]): Vocabulary {
  return { words, known: new Set(words) };
}

/** Edits forgiven in a word: one up to six letters, two from seven. */
export function allowedEdits(word: string): number {
  return word.length < 4 ? 0 : word.length < 7 ? 1 : 2;
}

export function correctQuery(query: string, vocabulary: Vocabulary, options: CorrectOptions): CorrectedQuery {
  const words = queryWords(query);
  const changes: CorrectedQuery['changes'] = [];
  const corrected = words.map((word, i) => {
    const prefixOk = options.prefixes === 'all' || i === words.length - 1;
    const better = isCorrectable(word, vocabulary, prefixOk) ? closestWord(word, vocabulary) : undefined;
    if (!better) return word;
    changes.push({ from: word, to: better });
    return better;
  });
  return { query: changes.length ? corrected.join(' ') : query, changes };
}

function isCorrectable(word: string, vocabulary: Vocabulary, prefixOk: boolean): boolean {
  if (allowedEdits(word) === 0 || !/^\p{L}+$/u.test(word) || vocabulary.known.has(word)) return false;
  return !(prefixOk && vocabulary.words.some((known) => known.startsWith(word)));
}

/** The nearest known word within the edits allowed, or undefined when none is near enough. */
export function closestWord(word: string, vocabulary: Vocabulary): string | undefined {
  let best: string | undefined;
  let bestDistance = allowedEdits(word) + 1;
  for (const known of vocabulary.words) {
    const d = editDistance(word, known, bestDistance - 1);
    if (d < bestDistance) {
      best = known;
      bestDistance = d;
      if (d === 1) break;
    }
  }
  return best;
}
