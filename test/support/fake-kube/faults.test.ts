/**
 * What the fake server does when things go wrong, through client-node over real HTTPS: RBAC
 * 403s, expired continue tokens, injected 429/5xx, malformed bodies, hangs, and the request log.
 */
import {
  ApiException, CoreV1Api, CustomObjectsApi, Observable, StorageV1Api, type ConfigurationOptions, type RequestContext, type ResponseContext,
} from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeNamespaces, startFakeKube, type FakeKube } from './index.ts';
import { makeTestCluster } from './test-cluster.ts';
import { clientFor, httpsGet, rejection } from './test-helpers.ts';

let kube: FakeKube;
beforeAll(async () => {
  kube = await startFakeKube(makeTestCluster());
});
afterAll(() => kube?.close());

/** The per-call timeout the collector uses (STACK.md §5): an AbortSignal set in an Observable middleware. */
const timeout = (ms: number): ConfigurationOptions => ({
  middleware: [{
    pre: (ctx: RequestContext) => { ctx.setSignal(AbortSignal.timeout(ms)); return new Observable(Promise.resolve(ctx)); },
    post: (response: ResponseContext) => new Observable(Promise.resolve(response)),
  }],
  middlewareMergeStrategy: 'append',
});

const statusOf = (error: unknown) => {
  const e = error as ApiException<string>;
  return { code: e.code, ...(JSON.parse(e.body) as { reason: string; message: string }) };
};

describe('RBAC', () => {
  it('denies listed resources with the authorizer\'s own 403 wording, per scope', async () => {
    kube.setForbidden(['services', 'backups.velero.io', { resource: 'persistentvolumeclaims', namespace: '' }]);
    try {
      const kc = clientFor(kube);
      const core = kc.makeApiClient(CoreV1Api);
      expect(statusOf(await rejection(core.listServiceForAllNamespaces()))).toMatchObject({ code: 403, reason: 'Forbidden',
        message: 'services is forbidden: User "system:serviceaccount:lifeboat:facts" cannot list resource "services" in API group "" at the cluster scope' });
      expect(statusOf(await rejection(core.readNamespacedService({ namespace: 'team-001', name: 'api-0001' }))).message).toBe(
        'services "api-0001" is forbidden: User "system:serviceaccount:lifeboat:facts" cannot get resource "services" in API group "" in the namespace "team-001"');
      const custom = kc.makeApiClient(CustomObjectsApi);
      expect(statusOf(await rejection(custom.listClusterCustomObject({ group: 'velero.io', version: 'v1', plural: 'backups' }))).message).toBe(
        'backups.velero.io is forbidden: User "system:serviceaccount:lifeboat:facts" cannot list resource "backups" in API group "velero.io" at the cluster scope');
      // A namespaced Role without a ClusterRole: cluster-wide list denied, per-namespace list allowed.
      expect(statusOf(await rejection(core.listPersistentVolumeClaimForAllNamespaces())).code).toBe(403);
      expect((await core.listNamespacedPersistentVolumeClaim({ namespace: 'team-001' })).items).toHaveLength(3);
      expect(statusOf(await rejection(clientFor(kube, 'cert').makeApiClient(CoreV1Api).listServiceForAllNamespaces())).message).toContain('User "lifeboat-facts"');
      expect((await custom.listClusterCustomObject({ group: 'velero.io', version: 'v1', plural: 'schedules' })).items).toHaveLength(3);
    } finally {
      kube.setForbidden([]);
    }
  });
});

describe('continue tokens', () => {
  it('answers 410 Expired after a compaction, and a restarted list sees the new resourceVersion', async () => {
    const core = clientFor(kube).makeApiClient(CoreV1Api);
    const first = await core.listNamespace({ limit: 5 });
    kube.compact();
    const error = await rejection(core.listNamespace({ limit: 5, _continue: first.metadata!._continue! }));
    expect(statusOf(error)).toMatchObject({ code: 410, reason: 'Expired' });
    // Like the real server, the 410 carries an "inconsistent" token that reads on from the current state.
    const inconsistent = (JSON.parse((error as ApiException<string>).body) as { metadata: { continue: string } }).metadata.continue;
    expect((await core.listNamespace({ limit: 50, _continue: inconsistent })).items).toHaveLength(7);
    const restarted = await core.listNamespace({ limit: 5 });
    expect(Number(restarted.metadata!.resourceVersion)).toBeGreaterThan(Number(first.metadata!.resourceVersion));
  });

  it('expires the next continue requests on demand, and expires all tokens when the cluster changes', async () => {
    const core = clientFor(kube).makeApiClient(CoreV1Api);
    kube.setFaults([{ expireContinue: true, times: 1 }]);
    const first = await core.listNamespace({ limit: 4 });
    expect(statusOf(await rejection(core.listNamespace({ limit: 4, _continue: first.metadata!._continue! }))).code).toBe(410);
    const again = await core.listNamespace({ limit: 4 });
    expect((await core.listNamespace({ limit: 4, _continue: again.metadata!._continue! })).items).toHaveLength(4);

    const small = await startFakeKube({ objects: makeNamespaces(6) });
    try {
      const api = clientFor(small).makeApiClient(CoreV1Api);
      const page = await api.listNamespace({ limit: 2 });
      small.setCluster({ objects: makeNamespaces(3) });
      expect(statusOf(await rejection(api.listNamespace({ limit: 2, _continue: page.metadata!._continue! }))).code).toBe(410);
      expect((await api.listNamespace()).items).toHaveLength(3);
    } finally {
      await small.close();
    }
  });

  it('rejects a token it did not issue with 400 BadRequest', async () => {
    const error = await rejection(clientFor(kube).makeApiClient(CoreV1Api).listNamespace({ limit: 2, _continue: 'not a token' }));
    expect(statusOf(error)).toMatchObject({ code: 400, reason: 'BadRequest', message: 'continue key is not valid: illegal base64 data' });
  });
});

describe('injected faults', () => {
  it('answers 429 with Retry-After, then 503, then succeeds: each fault fires only as often as asked', async () => {
    const path = '/apis/storage.k8s.io/v1/storageclasses';
    kube.setFaults([{ path, status: 429, retryAfterSeconds: 2, times: 1 }, { path, status: 503, times: 1 }, { path: /\/backups$/, status: 500, times: 1 }]);
    const storage = clientFor(kube).makeApiClient(StorageV1Api);
    const tooMany = await rejection(storage.listStorageClass());
    expect(statusOf(tooMany)).toMatchObject({ code: 429, reason: 'TooManyRequests' });
    expect((tooMany as ApiException<string>).headers['retry-after']).toBe('2');
    expect(statusOf(await rejection(storage.listStorageClass()))).toMatchObject({ code: 503, reason: 'ServiceUnavailable' });
    expect((await storage.listStorageClass()).items).toHaveLength(3);
    const custom = clientFor(kube).makeApiClient(CustomObjectsApi);
    expect(statusOf(await rejection(custom.listClusterCustomObject({ group: 'velero.io', version: 'v1', plural: 'backups' }))).code).toBe(500);
    expect(kube.requests.filter((r) => r.path === path).map((r) => [r.status, r.fault])).toEqual([[429, 'status:429'], [503, 'status:503'], [200, undefined]]);
    kube.setFaults([]);
  });

  it('sends a truncated JSON body once, which the client cannot parse', async () => {
    kube.setFaults([{ path: '/api/v1/namespaces', malformedJson: true, times: 1 }]);
    const raw = await httpsGet(kube, '/api/v1/namespaces');
    expect([raw.status, raw.headers['content-type']]).toEqual([200, 'application/json']);
    expect(() => JSON.parse(raw.body)).toThrow(SyntaxError);
    kube.setFaults([{ path: '/api/v1/namespaces', malformedJson: true, times: 1 }]);
    expect(await rejection(clientFor(kube).makeApiClient(CoreV1Api).listNamespace())).toBeInstanceOf(SyntaxError);
    expect((await clientFor(kube).makeApiClient(CoreV1Api).listNamespace()).items).toHaveLength(12);
  });

  it('adds latency, and hangs until the client times out', async () => {
    const core = clientFor(kube).makeApiClient(CoreV1Api);
    kube.setFaults([{ path: '/api/v1/nodes', latencyMs: 20, times: 1 }]);
    expect((await core.listNode()).items).toHaveLength(3);
    kube.setFaults([{ path: '/api/v1/nodes', hang: true, times: 1 }]);
    expect((await rejection(core.listNode({}, timeout(300))) as Error).name).toBe('TimeoutError');
    expect(kube.requests.filter((r) => r.path === '/api/v1/nodes').slice(-2).map((r) => [r.status, r.fault])).toEqual([[200, 'latency'], [0, 'hang']]);
    expect((await core.listNode({}, timeout(5000))).items).toHaveLength(3);
  });

  it('ends hung requests when the server closes, so no test waits forever', async () => {
    const hanging = await startFakeKube({ objects: [] }, { faults: [{ hang: true }] });
    const pending = rejection(httpsGet(hanging, '/api/v1/namespaces'));
    while (hanging.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    await hanging.close();
    expect(String(await pending)).toMatch(/socket hang up|ECONNRESET/);
  });
});

describe('request log', () => {
  it('records method, path, query, status and auth of every request, and proves which paths were never asked for', async () => {
    const fresh = await startFakeKube(makeTestCluster());
    try {
      const kc = clientFor(fresh);
      await kc.makeApiClient(CoreV1Api).listNamespacedService({ namespace: 'team-002', limit: 3 });
      await kc.makeApiClient(StorageV1Api).listStorageClass();
      expect(fresh.requests).toEqual([
        { method: 'GET', path: '/api/v1/namespaces/team-002/services', query: { limit: '3' }, auth: 'token', user: 'system:serviceaccount:lifeboat:facts', status: 200, accept: 'application/json, */*;q=0.8' },
        { method: 'GET', path: '/apis/storage.k8s.io/v1/storageclasses', query: {}, auth: 'token', user: 'system:serviceaccount:lifeboat:facts', status: 200, accept: 'application/json, */*;q=0.8' },
      ]);
      expect(fresh.requests.some((r) => r.path.includes('/secrets'))).toBe(false);
      await httpsGet(fresh, '/api/v1/secrets');
      expect(fresh.requests.filter((r) => r.path.includes('/secrets')).map((r) => r.path)).toEqual(['/api/v1/secrets']);
    } finally {
      await fresh.close();
    }
  });
});
