import { describe, expect, it } from 'vitest';
import { buildSearchIndex, searchIndex, tokenize } from './search-index.ts';

describe("the offline edition's search", () => {
  it('splits names into their parts and keeps the whole name', () => {
    expect(tokenize('Remap io2-csi to gp3-csi, then run velero.restore!')).toEqual(
      expect.arrayContaining(['remap', 'io2-csi', 'io2', 'csi', 'gp3-csi', 'gp3', 'velero.restore', 'velero', 'restore', 'then', 'run']),
    );
    expect(tokenize('a I x')).toEqual([]);
  });

  const index = buildSearchIndex([
    { doc: { anchor: 'rb-a--s1', runbook: 'A', title: 'Save the snapshot' }, text: 'etcdctl snapshot save on the informer host' },
    { doc: { anchor: 'rb-a--s2', runbook: 'A', title: 'Restore' }, text: 'etcdutl snapshot restore into a new data dir' },
    { doc: { anchor: 'rb-b--s1', runbook: 'B', title: 'Check PVCs' }, text: 'kubectl get pvc -n payments' },
  ]);

  it('finds documents holding every word, the last one also as a prefix while typing', () => {
    expect(searchIndex(index, 'informer').map((d) => d.anchor)).toEqual(['rb-a--s1']);
    expect(searchIndex(index, 'snapshot').map((d) => d.anchor)).toEqual(['rb-a--s1', 'rb-a--s2']);
    expect(searchIndex(index, 'snapshot rest').map((d) => d.anchor)).toEqual(['rb-a--s2']);
    expect(searchIndex(index, 'PAYMENTS pvc').map((d) => d.anchor)).toEqual(['rb-b--s1']);
    expect(searchIndex(index, 'snapshot payments')).toEqual([]);
    expect(searchIndex(index, '  ')).toEqual([]);
  });

  it('stops at the limit', () => {
    expect(searchIndex(index, 'snapshot', 1)).toHaveLength(1);
  });
});
