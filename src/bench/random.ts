/**
 * A small seeded random source for the benchmark corpus: the same seed gives the same runbook on
 * every machine and every run, so figures measured on different days compare like with like.
 */

/** Draws from one seeded sequence (mulberry32: fast, and good enough to shape test data). */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** A whole number from `min` to `max`, both included. */
  int(min: number, max: number): number;
  /** One element of `items`. */
  pick<T>(items: readonly T[]): T;
  /** `count` distinct elements of `items`, in their original order. */
  sample<T>(items: readonly T[], count: number): T[];
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One value by weight, e.g. `weighted([[0, 2], [3, 1]])` gives 0 two times in three. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T;
}

/** A random source seeded by `seed` (any whole number). */
export function seededRandom(seed: number): Random {
  let state = (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) >>> 0) || 1;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: (items) => items[int(0, items.length - 1)]!,
    sample(items, count) {
      const chosen = new Set<number>();
      while (chosen.size < Math.min(count, items.length)) chosen.add(int(0, items.length - 1));
      return [...chosen].sort((a, b) => a - b).map((i) => items[i]!);
    },
    chance: (p) => next() < p,
    weighted(choices) {
      let roll = next() * choices.reduce((sum, [, w]) => sum + w, 0);
      for (const [value, weight] of choices) if ((roll -= weight) < 0) return value;
      return choices.at(-1)![0];
    },
  };
}
