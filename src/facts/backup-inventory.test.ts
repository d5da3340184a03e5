import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { summarize } from './backup-inventory.ts';

const gz = (value: unknown) => gzipSync(typeof value === 'string' ? value : JSON.stringify(value));

describe('a Velero inventory, summarized', () => {
  it('keeps namespaces (named and implied), counts per type and CRD names, and no other name', () => {
    const summary = summarize(gz({
      'v1/Namespace': ['payments'],
      'v1/Secret': ['payments/stripe-key', 'ledger/db-password'],
      'v1/PersistentVolume': ['pvc-123'],
      'apiextensions.k8s.io/v1/CustomResourceDefinition': ['clusters.postgresql.cnpg.io'],
      'apiextensions.k8s.io/v1beta1/CustomResourceDefinition': ['clusters.postgresql.cnpg.io', 'old.example.com'],
      'postgresql.cnpg.io/v1/Cluster': ['ledger/ledger-db'],
    }), 's3://b/k');
    expect(summary).toEqual({
      status: 'ok',
      namespaces: ['ledger', 'payments'],
      resources: {
        'apiextensions.k8s.io/v1/CustomResourceDefinition': 1, 'apiextensions.k8s.io/v1beta1/CustomResourceDefinition': 2,
        'postgresql.cnpg.io/v1/Cluster': 1, 'v1/Namespace': 1, 'v1/PersistentVolume': 1, 'v1/Secret': 2,
      },
      crds: ['clusters.postgresql.cnpg.io', 'old.example.com'],
    });
    expect(JSON.stringify(summary)).not.toMatch(/stripe-key|db-password|pvc-123|ledger-db/);
  });

  it('says what is wrong with what is not an inventory, without quoting it', () => {
    expect(summarize(Buffer.from('{"v1/Secret": ["x/y"]}'), 's3://b/k')).toEqual({ status: 'error', reason: expect.stringMatching(/^s3:\/\/b\/k is not a gzipped JSON inventory \(/) });
    expect(summarize(gz('{"v1/Secret": ['), 's3://b/k')).toMatchObject({ status: 'error', reason: expect.stringContaining('is not a gzipped JSON inventory') });
    expect(summarize(gz(['v1/Secret']), 's3://b/k')).toEqual({ status: 'error', reason: 's3://b/k is not a Velero inventory (an object of resource type → list of names)' });
    expect(summarize(gz({ 'v1/Secret': [{ name: 'leak' }] }), 's3://b/k')).toMatchObject({ status: 'error' });
  });

  it('refuses a decompression bomb instead of exhausting memory', () => {
    // 5 gzip members of 16 MB of zeros each: 80 MB from ~80 KB, more than any inventory decompresses to.
    const member = gzipSync(Buffer.alloc(16 * 1024 * 1024), { level: 9 });
    const bomb = Buffer.concat(Array.from({ length: 5 }, () => member));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(summarize(bomb, 's3://b/k')).toMatchObject({ status: 'error', reason: expect.stringContaining('is not a gzipped JSON inventory') });
  });
});
