/**
 * Finds the Chromium that prints the binder (and drives the browser tests): Debian's own
 * `chromium`, never a browser downloaded by Playwright, because the machines that print the
 * binder may have no network. Looked up in CHROMIUM_PATH, then PATH, then the usual locations.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { createIssue } from '../errors/create-issue.ts';
import type { Issue } from '../errors/issue.ts';

/** Names Chromium (or Chrome) is installed under on Linux distributions. */
const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];
const USUAL = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium'];

/** Flags that keep headless Chromium quiet and working on a machine without network or GPU. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** The executable to use, or the issue that says where Lifeboat looked. */
export type ChromiumResult = { path: string; issue?: undefined } | { path?: undefined; issue: Issue };

/**
 * The Chromium executable to use (`usual`: the fixed places tried after PATH). A CHROMIUM_PATH that points nowhere is reported as such rather
 * than silently replaced by another browser: the user asked for that one.
 */
export function findChromium(env: Record<string, string | undefined> = process.env, usual: readonly string[] = USUAL): ChromiumResult {
  const explicit = env.CHROMIUM_PATH?.trim();
  if (explicit) {
    return isExecutable(explicit)
      ? { path: explicit }
      : { issue: createIssue('ChromiumNotFound', { file: 'CHROMIUM_PATH' }, { looked: `CHROMIUM_PATH (${explicit})` }) };
  }
  const onPath = (env.PATH ?? '').split(delimiter).filter(Boolean).flatMap((dir) => NAMES.map((name) => join(dir, name)));
  const found = [...onPath, ...usual].find(isExecutable);
  if (found) return { path: found };
  const places = ['CHROMIUM_PATH', `PATH (${NAMES.join(', ')})`, ...usual].join(', ');
  return { issue: createIssue('ChromiumNotFound', { file: 'chromium' }, { looked: places }) };
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
