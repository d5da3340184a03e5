/**
 * A deploy killed at random points: the real deploy script publishes version 2 over version 1
 * through a proxy that SIGKILLs it at the k-th request (k from fixed seeds, spread over the whole
 * deploy). Then, from the bucket's website: every page served loads with all its assets, nothing
 * of version 1 a reader could still need is gone, verify names exactly the files not yet at
 * version 2, and the next deploy completes with verify clean. Also: what old versions leave behind.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuildManifest } from '../src/build/build-manifest.ts';
import { startLocalS3, S3RVER_ENV, type LocalS3 } from './support/local-s3.ts';
import { checkPagesLoad } from './support/page-loads.ts';
import { runScript, startScript } from './support/run-script.ts';
import { startS3Proxy } from './support/s3-proxy.ts';
import { runbookIds, writeSyntheticSite } from './support/synthetic-site.ts';

let s3: LocalS3;
let work: string;
const v1 = { dir: '', manifest: undefined as unknown as BuildManifest };
const v2 = { dir: '', manifest: undefined as unknown as BuildManifest };
/** Requests a complete deploy of version 2 over version 1 makes. */
let total = 0;

const deploy = (dir: string, endpoint: string, bucket: string, ...args: string[]) =>
  runScript('deploy', ['--out', dir, '--target', `s3://${bucket}`, '--endpoint', endpoint, ...args], { env: S3RVER_ENV });
const verify = (dir: string, url: string) => runScript('verify', ['--out', dir, '--url', url, '--format', 'json']);
/** Every build path of a version, the manifest included, with its hash. */
const filesOf = (manifest: BuildManifest, dir: string): Record<string, string> => ({
  ...Object.fromEntries(Object.entries(manifest.files).map(([path, f]) => [path, f.sha256])),
  '/lifeboat-manifest.json': createHash('sha256').update(readFileSync(join(dir, 'lifeboat-manifest.json'))).digest('hex'),
});

/** A small deterministic PRNG, so each seed always picks the same kill point. */
function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

beforeAll(async () => {
  s3 = await startLocalS3();
  work = mkdtempSync(join(tmpdir(), 'lifeboat-kill-'));
  const ids = runbookIds(24);
  v1.dir = join(work, 'v1');
  v1.manifest = await writeSyntheticSite(v1.dir, { buildId: 'v1', pages: ids });
  // Version 2: a new stylesheet (so every page changes), one runbook removed, one added, one edited.
  v2.dir = join(work, 'v2');
  v2.manifest = await writeSyntheticSite(v2.dir, {
    buildId: 'v2',
    pages: [...ids.slice(1), 'rb-0100'],
    style: 'v2',
    text: (id) => (id === 'rb-0002' ? `Edited steps for ${id}.` : `Steps to restore ${id}. ${'Check the replicas, then fail over. '.repeat(40)}`),
  });

  // Calibrate: how many requests does the whole deploy of version 2 over version 1 make?
  await s3.createWebsiteBucket('calibrate');
  expect((await deploy(v1.dir, s3.endpoint, 'calibrate')).code).toBe(0);
  const proxy = await startS3Proxy(s3.endpoint);
  expect((await deploy(v2.dir, proxy.endpoint, 'calibrate')).code).toBe(0);
  total = proxy.requests.length;
  await proxy.close();
  expect(total).toBeGreaterThan(30);
});

afterAll(async () => {
  await s3?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

const SEEDS = [101, 202, 303, 404, 505, 606];

describe('a deploy killed at a random point', () => {
  it.each(SEEDS.map((seed, i) => [seed, i]))('seed %i: readers get whole pages, verify names what is left, the next deploy finishes', async (seed, i) => {
    // Spread the kill points over the whole deploy: seed i picks a request in the i-th sixth.
    const random = mulberry32(seed);
    const low = Math.floor((i * total) / SEEDS.length) + 1;
    const high = Math.floor(((i + 1) * total) / SEEDS.length);
    const killAt = low + Math.floor(random() * (high - low + 1));
    const cut = i % 2 === 0 ? 'drop' : 'forward-then-drop';

    const bucket = `killed-${seed}`;
    const root = await s3.createWebsiteBucket(bucket);
    expect((await deploy(v1.dir, s3.endpoint, bucket)).code).toBe(0);

    let kill = () => {};
    const proxy = await startS3Proxy(s3.endpoint, {
      action: (request) => (request.n === killAt ? cut : 'forward'),
      onCut: () => kill(),
    });
    const run = startScript('deploy', ['--out', v2.dir, '--target', `s3://${bucket}`, '--endpoint', proxy.endpoint], { env: S3RVER_ENV });
    kill = () => run.child.kill('SIGKILL');
    const killed = await run.done;
    await proxy.idle();
    await proxy.close();
    expect(killed.signal, `deploy should have been killed at request ${killAt} of ${total}`).toBe('SIGKILL');

    // What the bucket holds now, read through the S3 API, file by file against version 2.
    const want = filesOf(v2.manifest, v2.dir);
    const old = filesOf(v1.manifest, v1.dir);
    const stale: Record<string, 'content' | 'missing'> = {};
    for (const [path, sha] of Object.entries(want)) {
      const served = await s3.sha256(bucket, path.slice(1));
      if (served === sha) continue;
      stale[path] = served === undefined ? 'missing' : 'content';
      // Anything not yet at version 2 is still exactly version 1: no third state exists.
      if (served !== undefined) expect(served, path).toBe(old[path]);
    }

    // Every page served loads with all its assets, and no page of version 1 is gone early.
    const pages = await checkPagesLoad(root, [v1.manifest, v2.manifest]);
    expect(pages.broken).toEqual([]);
    const manifestIsNew = !stale['/lifeboat-manifest.json'];
    const notServedV1 = pages.notServed.filter((p) => v1.manifest.files[p]);
    expect(notServedV1).toEqual(manifestIsNew ? notServedV1.filter((p) => !v2.manifest.files[p]) : []);
    // The manifest and the service worker come last: once they say version 2, all of it is there.
    if (manifestIsNew) expect(Object.keys(stale).filter((p) => p !== '/sw.js')).toEqual([]);
    if (!stale['/sw.js']) expect(stale).toEqual({});

    // verify names exactly the files not yet at version 2, each as it is.
    const report = await verify(v2.dir, root);
    const named = JSON.parse(report.stdout).sites[0].problems.map((p: { path: string; kind: string }) => [p.path, p.kind]);
    expect(Object.fromEntries(named)).toEqual(stale);
    expect(report.code).toBe(Object.keys(stale).length ? 1 : 0);

    // The next deploy finishes the job: verify is clean, and version 1's assets stay for open tabs.
    const again = await deploy(v2.dir, s3.endpoint, bucket);
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    expect((await verify(v2.dir, root)).code).toBe(0);
    const after = await checkPagesLoad(root, [v1.manifest, v2.manifest]);
    expect(after.broken).toEqual([]);
    expect(after.notServed).toEqual(['/runbooks/rb-0001/index.html']);
    const v1Style = Object.keys(v1.manifest.files).find((p) => p.endsWith('.css'))!;
    expect(await s3.sha256(bucket, v1Style.slice(1))).toBe(v1.manifest.files[v1Style]!.sha256);
  });
});

describe('old versions', () => {
  it('keep their assets for the last --keep versions; older ones go, with their records', async () => {
    const v3 = join(work, 'v3');
    const v3Manifest = await writeSyntheticSite(v3, { buildId: 'v3', pages: runbookIds(24), style: 'v3' });
    const root = await s3.createWebsiteBucket('versions');
    for (const dir of [v1.dir, v2.dir, v3]) expect((await deploy(dir, s3.endpoint, 'versions', '--keep', '2')).code).toBe(0);

    const style = (manifest: BuildManifest) => Object.keys(manifest.files).find((p) => p.endsWith('.css'))!.slice(1);
    expect(await s3.sha256('versions', style(v1.manifest))).toBeUndefined();
    expect(await s3.sha256('versions', style(v2.manifest))).toBe(v2.manifest.files[`/${style(v2.manifest)}`]!.sha256);
    expect((await s3.keys('versions')).filter((key) => key.startsWith('_lifeboat/')).map((key) => key.replace(/-\w{12}\.json$/, ''))).toEqual([
      '_lifeboat/builds/v2',
      '_lifeboat/builds/v3',
    ]);
    expect((await checkPagesLoad(root, [v3Manifest])).broken).toEqual([]);
    expect((await verify(v3, root)).code).toBe(0);
  });
});
