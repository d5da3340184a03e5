/**
 * The offline edition's own search index (Pagefind needs a server): words → the steps and
 * runbooks that contain them, as small integers, inlined in the page as JSON.
 */
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
}

/** Lowercase words of letters and digits; `io2-csi` gives `io2`, `csi` and `io2-csi`. */
export function tokenize(text: string): string[] {
  const words = new Set<string>();
  for (const chunk of text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}._-]*/gu) ?? []) {
    const clean = chunk.replace(/[._-]+$/, '');
    if (clean.length > 1) words.add(clean);
    for (const part of clean.split(/[._-]+/)) if (part.length > 1) words.add(part);
  }
  return [...words];
}

export function buildSearchIndex(entries: { doc: SearchDoc; text: string }[]): SearchIndex {
  const words: Record<string, number[]> = {};
  entries.forEach(({ text }, n) => {
    for (const word of tokenize(text)) (words[word] ??= []).push(n);
  });
  return { docs: entries.map((e) => e.doc), words };
}

/** Docs matching every word of `query`; the last word also matches as a prefix (typing). */
export function searchIndex(index: SearchIndex, query: string, limit = 30): SearchDoc[] {
  const terms = tokenize(query);
  if (terms.length === 0) return [];
  let result: Set<number> | undefined;
  terms.forEach((term, i) => {
    const isLast = i === terms.length - 1;
    const matches = new Set<number>();
    for (const [word, docs] of Object.entries(index.words)) {
      if (word === term || (isLast && word.startsWith(term))) for (const d of docs) matches.add(d);
    }
    result = result ? new Set([...result].filter((d) => matches.has(d))) : matches;
  });
  return [...(result ?? [])].slice(0, limit).map((n) => index.docs[n]!);
}
