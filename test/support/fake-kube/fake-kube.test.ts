/**
 * The fake API server through real HTTPS with `@kubernetes/client-node`: discovery, every list
 * Lifeboat reads, pagination, authentication and kubeconfig files.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ApiException, ApiextensionsV1Api, CoreV1Api, CustomObjectsApi, DiscoveryV1Api, KubeConfig, NetworkingV1Api, SchedulingV1Api,
  StorageV1Api, VersionApi,
} from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  API_ROUNDTRIP_FIXTURES, CRD_SETS, STORAGE_FIXTURES, VELERO_BSL_EXAMPLE, generateUntrustedClientCert, loadFixtureObjects, makeBackups,
  makeNamespaces, makePriorityClasses, startFakeKube, type FakeKube,
} from './index.ts';
import { makeTestCluster } from './test-cluster.ts';
import { clientFor, httpsGet, rejection } from './test-helpers.ts';

let kube: FakeKube;
let dir: string;
beforeAll(async () => {
  kube = await startFakeKube(makeTestCluster());
  dir = mkdtempSync(join(tmpdir(), 'fake-kube-test-'));
});
afterAll(async () => {
  await kube?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('discovery', () => {
  it('reports the server version and lists only the API groups the cluster serves', async () => {
    const kc = clientFor(kube);
    expect((await kc.makeApiClient(VersionApi).getCode()).gitVersion).toBe('v1.31.4-eks-aeac579');
    const groups = (JSON.parse((await httpsGet(kube, '/apis')).body) as { groups: { name: string; preferredVersion: { version: string } }[] }).groups;
    expect(groups.map((g) => g.name)).toEqual(['batch', 'networking.k8s.io', 'storage.k8s.io', 'apiextensions.k8s.io', 'scheduling.k8s.io',
      'discovery.k8s.io', 'snapshot.storage.k8s.io', 'velero.io']);
    expect(groups.find((g) => g.name === 'velero.io')?.preferredVersion.version).toBe('v1');
    const velero = JSON.parse((await httpsGet(kube, '/apis/velero.io/v1')).body) as { resources: { name: string; namespaced: boolean }[] };
    expect(velero.resources.find((r) => r.name === 'backups')).toMatchObject({ namespaced: true, kind: 'Backup' });
  });

  it('answers 404 with a Status for a group the cluster does not serve', async () => {
    const error = await rejection(clientFor(kube).makeApiClient(CustomObjectsApi).listClusterCustomObject({ group: 'cert-manager.io', version: 'v1', plural: 'certificates' }));
    expect(error).toBeInstanceOf(ApiException);
    expect((error as ApiException<string>).code).toBe(404);
    expect(JSON.parse((error as ApiException<string>).body)).toMatchObject({ kind: 'Status', reason: 'NotFound', message: 'the server could not find the requested resource' });
  });
});

describe('lists', () => {
  it('pages namespaces with limit and continue, in name order, with remainingItemCount', async () => {
    const core = clientFor(kube).makeApiClient(CoreV1Api);
    const first = await core.listNamespace({ limit: 5 });
    expect(first.metadata?.remainingItemCount).toBe(7);
    const names = first.items.map((n) => n.metadata!.name!);
    let token = first.metadata?._continue;
    while (token) {
      const page = await core.listNamespace({ limit: 5, _continue: token });
      expect(page.metadata?.resourceVersion).toBe(first.metadata?.resourceVersion);
      names.push(...page.items.map((n) => n.metadata!.name!));
      token = page.metadata?._continue;
    }
    expect(names).toHaveLength(12);
    expect(names).toEqual([...names].sort());
  });

  it('serves every kind Lifeboat reads, cluster-wide and per namespace', async () => {
    const kc = clientFor(kube);
    const storage = await kc.makeApiClient(StorageV1Api).listStorageClass();
    expect(storage.items.map((s) => [s.metadata?.name, s.provisioner, s.metadata?.annotations?.['storageclass.kubernetes.io/is-default-class']])).toEqual([
      ['csi-gce-pd', 'pd.csi.storage.gke.io', undefined], ['csi-gce-pd-ntfs', 'pd.csi.storage.gke.io', undefined], ['ebs-sc', 'ebs.csi.aws.com', 'true']]);
    const crds = await kc.makeApiClient(ApiextensionsV1Api).listCustomResourceDefinition();
    expect(crds.items).toHaveLength(16);
    expect(crds.items[0]?.status?.conditions?.find((c) => c.type === 'Established')?.status).toBe('True');
    const slices = await kc.makeApiClient(DiscoveryV1Api).listNamespacedEndpointSlice({ namespace: 'team-001' });
    expect(slices.items[0]?.metadata?.labels?.['kubernetes.io/service-name']).toMatch(/^[a-z]+-\d{4}$/);
    expect(slices.items.flatMap((s) => s.endpoints ?? []).some((e) => e.conditions?.ready === false)).toBe(true);
    const core = kc.makeApiClient(CoreV1Api);
    expect((await core.listServiceForAllNamespaces()).items).toHaveLength(30);
    expect((await core.listPersistentVolumeClaimForAllNamespaces()).items[0]?.spec?.storageClassName).toBe('ebs-sc');
    expect((await core.listNode()).items).toHaveLength(3);
    expect((await kc.makeApiClient(NetworkingV1Api).listIngressClass()).items).toHaveLength(1);
    expect((await kc.makeApiClient(SchedulingV1Api).listPriorityClass()).items.map((p) => p.metadata?.name)).toContain('system-node-critical');
    const custom = kc.makeApiClient(CustomObjectsApi);
    const vsc = await custom.listClusterCustomObject({ group: 'snapshot.storage.k8s.io', version: 'v1', plural: 'volumesnapshotclasses' });
    expect(vsc.items.map((v: { driver: string }) => v.driver)).toEqual(['ebs.csi.aws.com']);
  });

  it('serves Velero objects through CustomObjectsApi, paged, with their status fields', async () => {
    const custom = clientFor(kube).makeApiClient(CustomObjectsApi);
    const backups: { metadata: { name: string }; status: { phase: string; completionTimestamp?: string } }[] = [];
    let token: string | undefined;
    do {
      const page = await custom.listClusterCustomObject({ group: 'velero.io', version: 'v1', plural: 'backups', limit: 15, _continue: token });
      expect(page).toMatchObject({ kind: 'BackupList', apiVersion: 'velero.io/v1' });
      backups.push(...page.items);
      token = page.metadata?.continue;
    } while (token);
    expect(backups).toHaveLength(40);
    expect(backups.find((b) => b.metadata.name === 'weekly-20261120010000')?.status).toMatchObject({ phase: 'Failed' });
    const schedules = await custom.listNamespacedCustomObject({ group: 'velero.io', version: 'v1', namespace: 'velero', plural: 'schedules' });
    expect(schedules.items.map((s: { spec: { schedule: string } }) => s.spec.schedule)).toEqual(['0 1 * * *', '0 * * * *', '0 1 * * 0']);
    const bsl = await custom.getNamespacedCustomObject({ group: 'velero.io', version: 'v1', namespace: 'velero', plural: 'backupstoragelocations', name: 'default' });
    expect(bsl).toMatchObject({ kind: 'BackupStorageLocation', status: { phase: 'Available' } });
  });

  it('caps pages at the server-side maximum when the client asks for more', async () => {
    const capped = await startFakeKube({ objects: makeNamespaces(10) }, { maxPageSize: 4 });
    try {
      const page = await clientFor(capped).makeApiClient(CoreV1Api).listNamespace();
      expect([page.items.length, page.metadata?.remainingItemCount, Boolean(page.metadata?._continue)]).toEqual([4, 6, true]);
    } finally {
      await capped.close();
    }
  });
});

describe('cluster contents', () => {
  it('loads every fixture file and serves it, with the fields the API server owns filled in', async () => {
    const all = await startFakeKube({ objects: [
      ...loadFixtureObjects(Object.values(CRD_SETS).flat()),
      ...loadFixtureObjects(Object.values(STORAGE_FIXTURES), { kinds: ['StorageClass', 'VolumeSnapshotClass'] }),
      ...loadFixtureObjects([VELERO_BSL_EXAMPLE, ...API_ROUNDTRIP_FIXTURES]),
    ] });
    try {
      const kc = clientFor(all);
      expect((await kc.makeApiClient(ApiextensionsV1Api).listCustomResourceDefinition()).items).toHaveLength(25);
      const groups = (JSON.parse((await httpsGet(all, '/apis')).body) as { groups: { name: string }[] }).groups.map((g) => g.name);
      expect(groups).toEqual(expect.arrayContaining(['cert-manager.io', 'acme.cert-manager.io', 'postgresql.cnpg.io', 'velero.io', 'snapshot.storage.k8s.io']));
      expect((await kc.makeApiClient(StorageV1Api).listStorageClass()).items.map((s) => s.metadata?.name)).toEqual([
        'csi-gce-pd', 'csi-gce-pd-ntfs', 'csi-gcepd-balanced', 'ebs-sc', 'local-path', 'managed-csi', 'nameValue']);
      const custom = kc.makeApiClient(CustomObjectsApi);
      const vsc = await custom.listClusterCustomObject({ group: 'snapshot.storage.k8s.io', version: 'v1', plural: 'volumesnapshotclasses' });
      // The GCE PD example is still v1beta1 upstream; the CRD serves only v1, so it comes back as v1.
      expect(vsc.items.map((v: { apiVersion: string; driver: string }) => `${v.apiVersion} ${v.driver}`)).toEqual([
        'snapshot.storage.k8s.io/v1 ebs.csi.aws.com', 'snapshot.storage.k8s.io/v1 disk.csi.azure.com', 'snapshot.storage.k8s.io/v1 pd.csi.storage.gke.io']);
      const bsl = await custom.getNamespacedCustomObject({ group: 'velero.io', version: 'v1', namespace: 'velero', plural: 'backupstoragelocations', name: 'default' });
      expect(bsl.status).toBeUndefined();
      expect(bsl.metadata).toMatchObject({ uid: expect.stringMatching(/^[0-9a-f-]{36}$/), resourceVersion: expect.stringMatching(/^\d+$/), creationTimestamp: expect.any(String) });
      const svc = await kc.makeApiClient(CoreV1Api).readNamespacedService({ namespace: 'namespaceValue', name: 'nameValue' });
      expect([svc.metadata?.uid, svc.metadata?.deletionTimestamp?.toISOString(), svc.spec?.type]).toEqual(['uidValue', '2009-01-01T01:01:01.000Z', 'typeValue']);
    } finally {
      await all.close();
    }
  });

  it('leaves an unserved group out of discovery and refuses objects that no served resource can hold', async () => {
    const old = await startFakeKube({ objects: makeNamespaces(4), unservedGroups: ['scheduling.k8s.io'] });
    try {
      expect(JSON.parse((await httpsGet(old, '/apis')).body).groups.map((g: { name: string }) => g.name)).not.toContain('scheduling.k8s.io');
      expect(((await rejection(clientFor(old).makeApiClient(SchedulingV1Api).listPriorityClass())) as ApiException<unknown>).code).toBe(404);
    } finally {
      await old.close();
    }
    await expect(startFakeKube({ objects: makePriorityClasses(), unservedGroups: ['scheduling.k8s.io'] })).rejects.toThrow(/no served resource holds PriorityClass/);
    await expect(startFakeKube({ objects: makeBackups({ count: 1 }) })).rejects.toThrow(
      'fake-kube: no served resource holds Backup "backup-20261120010000" (velero.io/v1). Add its CustomResourceDefinition to the cluster objects, or remove the group from unservedGroups.');
  });
});

describe('authentication', () => {
  it('rejects a wrong token with 401 and logs the attempt as invalid', async () => {
    const error = await rejection(clientFor(kube, { token: 'not-the-token' }).makeApiClient(CoreV1Api).listNamespace());
    expect((error as ApiException<unknown>).code).toBe(401);
    expect(kube.requests.at(-1)).toMatchObject({ path: '/api/v1/namespaces', status: 401, auth: 'invalid' });
    expect(JSON.parse((await httpsGet(kube, '/api', { authorization: 'Bearer wrong' })).body)).toEqual({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'Unauthorized', reason: 'Unauthorized', code: 401 });
  });

  it('accepts a client certificate from its CA and refuses one from another CA', async () => {
    await clientFor(kube, 'cert').makeApiClient(CoreV1Api).listNode();
    expect(kube.requests.at(-1)).toMatchObject({ path: '/api/v1/nodes', status: 200, auth: 'cert', user: 'lifeboat-facts' });
    const untrusted = await generateUntrustedClientCert();
    const error = await rejection(clientFor(kube, untrusted).makeApiClient(CoreV1Api).listNode());
    expect((error as ApiException<unknown>).code).toBe(401);
  });

  it('accepts only the credentials the server is configured for', async () => {
    const certOnly = await startFakeKube({ objects: [] }, { auth: { token: false } });
    try {
      expect((await rejection(clientFor(certOnly, 'token').makeApiClient(CoreV1Api).listNamespace()) as ApiException<unknown>).code).toBe(401);
      expect((await clientFor(certOnly, 'cert').makeApiClient(CoreV1Api).listNamespace()).items).toEqual([]);
    } finally {
      await certOnly.close();
    }
  });

  it('writes a kubeconfig that client-node loads from a file, with token, cert and exec users', async () => {
    const file = join(dir, 'kubeconfig');
    await kube.writeKubeconfig(file, { contexts: [{ name: 'primary' }, { name: 'by-cert', user: 'cert' }, { name: 'by-exec', user: 'exec' },
      { name: 'down', url: 'https://127.0.0.1:9' }] });
    const kc = new KubeConfig();
    kc.loadFromFile(file);
    expect([kc.getCurrentContext(), kc.getContexts().length, kc.getCurrentCluster()?.server]).toEqual(['primary', 4, kube.url]);
    for (const context of ['primary', 'by-cert', 'by-exec']) {
      kc.setCurrentContext(context);
      expect((await kc.makeApiClient(CoreV1Api).listNamespace({ limit: 1 })).items).toHaveLength(1);
    }
    expect(kube.requests.slice(-3).map((r) => r.auth)).toEqual(['token', 'cert', 'token']);
    kc.setCurrentContext('down');
    expect(String(((await rejection(kc.makeApiClient(CoreV1Api).listNamespace())) as Error).message)).toMatch(/fetch failed|ECONNREFUSED/);
  });
});
