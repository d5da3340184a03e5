import { rm, unlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testdir } from '../../test/support/testdir.ts';
import { hashFiles, MANIFEST_FILE } from './build-manifest.ts';

const SHA_OF_A = 'ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb';

describe('hashFiles', () => {
  let dir: string;
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('hashes every file but the manifest, by site path', async () => {
    dir = testdir({ 'a.txt': 'a', [MANIFEST_FILE]: '{}' });
    const { files } = await hashFiles(dir);
    expect(files).toEqual({ '/a.txt': { sha256: SHA_OF_A, bytes: 1 } });
  });

  it('reuses an earlier hash only while size and modification time are unchanged', async () => {
    dir = testdir({ 'same.txt': 'a', 'rewritten.txt': 'a', 'gone.txt': 'a' });
    const earlier = await hashFiles(dir);
    // A planted value proves reuse: the file itself still hashes to SHA_OF_A.
    earlier.files['/same.txt'] = { sha256: 'reused', bytes: 1 };
    earlier.files['/rewritten.txt'] = { sha256: 'stale', bytes: 1 };
    await writeFile(join(dir, 'rewritten.txt'), 'b');
    await utimes(join(dir, 'rewritten.txt'), new Date(), new Date(Date.now() + 5_000));
    await unlink(join(dir, 'gone.txt'));
    await writeFile(join(dir, 'new.txt'), 'a');

    const { files } = await hashFiles(dir, earlier);
    expect(Object.keys(files)).toEqual(['/new.txt', '/rewritten.txt', '/same.txt']);
    expect(files['/same.txt']!.sha256).toBe('reused');
    expect(files['/rewritten.txt']!.sha256).not.toBe('stale');
    expect(files['/new.txt']!.sha256).toBe(SHA_OF_A);
  });
});
