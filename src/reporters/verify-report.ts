/**
 * What `lifeboat verify` prints. Text: one verdict line per site (readable in five seconds), then
 * every file that differs, named; a closing line. JSON: the same, for machines.
 */
import { styleText } from 'node:util';
import type { BuildManifest } from '../build/build-manifest.ts';
import { isClean, type VerifyResult } from '../verify/verify-site.ts';
import { plural } from './format-units.ts';
import { maxOf } from '../util/collections.ts';

type Build = Pick<BuildManifest, 'buildId' | 'commit'>;

export function formatVerifyText(build: Build, results: readonly VerifyResult[], options: { color?: boolean } = {}): string {
  const paint = (style: Parameters<typeof styleText>[0], text: string) => (options.color ? styleText(style, text, { validateStream: false }) : text);
  const lines: string[] = [];
  for (const result of results) {
    const files = new Set(result.problems.map((p) => p.path)).size;
    const serving = result.servedBuild ? `serving build ${result.servedBuild.buildId}` : 'no build manifest served';
    const time = `${result.seconds.toFixed(1)} s`;
    if (result.unreachable !== undefined) {
      lines.push(`${paint('red', 'FAIL')}  ${result.url}  unreachable (${result.unreachable}) — ${time}`);
      continue;
    }
    if (files === 0) {
      lines.push(`${paint('green', 'OK  ')}  ${result.url}  all ${plural(result.checked, 'file')} match build ${build.buildId} — ${time}`);
      continue;
    }
    const kinds = Object.entries(Object.groupBy(result.problems, (p) => p.kind)).map(([kind, list]) => `${list!.length} ${kind}`);
    lines.push(`${paint('red', 'FAIL')}  ${result.url}  ${files} of ${plural(result.checked, 'file')} differ (${kinds.join(', ')}) — ${serving}, expected ${build.buildId} — ${time}`);
    const width = Math.min(60, maxOf(result.problems, (p) => p.path.length));
    for (const problem of result.problems) {
      lines.push(`        ${problem.path.padEnd(width)}  ${problem.kind.padEnd(13)}  ${problem.detail}`);
    }
  }
  const failing = results.filter((r) => !isClean(r)).length;
  const commit = build.commit.slice(0, 12);
  lines.push(
    failing === 0
      ? `Every site serves build ${build.buildId} (commit ${commit}) exactly.`
      : `${failing} of ${plural(results.length, 'site')} ${failing === 1 ? 'does' : 'do'} not serve build ${build.buildId} (commit ${commit}) exactly.`,
  );
  return lines.join('\n');
}

export function formatVerifyJson(build: Build, results: readonly VerifyResult[]): string {
  return JSON.stringify(
    {
      version: 1,
      build: { buildId: build.buildId, commit: build.commit },
      ok: results.every(isClean),
      sites: results.map((r) => ({ ok: isClean(r), ...r })),
    },
    null,
    2,
  );
}
