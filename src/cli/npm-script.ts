/**
 * The command line behind `npm run NAME`, for callers that must run exactly what npm runs without
 * npm's own start-up (0.2–0.6 s on these machines): the tests and the benchmarks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The arguments after `node` in package.json's `scripts[name]`, with paths made absolute under `repo`. */
export function npmScriptArgs(repo: string, name: string): string[] {
  const scripts = (JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const words = scripts[name]?.split(/\s+/) ?? [];
  if (words[0] !== 'node' || words.length < 2) throw new Error(`package.json script "${name}" is not "node <script> …": ${JSON.stringify(scripts[name])}`);
  return words.slice(1).map((word) => (/^(scripts|bin)\//.test(word) ? join(repo, word) : word));
}
