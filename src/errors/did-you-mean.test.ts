import { describe, expect, it } from 'vitest';
import { didYouMean, listNames } from './did-you-mean.ts';

describe('didYouMean', () => {
  it('finds typos, transpositions included, and scales the tolerance with length', () => {
    expect(didYouMean('Stpe', ['Step', 'Command', 'Expect'])).toBe('Step');
    expect(didYouMean('expcet', ['expect', 'run'])).toBe('expect');
    expect(didYouMean('restart-pod', ['restart-pods', 'drain'])).toBe('restart-pods');
    expect(didYouMean('c', ['a', 'b'])).toBeUndefined();
    expect(didYouMean('payments', ['ledger', 'checkout'])).toBeUndefined();
  });

  it('suggests the shortest candidate that extends the input', () => {
    expect(didYouMean('gp3', ['standard', 'gp3-csi-encrypted', 'gp3-csi'])).toBe('gp3-csi');
  });

  it('accepts a one-shot iterator (Map keys), among thousands of candidates', () => {
    const many = () => new Map(Array.from({ length: 5000 }, (_, i) => [`crd-${i}.example.com`, i])).keys();
    expect(didYouMean('crd-4999.exampel.com', many())).toBe('crd-4999.example.com');
    expect(didYouMean('crd-4999', many())).toBe('crd-4999.example.com');
  });

  it('lists names with a count of the rest', () => {
    expect(listNames(['a', 'b', 'c'], 2)).toBe('"a", "b", … (1 more)');
  });
});
