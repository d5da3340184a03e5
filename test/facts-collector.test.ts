/**
 * The facts collector against the fake API server, through real HTTPS: pagination, 410 restarts,
 * RBAC denials, timeouts, retries, a cluster that is down, and no leaks.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectAll } from '../src/facts/collect-all.ts';
import { loadKubeConfig } from '../src/facts/kube-client.ts';
import { DEFAULT_POLICY } from '../src/facts/list-all.ts';
import { parseSnapshot } from '../src/facts/snapshot-file.ts';
import type { FactsSnapshot } from '../src/schema/facts.ts';
import {
  CRD_SETS,
  STORAGE_FIXTURES,
  asDefaultClass,
  loadFixtureObjects,
  makeBackupStorageLocation,
  makeCronJob,
  makeRestore,
  PLANTED_ENV_SECRET,
  makeIngressClass,
  makeNamespaces,
  makeNodes,
  makePriorityClasses,
  makePvcs,
  makeRootCaConfigMaps,
  makeScheduledBackups,
  makeSecrets,
  makeServices,
  startFakeKube,
  type FakeClusterSpec,
  type FakeKube,
} from './support/fake-kube/index.ts';
import { closedPort } from './support/closed-port.ts';
import { runScript } from './support/run-script.ts';

/** A small but real cluster: EBS classes, Velero with an hourly schedule, services with endpoints. */
function cluster(): FakeClusterSpec {
  const namespaces = ['payments', 'velero'];
  return {
    objects: [
      ...makeNamespaces(namespaces),
      ...makeNodes(3, { notReady: 1 }),
      ...loadFixtureObjects(STORAGE_FIXTURES.awsEbs).map(asDefaultClass),
      ...loadFixtureObjects([...CRD_SETS.velero, ...CRD_SETS.csiSnapshot]),
      ...loadFixtureObjects(STORAGE_FIXTURES.awsEbsSnapshotClass),
      ...makePvcs(2, { namespaces: ['payments'] }),
      ...makeServices(4, { namespaces: ['payments'], endpointsPerService: 3, notReady: 1 }),
      makeIngressClass('nginx', 'k8s.io/ingress-nginx', { isDefault: true }),
      ...makePriorityClasses(),
      makeBackupStorageLocation(),
      ...makeScheduledBackups({ name: 'payments-hourly', cron: '0 * * * *', includedNamespaces: ['payments'], count: 5 }),
      makeRestore({ name: 'dr-test-20261110', backup: 'payments-hourly-20261110050000', includedNamespaces: ['payments'], phase: 'PartiallyFailed', warnings: 4, errors: 1 }),
      ...makeCronJob({ namespace: 'payments', name: 'pg-dump', runs: [{ hoursAgo: 26, outcome: 'succeeded' }, { hoursAgo: 2, outcome: 'failed' }, { hoursAgo: 1, outcome: 'failed' }, { hoursAgo: 0.1, outcome: 'running' }] }),
      ...makeSecrets(3, namespaces),
      ...makeRootCaConfigMaps(namespaces),
    ],
  };
}

/** No AWS credentials from anywhere, whatever the machine running the tests has. */
const NO_AWS = { AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined, AWS_SESSION_TOKEN: undefined, AWS_PROFILE: undefined,
  AWS_SHARED_CREDENTIALS_FILE: '/nonexistent', AWS_CONFIG_FILE: '/nonexistent', AWS_EC2_METADATA_DISABLED: 'true', AWS_WEB_IDENTITY_TOKEN_FILE: undefined,
  AWS_CONTAINER_CREDENTIALS_FULL_URI: undefined, AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: undefined };
const FAST = { ...DEFAULT_POLICY, timeoutMs: 1_000, backoffMs: 5, maxBackoffMs: 50 };
let kube: FakeKube;
let work: string;
let kubeconfig: string;
const now = new Date('2026-11-20T06:05:00Z');

async function collect(options: { contexts?: { context: string; name: string }[]; dir?: string } = {}) {
  const dir = options.dir ?? mkdtempSync(join(work, 'facts-'));
  const outcomes = await collectAll(loadKubeConfig(kubeconfig), options.contexts ?? [{ context: 'fake', name: 'prod' }], { dir, now, policy: FAST });
  return { dir, outcomes, snapshot: outcomes[0]!.ok ? outcomes[0]!.snapshot : undefined };
}

beforeAll(async () => {
  kube = await startFakeKube(cluster(), { maxPageSize: 500 });
  work = mkdtempSync(join(tmpdir(), 'lifeboat-facts-'));
  kubeconfig = join(work, 'kubeconfig');
  await kube.writeKubeconfig(kubeconfig);
});
afterAll(() => kube?.close());

describe('lifeboat facts', () => {
  it('writes a valid snapshot of every kind, reads no Secrets or ConfigMaps, and leaks no credentials', async () => {
    kube.requests.length = 0;
    const dir = mkdtempSync(join(work, 'cli-'));
    const result = await runScript('facts', ['--kubeconfig', kubeconfig, '--context', 'fake=prod-euw1', '--out', dir, '--timeout', '5s'], {
      env: { LIFEBOAT_NOW: now.toISOString(), ...NO_AWS },
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    // The example runbooks restore from payments-hourly, whose bucket this test gives no access to.
    expect(result.stdout).toMatch(/^prod-euw1 \(context fake, 127\.0\.0\.1:\d+\): 15 kinds read; 0 of 1 backup inventories read \(payments-hourly-\d+: error\) — [\d.]+ s → .*prod-euw1\.json\n$/);

    const text = readFileSync(join(dir, 'prod-euw1.json'), 'utf8');
    const { snapshot, issues } = parseSnapshot(text, 'prod-euw1.json');
    expect(issues).toEqual([]);
    expect(snapshot).toMatchObject({ cluster: 'prod-euw1', context: 'fake', collectedAt: now.toISOString(), serverVersion: { status: 'ok', gitVersion: 'v1.31.4' } });
    const kinds = snapshot!.kinds;
    expect(kinds.nodes).toMatchObject({ status: 'ok' });
    expect(kinds.nodes.status === 'ok' && kinds.nodes.items.map((n) => n.ready)).toEqual([true, true, false]);
    expect(kinds.storageClasses.status === 'ok' && kinds.storageClasses.items[0]).toMatchObject({ provisioner: 'ebs.csi.aws.com', default: true });
    expect(kinds.customResourceDefinitions.status === 'ok' && kinds.customResourceDefinitions.items.map((c) => c.name)).toContain('backups.velero.io');
    expect(kinds.services.status === 'ok' && kinds.services.items[0]!.endpoints).toEqual({ ready: 2, notReady: 1 });
    expect(kinds.schedules.status === 'ok' && kinds.schedules.items[0]).toMatchObject({ name: 'payments-hourly', schedule: '0 * * * *', includedNamespaces: ['payments'] });
    expect(kinds.backups.status === 'ok' && kinds.backups.items).toHaveLength(5);
    expect(kinds.cronJobs?.status === 'ok' && kinds.cronJobs.items).toEqual([{
      namespace: 'payments', name: 'pg-dump', schedule: '0 * * * *', suspend: false,
      lastScheduleTime: '2026-11-20T05:54:00Z', lastSuccessfulTime: '2026-11-19T04:04:00Z',
      jobs: [
        { name: expect.stringMatching(/^pg-dump-\d+$/), start: '2026-11-20T05:54:00Z', result: 'running' },
        { name: expect.stringMatching(/^pg-dump-\d+$/), start: '2026-11-20T05:00:00Z', result: 'failed' },
        { name: expect.stringMatching(/^pg-dump-\d+$/), start: '2026-11-20T04:00:00Z', result: 'failed' },
        { name: expect.stringMatching(/^pg-dump-\d+$/), start: '2026-11-19T04:00:00Z', completion: '2026-11-19T04:04:00Z', result: 'succeeded' },
      ],
    }]);
    expect(snapshot!.jobs).toEqual({ status: 'ok' });
    expect(kinds.restores?.status === 'ok' && kinds.restores.items).toEqual([{
      namespace: 'velero', name: 'dr-test-20261110', backup: 'payments-hourly-20261110050000', phase: 'PartiallyFailed',
      startTimestamp: '2026-11-10T06:00:00Z', completionTimestamp: '2026-11-10T06:38:00Z', warnings: 4, errors: 1,
    }]);

    expect(kinds.backupContents?.status === 'ok' && kinds.backupContents.items.map((i) => i.inventory)).toEqual([
      { status: 'error', reason: 'no AWS credentials to read the bucket of cluster "prod-euw1": set backups.buckets.prod-euw1.profile in the config, or the standard AWS environment' },
    ]);
    const paths = kube.requests.map((r) => r.path);
    expect(paths.filter((p) => /secrets|configmaps/.test(p))).toEqual([]);
    expect(new Set(kube.requests.map((r) => r.method))).toEqual(new Set(['GET']));
    // The token, and the bytes of the client certificate, key and CA, appear nowhere in the output.
    const secrets = [kube.token, ...[kube.clientCertPem, kube.clientKeyPem, kube.caPem].map((pem) => pem.split('\n')[1]!)];
    const kubeconfigText = readFileSync(kubeconfig, 'utf8');
    const embedded = [...kubeconfigText.matchAll(/-data: (\S+)/g)].map((m) => m[1]!.slice(0, 40));
    // …nor does anything from a CronJob's pod template.
    for (const secret of [...secrets, ...embedded, PLANTED_ENV_SECRET, 'pg-dump-db']) {
      expect(text.includes(secret), 'snapshot').toBe(false);
      expect(result.stdout.includes(secret) || result.stderr.includes(secret), 'output').toBe(false);
    }
  });

  it('never prints or stores a password written into the server URL (issue 28)', async () => {
    const dir = mkdtempSync(join(work, 'userinfo-'));
    const file = join(work, 'kubeconfig-userinfo');
    const password = 'PLANTED-url-password-9f3';
    await kube.writeKubeconfig(file, { contexts: [{ name: 'fake', url: kube.url.replace('https://', `https://oncall:${password}@`) }] });
    const facts = await runScript('facts', ['--kubeconfig', file, '--context', 'fake=prod', '--out', dir, '--timeout', '2s']);
    // Control: the password did reach the request, and the failure is still explained.
    expect(facts.code).toBe(1);
    expect(facts.stdout + facts.stderr).toContain('https://***@127.0.0.1');
    // A kubeconfig that does not parse: the parser's error quotes the lines around the mistake.
    const broken = join(work, 'kubeconfig-broken');
    writeFileSync(broken, readFileSync(file, 'utf8').replace(/(server: .*\n)/, '$1   bad: [\n'));
    const unreadable = await runScript('facts', ['--kubeconfig', broken, '--context', 'fake=prod', '--out', dir]);
    expect(unreadable.code).toBe(2);
    expect(unreadable.stderr).toContain('cannot read kubeconfig');
    for (const text of [facts.stdout, facts.stderr, unreadable.stdout, unreadable.stderr, ...readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8'))]) {
      // The user name stands for the whole userinfo: a quoted line may cut the password short.
      expect(text).not.toContain('oncall:');
      expect(text).not.toContain(kube.token);
    }
  });

  it('gives the same bytes for a second collection of an unchanged cluster', async () => {
    const first = await collect();
    const second = await collect();
    expect(readFileSync(join(second.dir, 'prod.json'), 'utf8')).toBe(readFileSync(join(first.dir, 'prod.json'), 'utf8'));
  });

  it('finds the kubeconfig through KUBECONFIG, as kubectl does', async () => {
    const dir = mkdtempSync(join(work, 'env-'));
    const result = await runScript('facts', ['--context', 'fake', '--out', dir], { env: { KUBECONFIG: kubeconfig } });
    expect(result.code).toBe(0);
    expect(parseSnapshot(readFileSync(join(dir, 'fake.json'), 'utf8'), 'fake.json').snapshot?.context).toBe('fake');
  });

  it('exits 2 for an unknown context, naming the ones that exist', async () => {
    const result = await runScript('facts', ['--kubeconfig', kubeconfig, '--context', 'nope']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('context "nope" is not in the kubeconfig (it has: fake)');
  });
});

describe('honest facts', () => {
  it('pages through long lists with limit and continue', async () => {
    kube.setCluster({ objects: [...cluster().objects, ...makeNamespaces(1200)] });
    kube.requests.length = 0;
    const { snapshot } = await collect();
    const namespaces = snapshot!.kinds.namespaces;
    expect(namespaces.status === 'ok' && namespaces.items.length).toBe(1202); // 1,200 (4 system) + payments, velero
    const pages = kube.requests.filter((r) => r.path === '/api/v1/namespaces');
    expect(pages.map((r) => r.query.limit)).toEqual(['500', '500', '500']);
    expect(pages.slice(1).every((r) => r.query.continue)).toBe(true);
    kube.setCluster(cluster());
  });

  it('restarts a list whose continue token expired (410 Gone), counting nothing twice', async () => {
    kube.setCluster({ objects: [...cluster().objects, ...makeNamespaces(1200)] });
    kube.setFaults([{ path: '/api/v1/namespaces', expireContinue: true, times: 1 }]);
    kube.requests.length = 0;
    const { snapshot } = await collect();
    const namespaces = snapshot!.kinds.namespaces;
    expect(namespaces.status === 'ok' && new Set(namespaces.items.map((n) => n.name)).size).toBe(1202);
    expect(namespaces.status === 'ok' && namespaces.items.length).toBe(1202);
    const statuses = kube.requests.filter((r) => r.path === '/api/v1/namespaces').map((r) => r.status);
    expect(statuses).toEqual([200, 410, 200, 200, 200]);
    kube.setFaults([]);
    kube.setCluster(cluster());
  });

  it('records a 403 kind as forbidden with the server’s reason, never as empty', async () => {
    kube.setForbidden(['services', 'backups.velero.io']);
    const { snapshot } = await collect();
    expect(snapshot!.kinds.services).toEqual({
      status: 'forbidden',
      reason: expect.stringContaining('services is forbidden: User "system:serviceaccount:lifeboat:facts" cannot list resource "services"'),
    });
    expect(snapshot!.kinds.backups.status).toBe('forbidden');
    expect(snapshot!.kinds.schedules.status).toBe('ok');
    kube.setForbidden([]);
  });

  it('marks APIs the cluster does not serve as absent without requesting them', async () => {
    const { objects } = cluster();
    kube.setCluster({ objects: objects.filter((o) => !o.apiVersion.startsWith('velero.io') && !(o.kind === 'CustomResourceDefinition' && String(o.metadata.name).endsWith('velero.io'))) });
    kube.requests.length = 0;
    const { snapshot } = await collect();
    expect(snapshot!.kinds.backups).toEqual({ status: 'absent', reason: 'the API velero.io/v1 is not served by this cluster' });
    expect(kube.requests.some((r) => r.path.startsWith('/apis/velero.io'))).toBe(false);
    kube.setCluster(cluster());
  });

  it('retries 429 and 5xx with backoff, and malformed JSON, then succeeds', async () => {
    kube.setFaults([
      { path: '/apis/storage.k8s.io/v1/storageclasses', status: 503, times: 2 },
      { path: '/api/v1/nodes', status: 429, retryAfterSeconds: 0, times: 1 },
      { path: '/apis/scheduling.k8s.io/v1/priorityclasses', malformedJson: true, times: 1 },
    ]);
    kube.requests.length = 0;
    const { snapshot } = await collect();
    expect(snapshot!.kinds.storageClasses.status).toBe('ok');
    expect(snapshot!.kinds.nodes.status).toBe('ok');
    expect(snapshot!.kinds.priorityClasses.status).toBe('ok');
    expect(kube.requests.filter((r) => r.path === '/apis/storage.k8s.io/v1/storageclasses').map((r) => r.status)).toEqual([503, 503, 200]);
    kube.setFaults([]);
  });

  it('times out a request that hangs, retries it, and reports the kind as an error when it never answers', async () => {
    kube.setFaults([
      { path: '/apis/networking.k8s.io/v1/ingressclasses', hang: true, hangMs: 5_000, times: 1 },
      { path: '/apis/scheduling.k8s.io/v1/priorityclasses', hang: true, hangMs: 5_000 },
    ]);
    const { snapshot } = await collect();
    expect(snapshot!.kinds.ingressClasses.status).toBe('ok');
    expect(snapshot!.kinds.priorityClasses).toEqual({ status: 'error', reason: 'no answer within 1 s' });
    kube.setFaults([]);
  });

  it('reads the other clusters when one is down, and keeps the down one’s previous snapshot', async () => {
    const dr = await startFakeKube(cluster(), { auth: { token: false } });
    const file = join(work, 'two-clusters');
    await kube.writeKubeconfig(file, {
      contexts: [
        { name: 'prod' },
        { name: 'down', url: `https://127.0.0.1:${await closedPort()}` },
        { name: 'dr-cert', server: dr, user: 'cert' },
      ],
    });
    const dir = mkdtempSync(join(work, 'two-'));
    writeFileSync(join(dir, 'down.json'), 'previous snapshot\n');
    const result = await runScript('facts', ['--kubeconfig', file, '--context', 'prod', '--context', 'down', '--context', 'dr-cert=dr', '--out', dir, '--timeout', '2s']);
    await dr.close();
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^prod \(context prod, .*\n/m);
    expect(result.stdout).toMatch(/^dr \(context dr-cert, .*\n/m);
    expect(result.stderr).toMatch(/^down \(context down\): failed — ECONNREFUSED.* Its previous snapshot, if any, was kept\.\n$/);
    expect(readFileSync(join(dir, 'down.json'), 'utf8')).toBe('previous snapshot\n');
    expect(parseSnapshot(readFileSync(join(dir, 'dr.json'), 'utf8'), 'dr.json').snapshot?.kinds.services.status).toBe('ok');
  });

  it('reads CRDs as metadata only where aggregated discovery serves the rest, with the same facts as whole objects', async () => {
    const aggregated = await startFakeKube(cluster(), { aggregatedDiscovery: true, maxPageSize: 500 });
    const file = join(work, 'aggregated');
    await aggregated.writeKubeconfig(file);
    const dir = mkdtempSync(join(work, 'aggregated-'));
    const [fromMetadata] = await collectAll(loadKubeConfig(file), [{ context: 'fake', name: 'prod' }], { dir, now, policy: FAST });
    await aggregated.close();
    kube.requests.length = 0;
    const { snapshot: fromObjects } = await collect();

    const crdPath = '/apis/apiextensions.k8s.io/v1/customresourcedefinitions';
    expect(aggregated.requests.filter((r) => r.path === crdPath).map((r) => r.accept)).toEqual([expect.stringMatching(/^application\/json;as=PartialObjectMetadataList;g=meta\.k8s\.io;v=v1,/)]);
    expect(kube.requests.filter((r) => r.path === crdPath).map((r) => r.accept)).toEqual(['application/json']);
    const crds = (s: FactsSnapshot | undefined) => (s?.kinds.customResourceDefinitions.status === 'ok' ? s.kinds.customResourceDefinitions.items : []);
    const full = crds(fromObjects);
    expect(full.length).toBeGreaterThan(10);
    // Discovery lists served versions, preferred first, and does not say which one is stored.
    const comparable = full.map((c) => ({ ...c, versions: c.versions.filter((v) => v.served).map((v) => ({ name: v.name, served: true })) }));
    const sortVersions = (list: typeof full) => list.map((c) => ({ ...c, versions: [...c.versions].sort((a, b) => a.name.localeCompare(b.name)) }));
    expect(sortVersions(crds(fromMetadata!.ok ? fromMetadata!.snapshot : undefined))).toEqual(sortVersions(comparable));
  });

  it('keeps the previous snapshot and exits 1 when the cluster answers /version but no list', async () => {
    kube.setFaults([{ path: /^\/apis?\/.+/, status: 500 }]);
    const dir = mkdtempSync(join(work, 'half-dead-'));
    writeFileSync(join(dir, 'prod.json'), 'previous snapshot\n');
    const result = await runScript('facts', ['--kubeconfig', kubeconfig, '--context', 'fake=prod', '--out', dir, '--timeout', '1s']);
    kube.setFaults([]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^prod \(context fake\): failed — only 0 of 16 kinds could be read \(namespaces: HTTP 500.*, and 15 more\)\. Its previous snapshot, if any, was kept\.\n$/);
    expect(readFileSync(join(dir, 'prod.json'), 'utf8')).toBe('previous snapshot\n');
    // Control: the same cluster, healthy, does replace it.
    const healthy = await runScript('facts', ['--kubeconfig', kubeconfig, '--context', 'fake=prod', '--out', dir]);
    expect(healthy.code).toBe(0);
    expect(parseSnapshot(readFileSync(join(dir, 'prod.json'), 'utf8'), 'prod.json').issues).toEqual([]);
  });

  it('bounds the TLS handshake by --timeout, and the whole cluster by --deadline', async () => {
    // A server that accepts TCP and never speaks TLS: before, each attempt waited for undici's 10 s connect timeout.
    const silent = createNetServer((socket) => socket.on('error', () => {}));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const file = join(work, 'silent');
    await kube.writeKubeconfig(file, { contexts: [{ name: 'silent', url: `https://127.0.0.1:${(silent.address() as AddressInfo).port}` }] });
    try {
      let started = performance.now();
      const timedOut = await runScript('facts', ['--kubeconfig', file, '--context', 'silent', '--out', join(work, 'silent-out'), '--timeout', '1s']);
      const seconds = (performance.now() - started) / 1000;
      expect(timedOut.code).toBe(1);
      expect(timedOut.stderr).toContain('silent (context silent): failed — no answer within 1 s.');
      // Five attempts of 1 s with at most 8 s of backoff in all, plus the process's start.
      expect(seconds).toBeLessThan(20);

      started = performance.now();
      const deadline = await runScript('facts', ['--kubeconfig', file, '--context', 'silent', '--out', join(work, 'silent-out'), '--timeout', '10s', '--deadline', '2s']);
      expect(deadline.code).toBe(1);
      expect(deadline.stderr).toContain('silent (context silent): failed — the cluster was still being read after 2 s (the deadline).');
      expect((performance.now() - started) / 1000).toBeLessThan(9);
    } finally {
      silent.close();
    }
  });

  it('fails a cluster whose credentials are refused', async () => {
    const file = join(work, 'wrong-token');
    await kube.writeKubeconfig(file, { contexts: [{ name: 'prod', user: { token: 'not-the-token' } }] });
    const outcomes = await collectAll(loadKubeConfig(file), [{ context: 'prod', name: 'prod' }], { dir: join(work, 'unused'), now, policy: FAST });
    expect(outcomes[0]).toMatchObject({ ok: false, reason: expect.stringMatching(/^HTTP 401/) });
  });
});

describe('snapshots that cannot be trusted', () => {
  const valid = async (): Promise<FactsSnapshot> => (await collect()).snapshot!;

  it('rejects a snapshot that fails its schema, with the position', async () => {
    const text = JSON.stringify({ ...(await valid()), kinds: { ...(await valid()).kinds, nodes: { status: 'ok' } } }, null, 2);
    const { snapshot, issues } = parseSnapshot(text, 'facts/prod.json');
    expect(snapshot).toBeUndefined();
    expect(issues.map((i) => `${i.code} ${i.position.type === 'source' ? i.position.line : '?'}: ${i.message}`)).toEqual([
      expect.stringMatching(/^FactsInvalid \d+: This facts snapshot is not valid: 1 problem, the first: "kinds\.nodes" has no "items"/),
    ]);
  });

  it('rejects a snapshot of another format version or another cluster name', async () => {
    const snapshot = await valid();
    expect(parseSnapshot(JSON.stringify({ ...snapshot, version: 2 }), 'prod.json').issues[0]?.message).toBe(
      'This facts snapshot is not valid: it has format version 2; this Lifeboat reads version 1 — ignoring it, so this cluster\'s facts count as unknown.',
    );
    expect(parseSnapshot(JSON.stringify(snapshot), 'dr.json').issues[0]?.message).toContain('it holds cluster "prod" but is named "dr.json"');
  });
});
