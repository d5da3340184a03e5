import { describe, expect, it } from 'vitest';
import { synonymGroups } from '../search/synonyms.ts';
import { buildSearchIndex, searchIndex, tokenize } from './search-index.ts';

describe("the offline edition's search", () => {
  it('splits names into their parts and keeps the whole name', () => {
    expect(tokenize('Remap io2-csi to gp3-csi, then run velero.restore!')).toEqual(
      expect.arrayContaining(['remap', 'io2-csi', 'io2', 'csi', 'gp3-csi', 'gp3', 'velero.restore', 'velero', 'restore', 'then', 'run']),
    );
    expect(tokenize('a I x')).toEqual([]);
  });

  const index = buildSearchIndex(
    [
      { doc: { anchor: 'rb-a--s1', runbook: 'A', title: 'Save the snapshot' }, text: 'etcdctl snapshot save on the informer host' },
      { doc: { anchor: 'rb-a--s2', runbook: 'A', title: 'Restore' }, text: 'etcdutl snapshot restore into a new data dir' },
      { doc: { anchor: 'rb-b--s1', runbook: 'B', title: 'Check PVCs' }, text: 'kubectl get pvc -n payments' },
      { doc: { anchor: 'rb-c', runbook: 'C', title: 'DNS failover' }, text: 'Move traffic with a DNS failover to the other region' },
      { doc: { anchor: 'rb-d', runbook: 'D', title: 'Region down' }, text: 'When the primary region is down, restore from backup' },
      { doc: { anchor: 'rb-e', runbook: 'E', title: 'Velero' }, text: 'velero restore create from the nightly backup' },
    ],
    synonymGroups([
      ['region down', 'region lost', 'failover'],
      ['backup', 'snapshot'],
    ]),
  );
  const anchors = (query: string, limit?: number) => searchIndex(index, query, limit).docs.map((d) => d.anchor);

  it('finds documents holding every word, the last one also as a prefix while typing', () => {
    expect(anchors('informer')).toEqual(['rb-a--s1']);
    expect(anchors('etcdutl rest')).toEqual(['rb-a--s2']);
    expect(anchors('snapshot rest')).toEqual(['rb-a--s2', 'rb-d', 'rb-e']);
    expect(anchors('PAYMENTS pvc')).toEqual(['rb-b--s1']);
    expect(anchors('informer payments')).toEqual([]);
    expect(anchors('  ')).toEqual([]);
  });

  it('forgives typos and says what it searched for instead', () => {
    expect(searchIndex(index, 'informr')).toMatchObject({ correctedTo: 'informer', changes: [{ from: 'informr', to: 'informer' }] });
    expect(anchors('informr')).toEqual(['rb-a--s1']);
    expect(anchors('velro')).toEqual(['rb-e']);
    expect(anchors('etcdutl snaphsot')).toEqual(['rb-a--s2']);
    expect(searchIndex(index, 'informer')).not.toHaveProperty('correctedTo');
  });

  it('finds a synonym as if it were the word typed, ranking pages that use the word typed first', () => {
    expect(anchors('region down')).toEqual(['rb-d', 'rb-c']);
    expect(anchors('failover')).toEqual(['rb-c', 'rb-d']);
    // "snapshot" is in both steps of A; "backup" in D and E: exact matches first.
    expect(anchors('snapshot')).toEqual(['rb-a--s1', 'rb-a--s2', 'rb-d', 'rb-e']);
    expect(anchors('velero backup')).toEqual(['rb-e']);
  });

  it('stops at the limit', () => {
    expect(anchors('snapshot', 1)).toHaveLength(1);
  });
});
