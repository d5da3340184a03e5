/**
 * `lifeboat build --facts-mode live|prefer-live` against fake clusters: live refuses to build on a
 * cluster it cannot read; prefer-live publishes on the last snapshot and says so.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drCluster } from './support/demo-clusters.ts';
import { startFakeKube, type FakeKube } from './support/fake-kube/index.ts';
import { closedPort } from './support/closed-port.ts';
import { runScript } from './support/run-script.ts';

let dr: FakeKube;
let work: string;
const FIXTURE = new URL('./fixtures/site-basic/', import.meta.url).pathname;
const REPO_FACTS = new URL('../facts/', import.meta.url).pathname;

/** A project folder: config with a `collect:` section, fixture runbooks, a copy of the demo facts. */
function project(name: string, kubeconfig: string) {
  const dir = join(work, name);
  cpSync(FIXTURE, join(dir, 'runbooks'), { recursive: true });
  cpSync(REPO_FACTS, join(dir, 'facts'), { recursive: true });
  writeFileSync(
    join(dir, 'lifeboat.config.yaml'),
    `title: Modes\nclusters: { primary: prod-euw1, dr: dr-euc1 }\ncollect:\n  kubeconfig: ${kubeconfig}\n  clusters: { prod-euw1: primary-down, dr-euc1: dr-up }\n`,
  );
  return dir;
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'lifeboat-modes-'));
  dr = await startFakeKube(drCluster());
  await dr.writeKubeconfig(join(work, 'kubeconfig'), {
    contexts: [{ name: 'dr-up' }, { name: 'primary-down', url: `https://127.0.0.1:${await closedPort()}` }],
  });
});
afterAll(() => dr?.close());

const build = (dir: string, mode: string) =>
  runScript('build', ['--config', join(dir, 'lifeboat.config.yaml'), '--facts-mode', mode], {
    env: { LIFEBOAT_NOW: undefined, LIFEBOAT_RUNBOOKS: undefined, LIFEBOAT_FACTS: undefined, LIFEBOAT_OUT: undefined },
  });

describe('building on live facts', () => {
  it('live: refuses to build when a cluster cannot be read, and writes nothing', async () => {
    const dir = project('live', join(work, 'kubeconfig'));
    const result = await build(dir, 'live');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^prod-euw1 \(context primary-down\): failed — /m);
    expect(result.stderr).toContain('Build stopped: live facts are required and prod-euw1 could not be read. The previous output was left untouched.');
    expect(existsSync(join(dir, 'dist'))).toBe(false);
  });

  it('prefer-live: refreshes what it can, keeps the last snapshot of the rest, and says so on every page', async () => {
    const dir = project('prefer', join(work, 'kubeconfig'));
    const before = readFileSync(join(dir, 'facts/prod-euw1.json'), 'utf8');
    const result = await build(dir, 'prefer-live');
    expect(result.stderr).toMatch(/^prod-euw1 \(context primary-down\): failed — /m);
    expect(result.code).toBe(0);
    // dr was collected just now; prod-euw1 kept its last snapshot.
    const drFacts = JSON.parse(readFileSync(join(dir, 'facts/dr-euc1.json'), 'utf8'));
    expect(drFacts.context).toBe('dr-up');
    expect(Date.now() - Date.parse(drFacts.collectedAt)).toBeLessThan(10 * 60_000);
    expect(readFileSync(join(dir, 'facts/prod-euw1.json'), 'utf8')).toBe(before);

    const manifest = JSON.parse(readFileSync(join(dir, 'dist/lifeboat-manifest.json'), 'utf8'));
    expect(manifest.staleFacts).toEqual([{ cluster: 'prod-euw1', reason: expect.any(String) }]);
    expect(manifest.facts).toEqual({ 'dr-euc1': drFacts.collectedAt, 'prod-euw1': '2026-11-20T06:07:00.000Z' });
    for (const page of ['index.html', 'runbooks/yaml-twin/index.html']) {
      expect(readFileSync(join(dir, 'dist', page), 'utf8')).toContain('Built on stale facts: prod-euw1 could not be read (');
    }
  });
});
