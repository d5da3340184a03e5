/**
 * The build's passphrases, one per audience of `private.audiences`: from
 * `LIFEBOAT_PASSPHRASE_<AUDIENCE>` (upper case, "-" as "_"), else from the audience's
 * `passphraseFile`. The environment wins, as it does for every other setting. Problems come back
 * as issues pointing at the audience in lifeboat.config.yaml; none ever quotes a passphrase.
 */
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { createIssue } from '../errors/create-issue.ts';
import { noPosition, type Issue, type Position } from '../errors/issue.ts';
import type { LifeboatConfig } from '../config/config-schema.ts';
import { parseYamlSource } from '../load/yaml-source.ts';
import { normalizePassphrase } from './kdf.ts';

/**
 * Shortest passphrase accepted, in characters after normalisation. The keyring is public, so a
 * passphrase is attacked offline: at 600,000 PBKDF2 iterations one current GPU tries roughly
 * 15,000 guesses a second. Length alone does not make a passphrase random; this only refuses the
 * hopeless ones, and the docs ask for generated passphrases.
 */
export const MIN_PASSPHRASE_LENGTH = 12;

/** The environment variable that holds `audience`'s passphrase. */
export function passphraseEnvName(audience: string): string {
  return `LIFEBOAT_PASSPHRASE_${audience.toUpperCase().replaceAll('-', '_')}`;
}

export interface PassphrasesResult {
  /** Passphrase by audience, for every audience without an error. */
  passphrases: Map<string, string>;
  issues: Issue[];
}

/** Reads every audience's passphrase. Without a `private` block there are none, and no issues. */
export function readPassphrases(
  config: Pick<LifeboatConfig, 'private' | 'configFile' | 'cwd'>,
  env: Record<string, string | undefined> = process.env,
): PassphrasesResult {
  const passphrases = new Map<string, string>();
  const issues: Issue[] = [];
  if (!config.private) return { passphrases, issues };
  const file = config.configFile ? displayPath(config.configFile, config.cwd) : 'lifeboat.config.yaml';
  let locateKey: ((path: (string | number)[], key: string) => Position) | undefined;
  const site = (audience: string) => {
    // Parsed again only when there is something to report, for the position of the audience's name.
    locateKey ??= config.configFile ? parseYamlSource(readFileSync(config.configFile, 'utf8'), file).locateKey : () => noPosition;
    return { file, path: ['private', 'audiences', audience], position: locateKey(['private', 'audiences'], audience) };
  };

  for (const [audience, settings] of Object.entries(config.private.audiences)) {
    const variable = passphraseEnvName(audience);
    const read = readOne(env[variable], variable, settings.passphraseFile, config.cwd);
    if ('missing' in read) {
      issues.push(createIssue('PassphraseMissing', site(audience), { audience, variable, detail: read.missing, empty: read.empty }));
      continue;
    }
    const normalized = normalizePassphrase(read.value);
    if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u.test(normalized)) {
      issues.push(createIssue('PassphraseControlCharacter', site(audience), { audience, source: read.source }));
    } else if ([...normalized].length < MIN_PASSPHRASE_LENGTH) {
      issues.push(createIssue('PassphraseTooShort', site(audience), { audience, source: read.source, min: MIN_PASSPHRASE_LENGTH }));
    } else {
      passphrases.set(audience, read.value);
    }
  }
  issues.push(...sharedPassphrases(passphrases, site));
  return { passphrases, issues };
}

type Read = { value: string; source: string } | { missing: string; empty?: boolean };

function readOne(fromEnv: string | undefined, variable: string, passphraseFile: string | undefined, cwd: string): Read {
  if (fromEnv !== undefined) {
    return fromEnv.trim() === '' ? { missing: `${variable} is set but empty`, empty: true } : { value: fromEnv, source: variable };
  }
  if (passphraseFile === undefined) return { missing: `${variable} is not set and no passphraseFile is configured` };
  const shown = displayPath(passphraseFile, cwd);
  let text: string;
  try {
    text = readFileSync(passphraseFile, 'utf8');
  } catch (error) {
    // The error's code only: its message could one day quote more than the path.
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    return { missing: `${variable} is not set and its passphraseFile "${shown}" cannot be read (${code})` };
  }
  const value = text.replace(/\r?\n$/, '');
  if (value.trim() === '') return { missing: `${variable} is not set and its passphraseFile "${shown}" is empty` };
  return { value, source: `passphraseFile "${shown}"` };
}

/** One warning per group of audiences that share a passphrase, at the group's second audience. */
function sharedPassphrases(passphrases: Map<string, string>, site: (audience: string) => Parameters<typeof createIssue>[1]): Issue[] {
  const groups = new Map<string, string[]>();
  for (const [audience, passphrase] of passphrases) {
    const key = normalizePassphrase(passphrase);
    groups.set(key, [...(groups.get(key) ?? []), audience]);
  }
  return [...groups.values()]
    .filter((group) => group.length > 1)
    .map((group) => createIssue('PassphraseShared', site(group[1]!), { audiences: listNames(group) }));
}

function listNames(names: string[]): string {
  const quoted = names.map((name) => `"${name}"`);
  return `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}

function displayPath(path: string, cwd: string): string {
  const shown = relative(cwd, path);
  return shown.startsWith('..') ? path : shown.split(sep).join('/');
}
