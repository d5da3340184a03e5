import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testdir } from '../../test/support/testdir.ts';
import { readBuiltSite } from './read-built-site.ts';

const manifest = (files: string[], extra: object = {}) =>
  JSON.stringify({ version: 1, builtAt: '2026-11-22T08:00:00Z', commit: 'abc', buildId: 'b1', files: Object.fromEntries(files.map((f) => [f, {}])), ...extra });

describe('readBuiltSite', () => {
  it('lists the runbook pages of the build and reads its identity and facts times', async () => {
    const dir = testdir({
      'lifeboat-manifest.json': manifest(['/index.html', '/runbooks/b/index.html', '/runbooks/a/index.html', '/runbooks/a/extra.svg', '/runbooks/abcdefghijklmnop/index.html'], {
        facts: { 'prod-euw1': '2026-11-21T08:00:00Z' },
        staleFacts: [{ cluster: 'prod-euw1', reason: 'timeout' }],
      }),
      'runbooks/a/index.html': '<div class="lb-runbook" data-runbook="a"></div>',
      'runbooks/b/index.html': '<div class="lb-runbook" data-runbook="b"></div>',
      // A private runbook's page, sealed by the build: printed only when asked.
      'runbooks/abcdefghijklmnop/index.html': '<div class="lb-locked not-content" data-lb-locked data-slug="abcdefghijklmnop"></div>',
    });
    const { site } = await readBuiltSite(dir);
    expect(site).toEqual({
      dir,
      info: {
        builtAt: '2026-11-22T08:00:00Z',
        commit: 'abc',
        buildId: 'b1',
        facts: { 'prod-euw1': '2026-11-21T08:00:00Z' },
        staleFacts: [{ cluster: 'prod-euw1', reason: 'timeout' }],
      },
      runbookPages: ['/runbooks/a/', '/runbooks/b/'],
      privatePages: ['/runbooks/abcdefghijklmnop/'],
    });
  });

  it('explains that a folder without a finished build has nothing to print', async () => {
    const root = testdir({});
    const { issues } = await readBuiltSite(join(root, 'dist'), root);
    expect(issues).toMatchObject([{ code: 'SiteNotBuilt', file: 'dist', severity: 'error' }]);
    expect(issues[0]!.message).toMatchInlineSnapshot(
      `"The binder is printed from the built site, but "dist" has no lifeboat-manifest.json (it is written last, when a build succeeds), so there is nothing to print."`,
    );
  });

  it('refuses a manifest it cannot read, and a build without runbook pages', async () => {
    const broken = await readBuiltSite(testdir({ 'lifeboat-manifest.json': '{"files": []' }));
    expect(broken.issues[0]?.message).toContain('has a lifeboat-manifest.json that is not a Lifeboat build manifest');
    const empty = await readBuiltSite(testdir({ 'lifeboat-manifest.json': manifest(['/index.html']) }));
    expect(empty.issues[0]?.message).toContain('holds a build without runbook pages');
  });
});
