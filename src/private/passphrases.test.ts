import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/load-config.ts';
import { formatLocation, type Issue } from '../errors/issue.ts';
import { testdir } from '../../test/support/testdir.ts';
import { passphraseEnvName, readPassphrases } from './passphrases.ts';

const SECRET = 'ZQX-SECRET-9137-staple';

function project(config: string, files: Record<string, string> = {}) {
  const cwd = testdir({ 'lifeboat.config.yaml': `private:\n  idsAreSecret: false\n${config}`, ...files });
  return loadConfig({}, {}, cwd).config!;
}

const lines = (issues: Issue[]) => issues.map((i) => `${formatLocation(i)} ${i.severity} ${i.code}\n${i.message}\nhint: ${i.hint}`);

describe('readPassphrases', () => {
  it('names the variable after the audience, in upper case with "-" as "_"', () => {
    expect(passphraseEnvName('payments-oncall')).toBe('LIFEBOAT_PASSPHRASE_PAYMENTS_ONCALL');
  });

  it('reads the environment first, then the passphrase file without its trailing newline', () => {
    const config = project('  audiences:\n    sre: { passphraseFile: secrets/sre }\n    payments-oncall: { passphraseFile: secrets/payments }\n', {
      'secrets/sre': `${SECRET}-file\n`,
      'secrets/payments': `${SECRET}-payments\r\n`,
    });
    const { passphrases, issues } = readPassphrases(config, { LIFEBOAT_PASSPHRASE_SRE: `${SECRET}-env` });
    expect(issues).toEqual([]);
    expect(Object.fromEntries(passphrases)).toEqual({ sre: `${SECRET}-env`, 'payments-oncall': `${SECRET}-payments` });
  });

  it('has nothing to read without a private block', () => {
    expect(readPassphrases(loadConfig({}, {}, testdir({})).config!, { LIFEBOAT_PASSPHRASE_SRE: SECRET })).toEqual({ passphrases: new Map(), issues: [] });
  });

  it('reports every missing passphrase at its audience, with where it looked and what to do', () => {
    const config = project('  audiences:\n    sre: {}\n    payments: { passphraseFile: secrets/nope }\n    db: { passphraseFile: secrets/empty }\n    ops: {}\n', {
      'secrets/empty': '\n',
    });
    const { passphrases, issues } = readPassphrases(config, { LIFEBOAT_PASSPHRASE_OPS: '' });
    expect(passphrases.size).toBe(0);
    expect(lines(issues)).toMatchInlineSnapshot(`
      [
        "lifeboat.config.yaml:4:5 error PassphraseMissing
      Audience "sre" has no passphrase: LIFEBOAT_PASSPHRASE_SRE is not set and no passphraseFile is configured. Its private runbooks cannot be encrypted without one.
      hint: Set LIFEBOAT_PASSPHRASE_SRE in the environment of the build (from your CI's secret store), or point private.audiences.sre.passphraseFile at a file that holds it.",
        "lifeboat.config.yaml:5:5 error PassphraseMissing
      Audience "payments" has no passphrase: LIFEBOAT_PASSPHRASE_PAYMENTS is not set and its passphraseFile "secrets/nope" cannot be read (ENOENT). Its private runbooks cannot be encrypted without one.
      hint: Set LIFEBOAT_PASSPHRASE_PAYMENTS in the environment of the build (from your CI's secret store), or point private.audiences.payments.passphraseFile at a file that holds it.",
        "lifeboat.config.yaml:6:5 error PassphraseMissing
      Audience "db" has no passphrase: LIFEBOAT_PASSPHRASE_DB is not set and its passphraseFile "secrets/empty" is empty. Its private runbooks cannot be encrypted without one.
      hint: Set LIFEBOAT_PASSPHRASE_DB in the environment of the build (from your CI's secret store), or point private.audiences.db.passphraseFile at a file that holds it.",
        "lifeboat.config.yaml:7:5 error PassphraseMissing
      Audience "ops" has no passphrase: LIFEBOAT_PASSPHRASE_OPS is set but empty. Its private runbooks cannot be encrypted without one.
      hint: Set LIFEBOAT_PASSPHRASE_OPS in the environment of the build (from your CI's secret store), or point private.audiences.ops.passphraseFile at a file that holds it. CI systems hand empty secrets to jobs they do not trust, such as pull requests from forks.",
      ]
    `);
  });

  it('refuses passphrases that are too short or that nobody could type, without quoting them', () => {
    const config = project('  audiences:\n    sre: {}\n    payments: { passphraseFile: secrets/payments }\n    db: {}\n', {
      'secrets/payments': `${SECRET}\nsecond line\n`,
    });
    const { passphrases, issues } = readPassphrases(config, { LIFEBOAT_PASSPHRASE_SRE: '  ZQX-short  ', LIFEBOAT_PASSPHRASE_DB: `${SECRET}\u0007` });
    expect(passphrases.size).toBe(0);
    expect(lines(issues)).toMatchInlineSnapshot(`
      [
        "lifeboat.config.yaml:4:5 error PassphraseTooShort
      The passphrase of audience "sre" (from LIFEBOAT_PASSPHRASE_SRE) is shorter than 12 characters. The encrypted keyring is published with the site, so a short passphrase can be guessed offline at leisure.
      hint: Use a generated passphrase of five or more random words (or 20 random characters), kept in a password manager and your CI secret store.",
        "lifeboat.config.yaml:5:5 error PassphraseControlCharacter
      The passphrase of audience "payments" (from passphraseFile "secrets/payments") contains a line break or another control character, which cannot be typed into the unlock field.
      hint: Keep the passphrase on the first line of the file, alone (one trailing newline is fine).",
        "lifeboat.config.yaml:6:5 error PassphraseControlCharacter
      The passphrase of audience "db" (from LIFEBOAT_PASSPHRASE_DB) contains a line break or another control character, which cannot be typed into the unlock field.
      hint: Set the variable to the passphrase alone, on one line.",
      ]
    `);
    expect(JSON.stringify(issues)).not.toMatch(/ZQX|second line|staple/);
  });

  it('warns when audiences share a passphrase, counting another Unicode form or spaces as the same', () => {
    const config = project('  audiences:\n    sre: {}\n    payments: {}\n    db: {}\n');
    const { passphrases, issues } = readPassphrases(config, {
      LIFEBOAT_PASSPHRASE_SRE: 'Crème brûlée for everyone',
      LIFEBOAT_PASSPHRASE_PAYMENTS: 'Crème brûlée for everyone'.normalize('NFD'),
      LIFEBOAT_PASSPHRASE_DB: ' Crème brûlée for everyone ',
    });
    expect(passphrases.size).toBe(3);
    expect(lines(issues)).toMatchInlineSnapshot(`
      [
        "lifeboat.config.yaml:5:5 warning PassphraseShared
      Audiences "sre", "payments" and "db" have the same passphrase, so whoever can read the private runbooks of one can read those of the others.
      hint: Give each audience its own passphrase, or merge them into one audience.",
      ]
    `);
    expect(JSON.stringify(issues)).not.toContain('brûlée');
  });

  it('says why a passphrase file cannot be read, by its error code only', () => {
    const config = project('  audiences:\n    sre: { passphraseFile: secrets }\n', { 'secrets/x': '' });
    const { issues } = readPassphrases(config, {});
    expect(issues[0]?.message).toBe('Audience "sre" has no passphrase: LIFEBOAT_PASSPHRASE_SRE is not set and its passphraseFile "secrets" cannot be read (EISDIR). Its private runbooks cannot be encrypted without one.');
    if (process.getuid?.() !== 0) {
      const locked = project('  audiences:\n    sre: { passphraseFile: secrets/sre }\n', { 'secrets/sre': SECRET });
      chmodSync(join(locked.cwd, 'secrets/sre'), 0o000);
      expect(readPassphrases(locked, {}).issues[0]?.message).toContain('cannot be read (EACCES)');
    }
  });
});
