import { describe, expect, it } from 'vitest';
import { didYouMean, listNames } from '../errors/did-you-mean.ts';
import { appendAll, maxOf, minOf } from './collections.ts';

/** Well past the ~120,000 arguments at which a spread into a call overflows V8's stack. */
const HUGE = 500_000;

describe('collection helpers at cluster sizes', () => {
  const names = Array.from({ length: HUGE }, (_, i) => `namespace-${i}`);

  it('append, measure the largest and the smallest of 500,000 items without a stack overflow', () => {
    expect(appendAll(['first'], names)).toHaveLength(HUGE + 1);
    expect(maxOf(names, (n) => n.length)).toBe('namespace-499999'.length);
    expect(minOf(names, (n) => n.length)).toBe('namespace-0'.length);
    expect(maxOf([], (n: string) => n.length, 0)).toBe(0);
  });

  it('suggest a name among 500,000, and list them for a hint', () => {
    expect(didYouMean('namespace-49999x', names)).toBe('namespace-49999');
    expect(listNames(names, 2)).toBe(`"namespace-0", "namespace-1", … (${HUGE - 2} more)`);
  });
});
