import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { createIssue } from '../errors/create-issue.ts';
import { sortIssues, type Issue } from '../errors/issue.ts';
import { parseYamlSource } from '../load/yaml-source.ts';
import { decodeChecked } from '../load/text-checks.ts';
import { mapZodIssues } from '../load/zod-issues.ts';
import { ConfigSchema, ENV_OVERRIDES, type LifeboatConfig } from './config-schema.ts';
import type { PrivateConfig } from './private-config-schema.ts';

export const CONFIG_FILE = 'lifeboat.config.yaml';

export interface ConfigOverrides {
  /** Path to the config file (`--config` or `LIFEBOAT_CONFIG`). */
  config?: string;
  runbooks?: string;
  facts?: string;
  drills?: string;
  out?: string;
  site?: string;
  title?: string;
  factsMode?: string;
}

export type ConfigResult = { config: LifeboatConfig; issues: [] } | { config?: undefined; issues: Issue[] };

/**
 * Resolves the configuration: flags over environment over `lifeboat.config.yaml` over defaults.
 * Paths from the file are relative to the file; paths from flags and environment to `cwd`.
 */
export function loadConfig(
  flags: ConfigOverrides = {},
  env: Record<string, string | undefined> = process.env,
  cwd: string = process.cwd(),
): ConfigResult {
  const explicit = flags.config ?? env.LIFEBOAT_CONFIG;
  const configFile = resolve(cwd, explicit ?? CONFIG_FILE);
  const baseDir = explicit || existsSync(configFile) ? dirname(configFile) : cwd;
  let fromFile = ConfigSchema.parse({});

  if (existsSync(configFile)) {
    const decoded = decodeChecked(readFileSync(configFile), displayPath(configFile, cwd));
    if (decoded.issues.length) return { issues: decoded.issues };
    const source = parseYamlSource(decoded.text, displayPath(configFile, cwd));
    if (source.issues.length) return { issues: source.issues };
    if (source.data != null && (typeof source.data !== 'object' || Array.isArray(source.data))) {
      return { issues: [createIssue('ConfigInvalid', { file: displayPath(configFile, cwd) }, { detail: 'the file must hold a mapping of settings' })] };
    }
    const raw = (source.data ?? {}) as Record<string, unknown>;
    const parsed = ConfigSchema.safeParse(raw);
    if (!parsed.success) {
      const issues = mapZodIssues(parsed.error.issues, {
        schema: ConfigSchema,
        data: raw,
        file: displayPath(configFile, cwd),
        rootName: 'the configuration',
        locate: source.locate,
        locateKey: source.locateKey,
      });
      return { issues: sortIssues(issues) };
    }
    fromFile = parsed.data;
  } else if (explicit) {
    return {
      issues: [
        createIssue('ConfigInvalid', { file: displayPath(configFile, cwd) }, { detail: `the configuration file "${explicit}" does not exist`, hint: 'Check --config or LIFEBOAT_CONFIG.' }),
      ],
    };
  }

  // Paths from the file resolve against its folder; overrides against the working directory.
  const resolved = { ...fromFile };
  const dirs: Record<'runbooks' | 'facts' | 'drills' | 'out', string | undefined> = {
    runbooks: resolve(baseDir, fromFile.runbooks),
    facts: resolve(baseDir, fromFile.facts),
    drills: fromFile.drills === undefined ? undefined : resolve(baseDir, fromFile.drills),
    out: resolve(baseDir, fromFile.out),
  };
  const issues: Issue[] = [];
  for (const [name, key] of Object.entries(ENV_OVERRIDES)) {
    const value = flags[key] ?? env[name];
    if (value === undefined) continue;
    if (value.trim() === '') {
      const source = flags[key] !== undefined ? `--${key}` : name;
      issues.push(createIssue('ConfigInvalid', { file: source }, { detail: `${source} is empty` }));
      continue;
    }
    if (key === 'runbooks' || key === 'facts' || key === 'drills' || key === 'out') dirs[key] = isAbsolute(value) ? value : resolve(cwd, value);
    else (resolved as Record<string, unknown>)[key] = value;
  }
  const checked = ConfigSchema.safeParse(resolved);
  if (!checked.success) {
    for (const zi of checked.error.issues) {
      issues.push(createIssue('ConfigInvalid', { file: 'environment' }, { detail: `${zi.path.join('.')} ${zi.message.toLowerCase()}` }));
    }
  }
  if (issues.length) return { issues };
  return {
    config: {
      ...checked.data!,
      configFile: existsSync(configFile) ? configFile : undefined,
      cwd,
      runbooksDir: dirs.runbooks!,
      factsDir: dirs.facts!,
      // Records belong to the runbooks they measure: unless set, beside whichever runbooks folder
      // is in use (a build of another folder never reads this project's records).
      drillsDir: dirs.drills ?? join(dirname(dirs.runbooks!), 'drills'),
      outDir: dirs.out!,
      // A kubeconfig path in the file is relative to the file, like the folders.
      ...(checked.data!.collect?.kubeconfig ? { collect: { ...checked.data!.collect, kubeconfig: resolvePath(baseDir, checked.data!.collect.kubeconfig) } } : {}),
      // So are passphrase files.
      ...(checked.data!.private ? { private: resolvePassphraseFiles(baseDir, checked.data!.private) } : {}),
    },
    issues: [],
  };
}

function resolvePassphraseFiles(baseDir: string, settings: PrivateConfig): PrivateConfig {
  const audiences = Object.fromEntries(
    Object.entries(settings.audiences).map(([name, audience]) => [name, audience.passphraseFile ? { passphraseFile: resolvePath(baseDir, audience.passphraseFile) } : audience]),
  );
  return { ...settings, audiences };
}

/** Resolves a path from the file, expanding a leading `~/` the way a shell would. */
function resolvePath(baseDir: string, path: string): string {
  return path.startsWith('~/') ? resolve(homedir(), path.slice(2)) : resolve(baseDir, path);
}

function displayPath(path: string, cwd: string): string {
  return path.startsWith(cwd + '/') ? path.slice(cwd.length + 1) : path;
}
