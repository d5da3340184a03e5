import { describe, expect, it } from 'vitest';
import { formatLocation } from '../errors/issue.ts';
import { testdir } from '../../test/support/testdir.ts';
import { loadConfig } from './load-config.ts';

describe('search.synonyms in the configuration', () => {
  it('defaults to no groups and keeps the groups given', () => {
    expect(loadConfig({}, {}, testdir({})).config?.search).toEqual({ synonyms: [] });
    const cwd = testdir({ 'lifeboat.config.yaml': 'search:\n  synonyms:\n    - [region down, " failover "]\n' });
    expect(loadConfig({}, {}, cwd).config?.search).toEqual({ synonyms: [['region down', 'failover']] });
  });

  it('refuses empty groups, one-member groups and empty members, saying where', () => {
    const cwd = testdir({ 'lifeboat.config.yaml': 'search:\n  synonyms:\n    - []\n    - [failover]\n    - [region down, " "]\n' });
    const { config, issues } = loadConfig({}, {}, cwd);
    expect(config).toBeUndefined();
    expect(issues.map((i) => `${formatLocation(i)} ${i.code} ${i.message}`)).toMatchInlineSnapshot(`
      [
        "lifeboat.config.yaml:3:7 InvalidValue search.synonyms[0] must have at least 2 entries.",
        "lifeboat.config.yaml:4:7 InvalidValue search.synonyms[1] must have at least 2 entries.",
        "lifeboat.config.yaml:5:21 InvalidValue search.synonyms[2][1] must not be empty.",
      ]
    `);
  });
});
