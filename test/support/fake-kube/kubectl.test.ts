/**
 * Debian's kubectl against the fake server: it must accept the kubeconfig, the TLS setup, the
 * discovery answers (falling back from aggregated discovery) and the paged lists. kubectl runs
 * asynchronously: a synchronous child would block the event loop the server runs on.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeKube, type FakeKube } from './index.ts';
import { makeTestCluster } from './test-cluster.ts';

const kubectlPath = (process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'kubectl')).find((file) => existsSync(file));
const skipped = kubectlPath ? '' : ' (SKIPPED: kubectl is not on PATH; install Debian kubernetes-client to run it)';

let kube: FakeKube;
let dir: string;
beforeAll(async () => {
  if (!kubectlPath) return;
  kube = await startFakeKube(makeTestCluster());
  dir = mkdtempSync(join(tmpdir(), 'fake-kube-kubectl-'));
  await kube.writeKubeconfig(join(dir, 'config'), { contexts: [{ name: 'token' }, { name: 'cert', user: 'cert' }, { name: 'exec', user: 'exec' }] });
});
afterAll(async () => {
  await kube?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Runs kubectl with its own cache and HOME, so no state of the machine's user leaks in or out. */
async function kubectl(context: string, ...args: string[]): Promise<{ kind: string; items: { kind: string; apiVersion: string; metadata: { name: string } }[] }> {
  const { stdout } = await promisify(execFile)(kubectlPath!, ['--kubeconfig', join(dir, 'config'), '--context', context, '--cache-dir', join(dir, `cache-${context}`), ...args],
    { env: { PATH: process.env.PATH, HOME: dir }, maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(stdout);
}

describe.skipIf(!kubectlPath)(`kubectl${skipped}`, () => {
  it('gets StorageClasses as JSON after legacy discovery, with token, certificate and exec users', async () => {
    for (const context of ['token', 'cert', 'exec']) {
      const list = await kubectl(context, 'get', 'storageclasses', '-o', 'json');
      expect(list.items.map((i) => [i.kind, i.apiVersion, i.metadata.name])).toEqual([
        ['StorageClass', 'storage.k8s.io/v1', 'csi-gce-pd'], ['StorageClass', 'storage.k8s.io/v1', 'csi-gce-pd-ntfs'], ['StorageClass', 'storage.k8s.io/v1', 'ebs-sc']]);
    }
    const apis = kube.requests.find((r) => r.path === '/apis');
    expect([apis?.status, apis?.accept]).toEqual([200, expect.stringContaining('as=APIGroupDiscoveryList')]);
    expect(kube.requests.filter((r) => r.path === '/apis/storage.k8s.io/v1/storageclasses').map((r) => r.auth)).toEqual(['token', 'cert', 'token']);
  });

  it('pages a custom resource list with --chunk-size', async () => {
    const list = await kubectl('token', 'get', 'backups.velero.io', '--all-namespaces', '--chunk-size=15', '-o', 'json');
    expect(list.items).toHaveLength(40);
    expect(kube.requests.filter((r) => r.path === '/apis/velero.io/v1/backups').map((r) => Boolean(r.query.continue))).toEqual([false, true, true]);
  });

  it('uses aggregated discovery when the server offers it: no per-group discovery requests', async () => {
    const modern = await startFakeKube(makeTestCluster(), { aggregatedDiscovery: true });
    try {
      await modern.writeKubeconfig(join(dir, 'config-modern'), { contexts: [{ name: 'modern' }] });
      const { stdout } = await promisify(execFile)(kubectlPath!, ['--kubeconfig', join(dir, 'config-modern'), '--cache-dir', join(dir, 'cache-modern'),
        'get', 'volumesnapshotclasses', '-o', 'json'], { env: { PATH: process.env.PATH, HOME: dir } });
      expect(JSON.parse(stdout).items.map((i: { driver: string }) => i.driver)).toEqual(['ebs.csi.aws.com']);
      expect(modern.requests.map((r) => r.path).filter((p) => p !== '/version')).toEqual(['/api', '/apis', '/apis/snapshot.storage.k8s.io/v1/volumesnapshotclasses']);
    } finally {
      await modern.close();
    }
  });
});
