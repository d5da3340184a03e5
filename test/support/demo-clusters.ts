/**
 * The two clusters of the example company, Kestrel Pay, as fake API servers serve them: the
 * source of the committed demo facts (`npm run demo-facts`). They differ the way real primary
 * and DR clusters drift apart:
 * - `dr-euc1` lacks the `io2-csi` StorageClass the ledger's volumes use, and cert-manager's CRDs;
 * - on `prod-euw1` the newest run of the `cluster-daily` Velero schedule failed, and the last
 *   three runs of the ledger's `pg_dump` CronJob failed while etcd snapshots keep succeeding;
 * - `cluster-daily` leaves cluster resources out, so its backups hold cert-manager and
 *   CloudNativePG objects but not their three CRDs (the inventories are in `DEMO_INVENTORIES`);
 * - the DR cluster sees the primary's backups through a read-only BackupStorageLocation, and
 *   keeps the Restores of two restore tests: payments worked, the full restore partially failed.
 */
import {
  CRD_SETS,
  FIXTURE_NOW,
  STORAGE_FIXTURES,
  asDefaultClass,
  loadFixtureObjects,
  makeBackupStorageLocation,
  makeIngressClass,
  makeNamespaces,
  makeNodes,
  makePriorityClasses,
  makePvcs,
  makeScheduledBackups,
  makeCronJob,
  makeRestore,
  makeSecrets,
  makeServices,
  SYSTEM_NAMESPACES,
  type FakeClusterSpec,
  type KubeObject,
} from './fake-kube/index.ts';
import { makeResourceList } from './velero-bucket.ts';

/** When the demo facts were collected: a few minutes after the fixtures' "now". */
export const DEMO_COLLECTED_AT = new Date(FIXTURE_NOW.getTime() + 7 * 60_000);

const HOUR = 3_600_000;

/** A StorageClass from the AWS EBS CSI example, renamed and retyped (gp3 or io2). */
function ebsClass(name: string, type: 'gp3' | 'io2', isDefault: boolean): KubeObject {
  const [example] = loadFixtureObjects(STORAGE_FIXTURES.awsEbs);
  const cls = { ...example!, metadata: { ...example!.metadata, name }, parameters: { type, ...(type === 'io2' ? { iopsPerGB: '50' } : {}), encrypted: 'true' } };
  return isDefault ? asDefaultClass(cls) : cls;
}

/** The EBS VolumeSnapshotClass example, under the name the runbooks use. */
function snapshotClass(): KubeObject {
  const [example] = loadFixtureObjects(STORAGE_FIXTURES.awsEbsSnapshotClass);
  return asDefaultClass({ ...example!, metadata: { ...example!.metadata, name: 'ebs-csi-snapclass' } });
}

/** One named Service with its EndpointSlice (the generator names services itself; rename them). */
function service(namespace: string, name: string, ready: number, notReady = 0): KubeObject[] {
  const objects = makeServices(1, { namespaces: [namespace], endpointsPerService: ready + notReady, notReady });
  const generated = objects[0]!.metadata.name;
  const rename = (text: string) => text.replaceAll(generated, name);
  return objects.map((o) => JSON.parse(rename(JSON.stringify(o))) as KubeObject);
}

const appNamespaces = ['payments', 'ledger', 'checkout', 'velero', 'ingress-nginx', 'cert-manager', 'cnpg-system', 'monitoring', 'lifeboat'];

export function primaryCluster(): FakeClusterSpec {
  return {
    version: 'v1.31.4-eks-aeac579',
    objects: [
      ...makeNamespaces([...SYSTEM_NAMESPACES, ...appNamespaces]),
      ...makeNodes(6, { region: 'eu-west-1' }),
      ebsClass('gp3-csi', 'gp3', true),
      ebsClass('io2-csi', 'io2', false),
      ...loadFixtureObjects([...CRD_SETS.velero, ...CRD_SETS.csiSnapshot, ...CRD_SETS.certManager, ...CRD_SETS.cloudnativePg]),
      snapshotClass(),
      ...makePvcs(2, { namespaces: ['payments'], storageClassName: 'gp3-csi', size: '20Gi' }),
      ...makePvcs(3, { namespaces: ['ledger'], storageClassName: 'io2-csi', size: '500Gi' }),
      ...service('payments', 'payments-api', 3),
      ...service('ledger', 'ledger-db-rw', 1),
      ...service('checkout', 'checkout-web', 3),
      ...service('ingress-nginx', 'ingress-nginx-controller', 3),
      makeIngressClass('nginx', 'k8s.io/ingress-nginx', { isDefault: true }),
      ...makePriorityClasses([{ name: 'kestrel-critical', value: 1000000, description: 'Tier-0 workloads.' }]),
      makeBackupStorageLocation({ bucket: 'kestrel-velero-backups-euw1', region: 'eu-west-1' }),
      ...makeScheduledBackups({ name: 'payments-hourly', cron: '0 * * * *', includedNamespaces: ['payments'], count: 24, everyHours: 1,
        newest: new Date(FIXTURE_NOW.getTime() + 12_000), durationMinutes: 4 }),
      // includeClusterResources: false keeps the CRDs out of the backup, while the custom
      // resources in the namespaces go in: the missing-CRDs story (demo-facts.ts writes the inventories).
      ...makeScheduledBackups({ name: 'cluster-daily', cron: '0 2 * * *', count: 7, everyHours: 24, durationMinutes: 41,
        excludedNamespaces: ['kube-system', 'kube-public', 'kube-node-lease'], includeClusterResources: false,
        newest: new Date(FIXTURE_NOW.getTime() - 4 * HOUR + 4_000), phase: (i) => (i === 0 ? 'Failed' : 'Completed') }),
      // Backups made by CronJobs: etcd snapshots every 30 minutes, all good; the ledger's hourly
      // pg_dump has failed for three runs in a row (the silent pg_dump).
      ...makeCronJob({ namespace: 'kube-system', name: 'etcd-snapshot', schedule: '*/30 * * * *', image: 'registry.k8s.io/etcd:3.5.16-0',
        runs: [0.2, 0.7, 1.2, 1.7, 2.2].map((hoursAgo) => ({ hoursAgo, outcome: 'succeeded' as const, minutes: 2 })) }),
      ...makeCronJob({ namespace: 'ledger', name: 'ledger-pg-dump', schedule: '15 * * * *',
        runs: [0.75, 1.75, 2.75, 3.75, 4.75].map((hoursAgo, i) => ({ hoursAgo, outcome: i < 3 ? ('failed' as const) : ('succeeded' as const), minutes: 6 })) }),
      ...makeSecrets(4, ['payments', 'ledger']),
    ],
  };
}

export function drCluster(): FakeClusterSpec {
  return {
    version: 'v1.31.4-eks-aeac579',
    objects: [
      // Warm standby: the ledger and payments namespaces exist, scaled to zero.
      ...makeNamespaces([...SYSTEM_NAMESPACES, 'ledger', 'payments', 'velero', 'ingress-nginx', 'cnpg-system', 'monitoring', 'lifeboat']),
      ...makeNodes(3, { region: 'eu-central-1' }),
      ebsClass('gp3-csi', 'gp3', true),
      ...loadFixtureObjects([...CRD_SETS.velero, ...CRD_SETS.csiSnapshot, ...CRD_SETS.cloudnativePg]),
      snapshotClass(),
      ...makePvcs(3, { namespaces: ['ledger'], storageClassName: 'gp3-csi', size: '500Gi' }),
      ...service('ledger', 'ledger-db-dr-rw', 1),
      ...service('ingress-nginx', 'ingress-nginx-controller', 2),
      makeIngressClass('nginx', 'k8s.io/ingress-nginx', { isDefault: true }),
      ...makePriorityClasses([{ name: 'kestrel-critical', value: 1000000, description: 'Tier-0 workloads.' }]),
      makeBackupStorageLocation({ name: 'default', bucket: 'kestrel-velero-backups-euc1', region: 'eu-central-1' }),
      { ...makeBackupStorageLocation({ name: 'primary-readonly', bucket: 'kestrel-velero-backups-euw1', region: 'eu-west-1', isDefault: false }),
        spec: { accessMode: 'ReadOnly', config: { region: 'eu-west-1' }, default: false, objectStorage: { bucket: 'kestrel-velero-backups-euw1', prefix: 'prod' }, provider: 'aws' } },
      // Backups the DR cluster synced from the primary's bucket.
      ...makeScheduledBackups({ name: 'payments-hourly', cron: '0 * * * *', includedNamespaces: ['payments'], count: 24, everyHours: 1,
        newest: new Date(FIXTURE_NOW.getTime() + 12_000), durationMinutes: 4, storageLocation: 'primary-readonly' }).slice(1),
      ...makeScheduledBackups({ name: 'cluster-daily', cron: '0 2 * * *', count: 7, everyHours: 24, durationMinutes: 41, storageLocation: 'primary-readonly',
        excludedNamespaces: ['kube-system', 'kube-public', 'kube-node-lease'], includeClusterResources: false, newest: new Date(FIXTURE_NOW.getTime() - 4 * HOUR + 4_000),
        phase: (i) => (i === 0 ? 'Failed' : 'Completed') }).slice(1),
      // Restore tests run in the DR cluster: the payments namespace came back in 9 minutes; the
      // full restore of the daily backup partially failed — its cert-manager and CloudNativePG
      // objects had no CRDs to land on.
      makeRestore({ name: 'restore-test-payments-20261110', backup: 'payments-hourly-20261110050012', includedNamespaces: ['payments'],
        started: new Date(FIXTURE_NOW.getTime() - 240 * HOUR), durationMinutes: 9 }),
      makeRestore({ name: 'restore-test-full-20261114', backup: 'cluster-daily-20261114020004', started: new Date(FIXTURE_NOW.getTime() - 148 * HOUR),
        durationMinutes: 97, phase: 'PartiallyFailed', errors: 5, warnings: 12 }),
    ],
  };
}

/** Namespaces the daily backup holds: everything but the control plane's own. */
const DAILY_NAMESPACES = ['cert-manager', 'checkout', 'cnpg-system', 'ingress-nginx', 'ledger', 'lifeboat', 'monitoring', 'payments', 'velero'];

/**
 * What the newest completed backup of each schedule holds, as Velero's inventory lists it: the
 * daily one has the custom resources of three CRDs but, with cluster resources left out, none of
 * the CRDs; the hourly payments one lets Velero add the CRD of what it holds.
 */
export const DEMO_INVENTORIES = {
  'cluster-daily': makeResourceList({
    namespaces: DAILY_NAMESPACES,
    custom: {
      'cert-manager.io/v1/Certificate': ['checkout/checkout-web-tls', 'payments/payments-api-tls'],
      'cert-manager.io/v1/Issuer': ['checkout/letsencrypt', 'payments/letsencrypt'],
      'postgresql.cnpg.io/v1/Cluster': ['ledger/ledger-db'],
    },
  }),
  'payments-hourly': makeResourceList({
    namespaces: ['payments'],
    crds: ['certificates.cert-manager.io'],
    custom: { 'cert-manager.io/v1/Certificate': ['payments/payments-api-tls'] },
  }),
};
