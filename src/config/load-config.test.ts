import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatLocation } from '../errors/issue.ts';
import { testdir } from '../../test/support/testdir.ts';
import { loadConfig } from './load-config.ts';

describe('loadConfig', () => {
  it('uses defaults when there is no file', () => {
    const cwd = testdir({});
    const { config } = loadConfig({}, {}, cwd);
    expect(config).toMatchObject({ title: 'Lifeboat runbooks', runbooksDir: join(cwd, 'runbooks'), outDir: join(cwd, 'dist'), clusters: {} });
  });

  it('resolves file paths against the file, and lets environment then flags override', () => {
    const cwd = testdir({ 'conf/lifeboat.config.yaml': 'title: From file\nrunbooks: ../rb\nout: site\nclusters: { dr: dr-1 }\n' });
    const file = loadConfig({ config: 'conf/lifeboat.config.yaml' }, {}, cwd).config!;
    expect(file).toMatchObject({ title: 'From file', runbooksDir: join(cwd, 'rb'), outDir: join(cwd, 'conf/site'), clusters: { dr: 'dr-1' } });

    const env = { LIFEBOAT_CONFIG: 'conf/lifeboat.config.yaml', LIFEBOAT_OUT: 'env-out', LIFEBOAT_TITLE: 'From env' };
    expect(loadConfig({}, env, cwd).config).toMatchObject({ title: 'From env', outDir: join(cwd, 'env-out'), runbooksDir: join(cwd, 'rb') });
    expect(loadConfig({ out: '/abs/out', title: 'From flag' }, env, cwd).config).toMatchObject({ title: 'From flag', outDir: '/abs/out' });
  });

  it('reports a bad setting with its position and a did-you-mean', () => {
    const cwd = testdir({ 'lifeboat.config.yaml': 'title: X\nrunbok: somewhere\nsite: not a url\n' });
    const { config, issues } = loadConfig({}, {}, cwd);
    expect(config).toBeUndefined();
    expect(issues.map((i) => `${formatLocation(i)} ${i.code} ${i.hint ?? ''}`)).toEqual([
      'lifeboat.config.yaml:2:1 UnknownKey Did you mean "runbooks"?',
      'lifeboat.config.yaml:3:7 InvalidValue Change it to a value this field allows; `lifeboat schema` (or `lifeboat schema --of config`) describes every field.',
    ]);
  });

  it('rejects a missing explicit config file and empty overrides', () => {
    const cwd = testdir({});
    expect(loadConfig({ config: 'nope.yaml' }, {}, cwd).issues[0]?.message).toBe(
      'The configuration is not valid: the configuration file "nope.yaml" does not exist.',
    );
    expect(loadConfig({}, { LIFEBOAT_OUT: ' ' }, cwd).issues[0]?.message).toBe('The configuration is not valid: LIFEBOAT_OUT is empty.');
  });
});
