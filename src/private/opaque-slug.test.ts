import { describe, expect, it } from 'vitest';
import { InternalError } from '../errors/create-issue.ts';
import { privateSlug } from './opaque-slug.ts';

const SALT = 'q1Vb7yL0c3RkZ9xWm2Tt5Hs8';
const IDS = [
  'dns-failover',
  'dr-full-cluster-restore',
  'etcd-snapshot-restore',
  'pvc-pending-storageclass-missing',
  'ledger-regional-failover',
  'post-restore-503',
  'velero-restore-namespace',
  'break-glass-root-account',
  'rotate-kms-keys',
  'aaaa-bbbb-2222',
  'a',
];

/** Every substring of `text` at least `min` characters long. */
const substrings = (text: string, min: number) =>
  Array.from({ length: text.length }, (_, i) => Array.from({ length: text.length - i - min + 1 }, (_, j) => text.slice(i, i + min + j))).flat();

describe('privateSlug', () => {
  it('is 16 lower-case base32 characters, the same in every build', async () => {
    const slug = await privateSlug('dns-failover', { slugSalt: SALT, idsAreSecret: true });
    expect(slug).toMatch(/^[a-z2-7]{16}$/);
    expect(await privateSlug('dns-failover', { slugSalt: SALT, idsAreSecret: true })).toBe(slug);
  });

  it('does not spell the id: no piece of it of four characters or more appears in the slug', async () => {
    for (const id of IDS) {
      const slug = await privateSlug(id, { slugSalt: SALT, idsAreSecret: true });
      for (const piece of substrings(id.replaceAll('-', ''), 4)) expect(slug, `${id} → ${slug}`).not.toContain(piece);
      expect(slug).not.toContain('-');
    }
  });

  it('differs per id and per project salt, so a list of guessed ids maps to nothing without the salt', async () => {
    const slugs = await Promise.all(IDS.map((id) => privateSlug(id, { slugSalt: SALT, idsAreSecret: true })));
    expect(new Set(slugs).size).toBe(IDS.length);
    const elsewhere = await privateSlug('dns-failover', { slugSalt: `${SALT}x`, idsAreSecret: true });
    expect(elsewhere).not.toBe(slugs[0]);
  });

  it('keeps the id when the configuration says ids are not secret', async () => {
    expect(await privateSlug('dns-failover', { idsAreSecret: false })).toBe('dns-failover');
  });

  it('treats a missing salt while ids are secret as a bug: the configuration requires one', async () => {
    await expect(privateSlug('dns-failover', { idsAreSecret: true })).rejects.toBeInstanceOf(InternalError);
  });
});
