/**
 * Helpers for collections whose size comes from outside (a cluster's namespaces, a deployed
 * site's files, a runbook's issues). `Math.max(...list)` and `target.push(...list)` pass every
 * item as an argument, and V8 runs out of stack at about 120,000 of them: a cluster with 130,000
 * namespaces crashed `check`. These loop instead, at any size.
 */

/** Appends every item of `items` to `target`, and returns `target`. */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** The largest `measure(item)`, or `empty` when there are no items. */
export function maxOf<T>(items: Iterable<T>, measure: (item: T) => number, empty = -Infinity): number {
  let max = empty;
  for (const item of items) {
    const value = measure(item);
    if (value > max) max = value;
  }
  return max;
}

/** The smallest `measure(item)`, or `empty` when there are no items. */
export function minOf<T>(items: Iterable<T>, measure: (item: T) => number, empty = Infinity): number {
  let min = empty;
  for (const item of items) {
    const value = measure(item);
    if (value < min) min = value;
  }
  return min;
}
