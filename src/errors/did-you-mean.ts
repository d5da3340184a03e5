/**
 * Edit distance between two short strings where swapping two neighbouring letters counts as one
 * edit (optimal string alignment), because `Stpe` for `Step` is the most common typo of all.
 */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The closest candidate to `input`, or undefined when nothing is close enough to be a typo.
 * "Close enough" scales with length so `tier`→`tiers` matches but `c`→`a` does not.
 */
export function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  const needle = input.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of candidates) {
    const score = distance(needle, candidate.toLowerCase());
    if (score < bestScore) [best, bestScore] = [candidate, score];
  }
  // One edit per three characters; ids of one or two characters are too short to guess at.
  const allowed = Math.floor(needle.length / 3);
  if (bestScore <= allowed) return best;
  // A candidate that merely extends the input is a likely intent: "gp3" → "gp3-csi".
  if (needle.length >= 3) {
    const extensions = [...candidates].filter((c) => c.toLowerCase().startsWith(needle)).sort((a, b) => a.length - b.length);
    if (extensions[0]) return extensions[0];
  }
  return undefined;
}

/** Lists up to `max` names for a hint: `gp3-csi, standard, … (12 more)`. */
export function listNames(names: readonly string[], max = 8): string {
  const shown = names.slice(0, max).map((n) => `"${n}"`).join(', ');
  return names.length > max ? `${shown}, … (${names.length - max} more)` : shown;
}
