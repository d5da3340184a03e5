import { describe, expect, it } from 'vitest';
import { allowedEdits, closestWord, correctQuery, vocabularyOf } from './correct-query.ts';

const vocabulary = vocabularyOf(['restore', 'snapshot', 'velero', 'etcd', 'cluster', 'failover', 'region', 'down', 'snapshots', 'valero', 'dns', 'storage']);

describe('typo correction of queries', () => {
  it('replaces a word no page contains by the closest word one does', () => {
    expect(correctQuery('etcd snaphot', vocabulary, { prefixes: 'all' })).toEqual({ query: 'etcd snapshot', changes: [{ from: 'snaphot', to: 'snapshot' }] });
    expect(correctQuery('Velro', vocabulary, { prefixes: 'all' }).query).toBe('velero');
    expect(correctQuery('snaphsot restroe', vocabulary, { prefixes: 'all' }).query).toBe('snapshot restore');
  });

  it('forgives one edit in short words and two in long ones', () => {
    expect(allowedEdits('dns')).toBe(0);
    expect(allowedEdits('velro')).toBe(1);
    expect(allowedEdits('failovr')).toBe(2);
    expect(correctQuery('clustr', vocabulary, { prefixes: 'all' }).query).toBe('cluster');
    expect(correctQuery('falovr', vocabulary, { prefixes: 'all' }).changes).toEqual([]);
    expect(correctQuery('faiolvr', vocabulary, { prefixes: 'all' }).query).toBe('failover');
  });

  it('leaves alone words that exist, numbers, names with digits or dots and words under four letters', () => {
    for (const query of ['valero restore', 'restore 503', 'io2-csi', 'v1.2', 'dsn', 'etcd', 'eu-west-1']) {
      expect(correctQuery(query, vocabulary, { prefixes: 'all' })).toEqual({ query, changes: [] });
    }
  });

  it('leaves alone a word being typed that begins a known word', () => {
    expect(correctQuery('snaps', vocabulary, { prefixes: 'all' }).changes).toEqual([]);
    expect(correctQuery('restor etcd', vocabulary, { prefixes: 'last' }).query).toBe('restore etcd');
    expect(correctQuery('etcd restor', vocabulary, { prefixes: 'last' }).changes).toEqual([]);
  });

  it('leaves a word with nothing near enough as typed', () => {
    expect(correctQuery('kubernetes', vocabulary, { prefixes: 'all' })).toEqual({ query: 'kubernetes', changes: [] });
  });

  it('prefers the closest word, then the more frequent one', () => {
    // "velero" comes before "valero" in the vocabulary, so it is the more frequent.
    expect(closestWord('vlero', vocabulary)).toBe('velero');
    expect(closestWord('snapshotz', vocabulary)).toBe('snapshot');
    expect(closestWord('snapshotx', vocabularyOf(['snapshots', 'snapshot']))).toBe('snapshots');
  });
});
