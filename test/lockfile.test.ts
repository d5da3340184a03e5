/**
 * `npm ci` installs exactly the lockfile and refuses one that lacks the optional native package of
 * the user's platform. npm writes only the entries the registry served when the lock was made, so
 * a lock regenerated against a partial registry would silently break macOS, Windows and arm64.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REPO } from './support/run-script.ts';

const lock = JSON.parse(readFileSync(`${REPO}package-lock.json`, 'utf8')) as { packages: Record<string, { optional?: boolean }> };
const paths = Object.keys(lock.packages);

describe('package-lock.json', () => {
  it.each([
    ['esbuild', '@esbuild/', ['darwin-arm64', 'darwin-x64', 'win32-x64', 'linux-arm64', 'linux-x64']],
    ['Pagefind', '@pagefind/', ['darwin-arm64', 'darwin-x64', 'windows-x64', 'linux-arm64', 'linux-x64']],
    ["Astro's compiler", '@astrojs/compiler-binding-', ['darwin-arm64', 'darwin-x64', 'win32-x64-msvc', 'linux-arm64-gnu', 'linux-x64-gnu']],
  ])('lists the native %s package of every platform users run', (_name, prefix, platforms) => {
    for (const platform of platforms) expect(paths, `${prefix}${platform}`).toContain(`node_modules/${prefix}${platform}`);
  });
});
