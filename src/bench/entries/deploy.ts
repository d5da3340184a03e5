/**
 * Redeploys at scale: a deterministic N-page site (synthetic, shaped like a Lifeboat build, with
 * the build id in every footer as Lifeboat's footer has it) is published by the real
 * `lifeboat deploy` to s3rver on 127.0.0.1, then redeployed unchanged, with one runbook changed,
 * and as a rebuild of that change (new build id, so every footer changes). Reports objects
 * uploaded and wall time. No budget in the issue; the figures are for comparison over time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runbookIds, writeSyntheticSite } from '../../../test/support/synthetic-site.ts';
import { startLocalS3, S3RVER_ENV } from '../../../test/support/local-s3.ts';
import type { BenchEntry, BenchRow } from '../bench-entry.ts';
import { measure, measureRuns, type Measurement } from '../measure.ts';
import { npmScriptArgs } from '../../cli/npm-script.ts';
import { REPO } from '../sites/site-tool.ts';

/** `lifeboat deploy` as the repository's npm script runs it. */
const DEPLOY = npmScriptArgs(REPO, 'deploy');

const uploadedBy = (result: Measurement) => Number(/uploaded ([\d,]+) files?/.exec(result.stdout)?.[1]?.replaceAll(',', '') ?? NaN);

export const deployEntry: BenchEntry = {
  name: 'deploy',
  description: 'lifeboat deploy of an N-page site to a local S3 server: first deploy, then redeploys',
  async run(ctx) {
    const work = mkdtempSync(join(tmpdir(), 'lifeboat-bench-deploy-'));
    const s3 = await startLocalS3();
    let buckets = 0;
    try {
      const rows: BenchRow[] = [];
      for (const size of ctx.sizes) {
        ctx.log(`deploy: generating a ${size}-page site in three versions…`);
        const ids = runbookIds(size);
        const changed = ids[Math.floor(size / 2)];
        const text = (id: string) => (id === changed ? `Edited steps for ${id}.` : `Steps to restore ${id}. ${'Check the replicas, then fail over. '.repeat(40)}`);
        const dir = (name: string) => join(work, `${size}-${name}`);
        const base = await writeSyntheticSite(dir('base'), { buildId: 'base', pages: ids, footer: true });
        await writeSyntheticSite(dir('one-page'), { buildId: 'base', pages: ids, footer: true, text });
        await writeSyntheticSite(dir('rebuild'), { buildId: 'rebuilt', pages: ids, footer: true, text });
        const files = Object.keys(base.files).length + 1;

        const deploy = (version: string, bucket: string) =>
          measure(process.execPath, [...DEPLOY, '--out', dir(version), '--target', `s3://${bucket}`, '--endpoint', s3.endpoint], { env: { ...process.env, ...S3RVER_ENV } });
        const newBucket = async () => {
          const bucket = `bench-${++buckets}`;
          await s3.createWebsiteBucket(bucket);
          return bucket;
        };
        // Every redeploy starts from a bucket holding the base version and nothing else (a bucket
        // deployed back and forth would already hold the other version's hashed files).
        const pristine: string[] = [];
        const row = (name: string, m: Measurement): BenchRow => ({
          entry: 'deploy',
          case: name,
          size,
          wallMs: m.wallMs,
          ...(m.peakRssMb !== undefined ? { peakRssMb: m.peakRssMb } : {}),
          extra: { files, uploaded: uploadedBy(m) },
        });

        const first = await measureRuns(ctx.runs, async () => {
          const bucket = await newBucket();
          const measured = await deploy('base', bucket);
          pristine.push(bucket);
          return measured;
        });
        rows.push(row('first deploy', first));
        const baseBucket = async () => {
          const bucket = pristine.pop() ?? (await newBucket());
          const setup = await deploy('base', bucket); // a no-op for the first-deploy buckets
          if (setup.code !== 0) throw new Error(`deploying the base version failed:\n${setup.stderr}`);
          return bucket;
        };
        for (const [name, version] of [
          ['redeploy, nothing changed', 'base'],
          ['redeploy, one runbook changed (same build id)', 'one-page'],
          ['redeploy, one runbook changed, new build id in every footer', 'rebuild'],
        ] as const) {
          ctx.log(`deploy: ${name}, ${size} pages…`);
          rows.push(row(name, await measureRuns(ctx.runs, async () => deploy(version, await baseBucket()))));
        }
      }
      return rows;
    } finally {
      await s3.stop();
      rmSync(work, { recursive: true, force: true });
    }
  },
};
