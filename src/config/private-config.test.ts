import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatLocation } from '../errors/issue.ts';
import { testdir } from '../../test/support/testdir.ts';
import { loadConfig } from './load-config.ts';

describe('private in the configuration', () => {
  it('is absent unless configured, and fills in its defaults when it is', () => {
    expect(loadConfig({}, {}, testdir({})).config?.private).toBeUndefined();
    const cwd = testdir({ 'lifeboat.config.yaml': 'private:\n  audiences: { sre: {} }\n  slugSalt: q1Vb7yL0c3RkZ9xWm2Tt5Hs8\n' });
    expect(loadConfig({}, {}, cwd).config?.private).toEqual({
      audiences: { sre: {} },
      defaultVisibility: 'public',
      folders: {},
      slugSalt: 'q1Vb7yL0c3RkZ9xWm2Tt5Hs8',
      idsAreSecret: true,
    });
  });

  it('resolves passphrase files against the configuration file, ~/ against the home folder', () => {
    const cwd = testdir({
      'conf/lifeboat.config.yaml': 'private:\n  idsAreSecret: false\n  audiences:\n    sre: { passphraseFile: secrets/sre }\n    payments: { passphraseFile: ~/.lifeboat/payments }\n',
    });
    const audiences = loadConfig({ config: 'conf/lifeboat.config.yaml' }, {}, cwd).config?.private?.audiences;
    expect(audiences).toEqual({ sre: { passphraseFile: join(cwd, 'conf/secrets/sre') }, payments: { passphraseFile: join(homedir(), '.lifeboat/payments') } });
  });

  it('wants at least one audience, named like an id, and folder settings it knows', () => {
    const cwd = testdir({
      'lifeboat.config.yaml': 'private:\n  audiences: {}\n  folders:\n    payments: { visibility: secret, audiences: [Payments_Team] }\n',
    });
    const { config, issues } = loadConfig({}, {}, cwd);
    expect(config).toBeUndefined();
    expect(issues.map((i) => `${formatLocation(i)} ${i.code} ${i.message} ${i.hint}`)).toMatchInlineSnapshot(`
      [
        "lifeboat.config.yaml:2:14 InvalidValue private.audiences is not valid (must name at least one audience). Change it to a value this field allows; \`lifeboat schema\` (or \`lifeboat schema --of config\`) describes every field.",
        "lifeboat.config.yaml:4:29 InvalidValue private.folders.payments.visibility is "secret", which is not one of the allowed values. Allowed values: "public", "private".",
        "lifeboat.config.yaml:4:49 InvalidId private.folders.payments.audiences[0] is "Payments_Team", but ids become URLs and anchors, so they may hold only lowercase letters, digits and single hyphens. Use "payments-team".",
      ]
    `);
  });

  it('wants a slug salt while ids are secret, and none when they are not', () => {
    const cwd = testdir({ 'lifeboat.config.yaml': 'private:\n  audiences: { sre: {} }\n' });
    const { issues } = loadConfig({}, {}, cwd);
    expect(issues.map((i) => `${formatLocation(i)} ${i.code} ${i.message}`)).toMatchInlineSnapshot(`
      [
        "lifeboat.config.yaml:2:3 MissingField "private" has no "slugSalt", which is required (At least 16 random characters (e.g. from \`openssl rand -base64 24\`) that key the opaque addresses of private runbooks. Keep it: changing it moves every private page. Required while idsAreSecret is true).",
      ]
    `);
    const relaxed = testdir({ 'lifeboat.config.yaml': 'private:\n  audiences: { sre: {} }\n  idsAreSecret: false\n' });
    expect(loadConfig({}, {}, relaxed).config?.private?.idsAreSecret).toBe(false);
  });
});
