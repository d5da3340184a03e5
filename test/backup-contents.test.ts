/**
 * What backups hold, end to end: `lifeboat facts` against the fake API server reads each needed
 * backup's inventory from a real S3-compatible server (and from one that refuses), keeps only
 * namespaces, counts and CRD names, and `lifeboat check` reports what the restores would miss.
 */
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSnapshot } from '../src/facts/snapshot-file.ts';
import type { FactsSnapshot } from '../src/schema/facts.ts';
import {
  CRD_SETS,
  FIXTURE_NOW,
  loadFixtureObjects,
  makeBackupStorageLocation,
  makeNamespaces,
  makeScheduledBackups,
  startFakeKube,
  type FakeKube,
} from './support/fake-kube/index.ts';
import { S3RVER_ENV, startLocalS3, type LocalS3 } from './support/local-s3.ts';
import { runScript } from './support/run-script.ts';
import { makeResourceList, putInventory, startRefusingS3, startSilentS3 } from './support/velero-bucket.ts';

const HOUR = 3_600_000;
const BUCKET = 'velero-prod';
const PREFIX = 'prod';
const PLANTED_SECRET = 'payments/stripe-live-key-do-not-leak';
const now = new Date(FIXTURE_NOW.getTime() + 5 * 60_000);

let kube: FakeKube;
let s3: LocalS3;
let refusing: Awaited<ReturnType<typeof startRefusingS3>>;
let silent: Awaited<ReturnType<typeof startSilentS3>>;
let project: string;
let snapshot: FactsSnapshot;
let factsOutput: { code: number | null; stdout: string; stderr: string };

/** Newest backup of a schedule made by `makeScheduledBackups` with `newest` and `everyHours`. */
const backupName = (schedule: string, start: Date) => `${schedule}-${start.toISOString().replace(/[-:T]/g, '').slice(0, 14)}`;
const daily = new Date(FIXTURE_NOW.getTime() - 3 * HOUR);
const hourly = new Date(FIXTURE_NOW.getTime() - HOUR);

const RUNBOOK = `id: restore-everything
title: Restore the platform from its backups
service: platform
tier: 0
owners: [platform]
escalation: [{ name: On-call, email: oncall@example.com }]
lastReviewed: 2026-11-01
rto: 4h
rpo: 2h
requires:
  - { kind: Schedule, name: cluster-daily, namespace: velero, cluster: primary }
  - { kind: Schedule, name: payments-hourly, namespace: velero, cluster: primary }
  - { kind: Schedule, name: ledger-nightly, namespace: velero, cluster: primary }
  - { kind: Schedule, name: locked-daily, namespace: velero, cluster: primary }
  - { kind: Schedule, name: stuck-daily, namespace: velero, cluster: primary }
steps:
  - id: restore-payments
    title: Restore payments
    commands:
      - run: velero restore create pay --from-schedule payments-hourly --include-namespaces paymnets --wait
        cluster: primary
`;

/** Restores from the daily backup only, and requires two CloudNativePG CRDs. */
const LEDGER_RUNBOOK = `id: restore-ledger
title: Restore the ledger database
service: ledger
tier: 1
owners: [ledger]
escalation: [{ name: On-call, email: oncall@example.com }]
lastReviewed: 2026-11-01
rto: 4h
rpo: 1d
requires:
  - { kind: Schedule, name: cluster-daily, namespace: velero, cluster: primary }
  - { kind: CustomResourceDefinition, name: scheduledbackups.postgresql.cnpg.io, cluster: primary }
  - { kind: CustomResourceDefinition, name: clusters.postgresql.cnpg.io, cluster: primary }
  - { kind: Namespace, name: ledger, cluster: primary }
  - { kind: Namespace, name: ledger-archive, cluster: primary }
steps:
  - id: restore
    title: Restore
`;

beforeAll(async () => {
  s3 = await startLocalS3();
  refusing = await startRefusingS3();
  silent = await startSilentS3();
  await s3.client.send(new CreateBucketCommand({ Bucket: BUCKET }));
  kube = await startFakeKube({
    objects: [
      ...makeNamespaces(['payments', 'ledger', 'velero']),
      ...loadFixtureObjects([...CRD_SETS.velero, ...CRD_SETS.certManager, ...CRD_SETS.cloudnativePg]),
      makeBackupStorageLocation({ bucket: BUCKET, prefix: PREFIX, s3Url: s3.endpoint }),
      makeBackupStorageLocation({ name: 'locked', bucket: 'velero-locked', prefix: '', s3Url: refusing.endpoint, isDefault: false }),
      makeBackupStorageLocation({ name: 'stuck', bucket: 'velero-stuck', prefix: '', s3Url: silent.endpoint, isDefault: false }),
      ...makeScheduledBackups({ name: 'cluster-daily', count: 3, newest: daily, everyHours: 24 }),
      ...makeScheduledBackups({ name: 'payments-hourly', count: 3, newest: hourly, everyHours: 1, includedNamespaces: ['payments'],
        phase: (i) => (i === 0 ? 'PartiallyFailed' : 'Completed') }),
      ...makeScheduledBackups({ name: 'ledger-nightly', count: 2, newest: daily, includedNamespaces: ['ledger'] }),
      ...makeScheduledBackups({ name: 'locked-daily', count: 1, newest: daily, storageLocation: 'locked' }),
      ...makeScheduledBackups({ name: 'stuck-daily', count: 1, newest: daily, storageLocation: 'stuck' }),
      ...makeScheduledBackups({ name: 'unused', count: 1, newest: daily }),
    ],
  });
  // The war story: the daily backup holds cert-manager and CloudNativePG objects, not their CRDs.
  await putInventory(s3.client, BUCKET, PREFIX, backupName('cluster-daily', daily), makeResourceList({
    namespaces: ['payments', 'ledger', 'cert-manager'],
    secrets: [PLANTED_SECRET],
    crds: ['backups.postgresql.cnpg.io'],
    custom: {
      'cert-manager.io/v1/Certificate': ['payments/api-tls', 'ledger/db-tls'],
      'cert-manager.io/v1/Issuer': ['payments/letsencrypt'],
      'postgresql.cnpg.io/v1/Cluster': ['ledger/ledger-db'],
      'postgresql.cnpg.io/v1/Backup': ['ledger/ledger-db-20261119'],
    },
  }));
  // payments-hourly: the newest PartiallyFailed; the one before it Completed and is what restores use.
  await putInventory(s3.client, BUCKET, PREFIX, backupName('payments-hourly', new Date(hourly.getTime() - HOUR)), makeResourceList({ namespaces: ['payments'] }));
  await putInventory(s3.client, BUCKET, PREFIX, backupName('unused', daily), makeResourceList({ namespaces: ['payments'] }));
  // ledger-nightly: no inventory at all. locked-daily: the bucket answers 403.

  project = mkdtempSync(join(tmpdir(), 'lifeboat-backup-contents-'));
  mkdirSync(join(project, 'runbooks'));
  writeFileSync(join(project, 'lifeboat.config.yaml'), 'clusters: { primary: prod }\nbackups: { timeout: 2s }\n');
  writeFileSync(join(project, 'runbooks', 'restore-everything.yaml'), RUNBOOK);
  writeFileSync(join(project, 'runbooks', 'restore-ledger.yaml'), LEDGER_RUNBOOK);
  await kube.writeKubeconfig(join(project, 'kubeconfig'));

  factsOutput = await runScript('facts', ['--kubeconfig', join(project, 'kubeconfig'), '--context', 'fake=prod'], {
    cwd: project,
    env: { ...S3RVER_ENV, LIFEBOAT_NOW: now.toISOString() },
  });
  const parsed = parseSnapshot(readFileSync(join(project, 'facts', 'prod.json'), 'utf8'), 'prod.json');
  expect(parsed.issues).toEqual([]);
  snapshot = parsed.snapshot!;
}, 120_000);

afterAll(async () => {
  await Promise.all([kube?.close(), s3?.stop(), refusing?.close(), silent?.close()]);
  if (project) rmSync(project, { recursive: true, force: true });
});

describe('backup inventories in facts', () => {
  it('reads the newest completed backup of each schedule the runbooks restore from, and only those', () => {
    expect(factsOutput.stderr).toBe('');
    expect(factsOutput.code).toBe(0);
    expect(factsOutput.stdout).toMatch(/2 of 5 backup inventories read \(ledger-nightly-\d+: missing, locked-daily-\d+: forbidden, stuck-daily-\d+: error\)/);
    const contents = snapshot.kinds.backupContents;
    expect(contents?.status).toBe('ok');
    const items = contents?.status === 'ok' ? contents.items : [];
    expect(items.map((i) => [i.name, i.inventory.status])).toEqual([
      [backupName('cluster-daily', daily), 'ok'],
      [expect.stringMatching(/^ledger-nightly-/), 'missing'],
      [expect.stringMatching(/^locked-daily-/), 'forbidden'],
      [backupName('payments-hourly', new Date(hourly.getTime() - HOUR)), 'ok'],
      [expect.stringMatching(/^stuck-daily-/), 'error'],
    ]);
    // The schedule nobody restores from is not read, and the refusing bucket was asked once, for one key.
    expect(items.some((i) => i.schedule === 'unused')).toBe(false);
    expect(refusing.requests).toEqual([expect.stringMatching(/^GET \/velero-locked\/backups\/locked-daily-\d+\/locked-daily-\d+-resource-list\.json\.gz/)]);
  });

  it('keeps namespaces, counts per resource type and CRD names — no object names', () => {
    const contents = snapshot.kinds.backupContents;
    const daily = contents?.status === 'ok' ? contents.items[0]! : undefined;
    expect(daily).toMatchObject({
      namespace: 'velero',
      schedule: 'cluster-daily',
      source: `s3://${BUCKET}/${PREFIX}/backups/${daily?.name}/${daily?.name}-resource-list.json.gz`,
      inventory: {
        status: 'ok',
        namespaces: ['cert-manager', 'ledger', 'payments'],
        crds: ['backups.postgresql.cnpg.io'],
        resources: expect.objectContaining({ 'v1/Secret': 4, 'cert-manager.io/v1/Certificate': 2, 'v1/Namespace': 3 }),
      },
    });
    const text = readFileSync(join(project, 'facts', 'prod.json'), 'utf8');
    for (const name of [PLANTED_SECRET, 'stripe-live-key', 'payments-db-credentials', 'kube-root-ca.crt', 'api-tls', 'pvc-payments-0a1b2c3d']) expect(text).not.toContain(name);
  });

  it('says why contents are unknown: no inventory, a bucket that refuses, one that never answers', () => {
    const contents = snapshot.kinds.backupContents;
    const items = contents?.status === 'ok' ? contents.items : [];
    expect(items[4]!.inventory).toEqual({ status: 'error', reason: 'the bucket did not answer within 2 s' });
    expect(items[1]!.inventory).toEqual({ status: 'missing', reason: expect.stringContaining('Velero wrote no inventory at s3://velero-prod/prod/backups/ledger-nightly-') });
    expect(items[2]!.inventory).toEqual({ status: 'forbidden', reason: expect.stringContaining('the bucket refused to read s3://velero-locked/backups/locked-daily-') });
  });
});

describe('lifeboat check on backup contents', () => {
  let issues: { file: string; code: string; message: string; hint?: string; line: number | null }[];
  beforeAll(async () => {
    const result = await runScript('check', ['--format', 'json'], { cwd: project, env: { LIFEBOAT_NOW: now.toISOString() } });
    expect(result.code).toBe(1);
    issues = JSON.parse(result.stdout).issues;
  }, 60_000);

  const of = (code: string, file: string) => issues.filter((i) => i.code === code && i.file.endsWith(file));

  it('names each CRD the daily backup lacks while holding its custom resources, and a required one', () => {
    expect(of('BackupMissingCrd', 'restore-everything.yaml').map((i) => [i.line, i.message])).toEqual([
      [11, expect.stringMatching(/^CustomResourceDefinition "certificates\.cert-manager\.io" is not in backup cluster-daily-\d+ \(the newest completed backup of schedule "cluster-daily" in "prod"\), though it holds 2 custom resources of it \(cert-manager\.io\/v1\/Certificate\)\.$/)],
      [11, expect.stringContaining('"issuers.cert-manager.io"')],
      [11, expect.stringContaining('"clusters.postgresql.cnpg.io"')],
    ]);
    // backups.postgresql.cnpg.io is in the backup; scheduledbackups is required only where the
    // contents of one source are unknown, so it may be there: neither is reported.
    expect(issues.some((i) => i.message.includes('"backups.postgresql.cnpg.io"'))).toBe(false);
    expect(of('BackupMissingCrd', 'restore-ledger.yaml').map((i) => [i.line, i.message])).toEqual([
      [11, expect.stringContaining('"certificates.cert-manager.io"')],
      [11, expect.stringContaining('"issuers.cert-manager.io"')],
      [11, expect.stringContaining('"clusters.postgresql.cnpg.io"')],
      [12, expect.stringMatching(/^CustomResourceDefinition "scheduledbackups\.postgresql\.cnpg\.io" is not in backup cluster-daily-\d+ .*, though the runbook requires it and restores from that backup\.$/)],
    ]);
  });

  it('finds namespaces the backups do not hold, with a did-you-mean from what they do hold', () => {
    expect(of('BackupMissingNamespace', 'restore-everything.yaml')).toEqual([expect.objectContaining({
      line: 20,
      message: expect.stringMatching(/^Namespace "paymnets" \(restored with `--include-namespaces`\) is not in backup payments-hourly-\d+ /),
      hint: expect.stringMatching(/^Did you mean "payments"\? The backup holds the namespaces "payments"\./),
    })]);
    expect(of('BackupMissingNamespace', 'restore-ledger.yaml')).toEqual([expect.objectContaining({
      line: 15,
      message: expect.stringMatching(/^Namespace "ledger-archive" \(required by the runbook\) is not in backup cluster-daily-\d+/),
    })]);
  });

  it('reports the partially failed newest backup, and unknown contents as unknown, never missing', () => {
    expect(of('BackupPartiallyFailed', 'restore-everything.yaml')).toEqual([expect.objectContaining({
      line: 12,
      message: expect.stringMatching(/^The newest backup of schedule "payments-hourly", payments-hourly-\d+, PartiallyFailed with 2 errors: .* skips it for the older payments-hourly-\d+\.$/),
    })]);
    expect(of('BackupContentsUnknown', 'restore-everything.yaml').map((i) => [i.line, i.message])).toEqual([
      [13, expect.stringMatching(/^What backup ledger-nightly-\d+ holds cannot be checked: Velero wrote no inventory at /)],
      [14, expect.stringMatching(/^What backup locked-daily-\d+ holds cannot be checked: the bucket refused /)],
      [15, expect.stringMatching(/^What backup stuck-daily-\d+ holds cannot be checked: the bucket did not answer within 2 s\./)],
    ]);
    expect(of('BackupContentsUnknown', 'restore-everything.yaml')[1]!.hint).toContain('docs/backups.md');
    expect(issues.filter((i) => /ledger-nightly|locked-daily|stuck-daily/.test(i.message) && i.code.startsWith('BackupMissing'))).toEqual([]);
  });
});

describe('a project whose runbooks do not all load', () => {
  it('still collects, reads what the loadable runbooks restore from, and says what was left out', async () => {
    const broken = mkdtempSync(join(tmpdir(), 'lifeboat-backup-contents-broken-'));
    try {
      mkdirSync(join(broken, 'runbooks'));
      writeFileSync(join(broken, 'lifeboat.config.yaml'), 'clusters: { primary: prod }\n');
      writeFileSync(join(broken, 'runbooks', 'restore-ledger.yaml'), LEDGER_RUNBOOK);
      writeFileSync(join(broken, 'runbooks', 'half-written.yaml'), 'id: half-written\ntitle: [unclosed\n');
      const result = await runScript('facts', ['--kubeconfig', join(project, 'kubeconfig'), '--context', 'fake=prod'], {
        cwd: broken,
        env: { ...S3RVER_ENV, LIFEBOAT_NOW: now.toISOString() },
      });
      expect(result.stderr).toBe('1 runbook file did not load (run `lifeboat check`): the backups it restores from are not inventoried.\n');
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/; 1 of 1 backup inventories read — /);
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  }, 60_000);
});
