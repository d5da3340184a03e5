import { describe, expect, it } from 'vitest';
import { synonymGroups } from './synonyms.ts';
import { buildVocabulary } from './vocabulary.ts';

describe('the vocabulary typo correction corrects towards', () => {
  it('holds the words of three letters or more, most frequent first, without numbers', () => {
    expect(buildVocabulary(['Restore the etcd snapshot', 'etcd snapshot save', 'etcd 503 io2-csi'])).toEqual(['etcd', 'snapshot', 'csi', 'restore', 'save', 'the']);
  });

  it('holds the words of synonym groups, so they are never corrected away', () => {
    expect(buildVocabulary(['failover'], synonymGroups([['region outage', 'failover']]))).toEqual(['failover', 'outage', 'region']);
  });
});
