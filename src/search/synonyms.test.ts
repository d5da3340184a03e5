import { describe, expect, it } from 'vitest';
import { synonymGroups, synonymsOf, synonymUses } from './synonyms.ts';

const groups = synonymGroups([
  ['Region down', 'region lost', 'failover'],
  ['backup', 'snapshot'],
  ['  ', 'alone'],
]);

describe('synonym groups', () => {
  it('normalises members to lowercase words and drops groups left with one member', () => {
    expect(groups).toEqual([[['region', 'down'], ['region', 'lost'], ['failover']], [['backup'], ['snapshot']]]);
  });

  it('indexes a text under every member of each group it mentions, phrases only as a whole', () => {
    expect(synonymsOf('Then hand over to DNS failover.', groups)).toEqual(['region down', 'region lost', 'failover']);
    expect(synonymsOf('eu-west-1 is lost, the region is gone', groups)).toEqual([]);
    expect(synonymsOf('When the REGION — lost — cannot…', groups)).toEqual(['region down', 'region lost', 'failover']);
    expect(synonymsOf('Take a snapshot', groups)).toEqual(['backup', 'snapshot']);
    expect(synonymsOf('snapshots', groups)).toEqual([]);
  });

  it('finds the members a query uses, the longest first', () => {
    expect(synonymUses(['region', 'down', 'now'], groups)).toEqual([{ start: 0, end: 2, group: groups[0] }]);
    expect(synonymUses(['etcd', 'backup'], groups)).toEqual([{ start: 1, end: 2, group: groups[1] }]);
    expect(synonymUses(['region'], groups)).toEqual([]);
  });
});
