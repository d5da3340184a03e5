/**
 * Deploy benchmark: a deterministic 1,000-page site (synthetic, shaped like a Lifeboat build) is
 * published to a local S3 server (s3rver on 127.0.0.1) by the real deploy script, then redeployed:
 * unchanged, with one runbook changed, and as a rebuild that changes every page's footer (build id
 * and commit, as Lifeboat's footer does today). Reports objects uploaded and wall time (median).
 * A later issue folds this into `npm run bench`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT, parseFlags } from '../src/cli/cli-kit.ts';
import { startLocalS3, S3RVER_ENV } from '../test/support/local-s3.ts';
import { runScript } from '../test/support/run-script.ts';
import { runbookIds, writeSyntheticSite } from '../test/support/synthetic-site.ts';

const USAGE = `Usage: npm run bench:deploy -- [--pages N] [--runs N] [--json]

  --pages N   runbook pages in the generated site (default 1000)
  --runs N    repetitions; the median is reported (default 3)
  --json      print the results as JSON`;

const flags = parseFlags({ pages: { type: 'string', default: '1000' }, runs: { type: 'string', default: '3' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, USAGE);
const pages = Number(flags.pages);
const runs = Number(flags.runs);
if (!(pages >= 2 && runs >= 1)) {
  process.stderr.write(`--pages needs at least 2 and --runs at least 1.\n\n${USAGE}\n`);
  process.exit(EXIT.usage);
}

const work = mkdtempSync(join(tmpdir(), 'lifeboat-bench-deploy-'));
const s3 = await startLocalS3();
try {
  const ids = runbookIds(pages);
  const edited = (id: string) => (id === ids[Math.floor(pages / 2)] ? `Edited steps for ${id}.` : `Steps to restore ${id}. ${'Check the replicas, then fail over. '.repeat(40)}`);
  const sites = {
    base: await writeSyntheticSite(join(work, 'base'), { buildId: 'base', pages: ids, footer: true }),
    onePage: await writeSyntheticSite(join(work, 'one-page'), { buildId: 'base', pages: ids, footer: true, text: edited }),
    rebuild: await writeSyntheticSite(join(work, 'rebuild'), { buildId: 'rebuilt', pages: ids, footer: true, text: edited }),
  };
  const files = Object.keys(sites.base.files).length + 1;
  const scenarios = [
    { name: 'first deploy', from: undefined, to: 'base' },
    { name: 'redeploy, nothing changed', from: 'base', to: 'base' },
    { name: 'redeploy, one runbook changed', from: 'base', to: 'one-page' },
    { name: 'redeploy, one runbook changed, new build id in every footer', from: 'base', to: 'rebuild' },
  ] as const;

  const deploy = async (dir: string, bucket: string) => {
    const started = performance.now();
    const result = await runScript('deploy', ['--out', join(work, dir), '--target', `s3://${bucket}`, '--endpoint', s3.endpoint], { env: S3RVER_ENV });
    const seconds = (performance.now() - started) / 1000;
    if (result.code !== 0) throw new Error(`deploy of ${dir} failed (exit ${result.code}):\n${result.stderr}`);
    const [, uploaded, deleted] = /uploaded ([\d,]+) files? \(.*?\), deleted (\d+)/.exec(result.stdout)!.map((n) => n.replaceAll(',', ''));
    return { seconds, uploaded: Number(uploaded), deleted: Number(deleted) };
  };

  const results = [];
  let bucketCount = 0;
  for (const scenario of scenarios) {
    const samples = [];
    for (let run = 0; run < runs; run++) {
      const bucket = `bench-${++bucketCount}`;
      await s3.createWebsiteBucket(bucket);
      if (scenario.from) await deploy(scenario.from, bucket);
      samples.push(await deploy(scenario.to, bucket));
    }
    samples.sort((a, b) => a.seconds - b.seconds);
    const median = samples[Math.floor(samples.length / 2)]!;
    results.push({ scenario: scenario.name, uploaded: median.uploaded, deleted: median.deleted, seconds: Number(median.seconds.toFixed(2)) });
  }

  if (flags.json) {
    process.stdout.write(`${JSON.stringify({ pages, files, runs, results }, null, 2)}\n`);
  } else {
    process.stdout.write(`Deploy of a ${pages.toLocaleString('en-US')}-page site (${files.toLocaleString('en-US')} files) to s3rver on 127.0.0.1, median of ${runs}:\n`);
    for (const r of results) process.stdout.write(`  ${r.scenario.padEnd(60)} ${String(r.uploaded).padStart(6)} uploaded  ${String(r.deleted).padStart(4)} deleted  ${r.seconds.toFixed(2).padStart(6)} s\n`);
  }
} finally {
  await s3.stop();
  rmSync(work, { recursive: true, force: true });
}
