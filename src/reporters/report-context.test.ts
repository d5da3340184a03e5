import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testdir } from '../../test/support/testdir.ts';
import { createSourceReader, githubLinkContext } from './report-context.ts';

describe('report context helpers', () => {
  it('reads reported files relative to the working directory, once each, and gives undefined for a missing one', () => {
    const cwd = testdir({ 'runbooks/a.yaml': 'id: a\n' });
    const read = createSourceReader(cwd);
    expect(read('runbooks/a.yaml')).toBe('id: a\n');
    writeFileSync(join(cwd, 'runbooks/a.yaml'), 'changed');
    expect(read('runbooks/a.yaml')).toBe('id: a\n');
    expect(read('runbooks/missing.yaml')).toBeUndefined();
    expect(read('runbooks')).toBeUndefined();
  });

  it('takes texts the loader already read instead of reading them again', () => {
    const cwd = testdir({ 'runbooks/b.yaml': 'id: b\n' });
    const read = createSourceReader(cwd, new Map([['runbooks/a.yaml', 'id: a (as loaded)\n']]));
    expect(read('runbooks/a.yaml')).toBe('id: a (as loaded)\n');
    expect(read('runbooks/b.yaml')).toBe('id: b\n');
  });

  it('builds the repository URL and commit from the GitHub Actions variables', () => {
    const env = { GITHUB_SERVER_URL: 'https://github.com/', GITHUB_REPOSITORY: 'acme/runbooks', GITHUB_SHA: 'abc123' };
    expect(githubLinkContext(env)).toEqual({ repositoryUrl: 'https://github.com/acme/runbooks', commitSha: 'abc123' });
    expect(githubLinkContext({})).toEqual({});
    expect(githubLinkContext({ GITHUB_REPOSITORY: 'acme/runbooks', GITHUB_SHA: '' })).toEqual({});
  });
});
