import { describe, expect, it } from 'vitest';
import { createFindingLimit } from './finding-limit.ts';

describe('createFindingLimit', () => {
  it('lists the first findings of a code per file, then counts the rest into one summary', () => {
    const limit = createFindingLimit(2);
    const admitted = ['a', 'a', 'a', 'a', 'b'].map((file) => limit.admit(`${file}.yaml`, 'NamespaceNotFound'));
    expect(admitted).toEqual([true, true, false, false, true]);
    expect(limit.admit('a.yaml', 'ServiceNotFound')).toBe(true);
    expect(limit.summaries(() => false).map((i) => `${i.file} ${i.code} ${i.severity}: ${i.message}`)).toEqual([
      'a.yaml FindingsNotListed warning: 2 more NamespaceNotFound findings in this file are not listed: only the first 2 are.',
    ]);
    expect(limit.summaries((code) => code === 'NamespaceNotFound')).toEqual([]);
  });
});
