import { maxOf } from '../util/collections.ts';

/**
 * Edit distance between two short strings where swapping two neighbouring letters counts as one
 * edit (optimal string alignment), because `Stpe` for `Step` is the most common typo of all.
 * Bounded: anything beyond `limit` returns `limit + 1` early, so checking a name against
 * thousands of candidates (every CRD in a cluster) costs microseconds, not seconds.
 */
function distance(a: string, b: string, limit: number, rows: Uint16Array[]): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let [before, previous, current] = rows as [Uint16Array, Uint16Array, Uint16Array];
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length]!;
}

/**
 * The closest candidate to `input`, or undefined when nothing is close enough to be a typo.
 * "Close enough" scales with length so `tier`→`tiers` matches but `c`→`a` does not.
 */
export function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  const needle = input.toLowerCase();
  const list = [...candidates];
  // One edit per three characters; ids of one or two characters are too short to guess at.
  const allowed = Math.floor(needle.length / 3);
  let best: string | undefined;
  let bestScore = allowed + 1;
  const width = maxOf(list, (c) => c.length, 0) + 1;
  const rows = [new Uint16Array(width), new Uint16Array(width), new Uint16Array(width)];
  for (const candidate of list) {
    const score = distance(needle, candidate.toLowerCase(), bestScore - 1, rows);
    if (score < bestScore) [best, bestScore] = [candidate, score];
  }
  if (best !== undefined) return best;
  // A candidate that merely extends the input is a likely intent: "gp3" → "gp3-csi".
  if (needle.length >= 3) {
    const extensions = list.filter((c) => c.toLowerCase().startsWith(needle)).sort((a, b) => a.length - b.length);
    if (extensions[0]) return extensions[0];
  }
  return undefined;
}

/** Lists up to `max` names for a hint: `gp3-csi, standard, … (12 more)`. */
export function listNames(names: readonly string[], max = 8): string {
  const shown = names.slice(0, max).map((n) => `"${n}"`).join(', ');
  return names.length > max ? `${shown}, … (${names.length - max} more)` : shown;
}
