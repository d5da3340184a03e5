import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testdir } from '../../test/support/testdir.ts';
import { finishPages } from './finish-pages.ts';

const info = { buildId: 'b1', commit: 'c0ffee', builtAt: '2026-11-22T08:00:00.000Z' };

describe('finishPages (child process)', () => {
  let dir: string;
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('writes the offline edition and returns the hashes of every file, the edition included', async () => {
    dir = testdir({ 'runbooks/rb-1/index.html': '<h1 id="_top">One</h1><div class="lb-runbook" data-runbook="rb-1"><p>Restore</p></div>' });
    const { files } = await finishPages({ dir, offline: { title: 'Runbooks', info } });
    expect(Object.keys(files).sort()).toEqual(['/lifeboat-offline.html', '/runbooks/rb-1/index.html']);
    expect(files['/lifeboat-offline.html']!.bytes).toBeGreaterThan(1000);
  });

  it('fails with the child\'s own error when the site is not there', async () => {
    dir = testdir({});
    await expect(finishPages({ dir: join(dir, 'missing'), offline: { title: 'Runbooks', info } })).rejects.toThrow(/failed \(exit 1\):[\s\S]*ENOENT/);
  });
});
