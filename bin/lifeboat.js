#!/usr/bin/env node
// @ts-check
/**
 * The `lifeboat` command. Plain JavaScript that any Node.js can parse, so that an old Node stops
 * here with one line instead of a stack trace from a dependency that needs a newer one.
 */
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const needed = String(pkg.engines.node).replace(/^>=\s*/, '');
const found = process.versions.node;
if (olderThan(found, needed)) {
  process.stderr.write(
    `lifeboat ${pkg.version} needs Node.js ${needed} or newer, and this is Node.js ${found}: install a current Node.js (https://nodejs.org, or \`nvm install 24\`) and run it again.\n`,
  );
  process.exit(2);
}

const { startCli } = await import('../src/cli/start-cli.js');
await startCli(process.argv.slice(2));

/**
 * @param {string} version
 * @param {string} minimum
 */
function olderThan(version, minimum) {
  const a = version.split('.').map(Number);
  const b = minimum.split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((a[i] || 0) !== (b[i] || 0)) return (a[i] || 0) < (b[i] || 0);
  return false;
}
