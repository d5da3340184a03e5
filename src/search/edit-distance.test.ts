import { describe, expect, it } from 'vitest';
import { editDistance } from './edit-distance.ts';

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions as one edit each', () => {
    expect(editDistance('velro', 'velero', 2)).toBe(1);
    expect(editDistance('snapshot', 'snaphot', 2)).toBe(1);
    expect(editDistance('restpre', 'restore', 2)).toBe(1);
    expect(editDistance('kubectl', 'kubectl', 2)).toBe(0);
  });

  it('counts swapped neighbours as one edit, not two', () => {
    expect(editDistance('snaphsot', 'snapshot', 2)).toBe(1);
    expect(editDistance('ectd', 'etcd', 2)).toBe(1);
  });

  it('stops at the bound: anything further is bound + 1', () => {
    expect(editDistance('failover', 'restore', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
    expect(editDistance('velro', 'valero', 1)).toBe(2);
    expect(editDistance('velerooo', 'velero', 2)).toBe(2);
  });
});
