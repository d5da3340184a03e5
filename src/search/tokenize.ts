/**
 * How search splits text into words, shared by the offline edition's index, the vocabulary the
 * site's search corrects typos against, and the queries themselves, so that all three agree.
 */

/** Lowercase words of letters and digits; `io2-csi` gives `io2`, `csi` and `io2-csi`. */
export function tokenize(text: string): string[] {
  const words = new Set<string>();
  for (const chunk of queryWords(text)) {
    if (chunk.length > 1) words.add(chunk);
    for (const part of chunk.split(/[._-]+/)) if (part.length > 1) words.add(part);
  }
  return [...words];
}

/** The words of a query as typed, in order and lowercased (names such as `io2-csi` kept whole). */
export function queryWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}._-]*/gu) ?? []).map((w) => w.replace(/[._-]+$/, ''));
}
