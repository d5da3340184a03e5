/**
 * A large, realistic cluster for the collector benchmark: real Velero and CSI snapshot CRDs
 * and StorageClasses from the fixtures, plus generated namespaces, nodes, CRDs, Services with
 * EndpointSlices, PVCs and Velero schedules with their backups.
 */
import { CRD_SETS, STORAGE_FIXTURES, asDefaultClass, loadFixtureObjects } from './fixtures.ts';
import { makeIngressClass, makePriorityClasses } from './make-classes.ts';
import { makeNamespaces, makeNodes, makePvcs } from './make-core.ts';
import { makeCrds } from './make-crds.ts';
import { makeCronJob } from './make-batch.ts';
import { makeServices } from './make-services.ts';
import { makeBackupStorageLocation, makeRestore, makeScheduledBackups } from './make-velero.ts';
import type { FakeClusterSpec } from './types.ts';

/** Sizes of the generated cluster; the defaults are the benchmark's. */
export interface ScaleOptions {
  namespaces?: number;
  /** CRDs in total, including the 16 real Velero and CSI snapshot ones. */
  crds?: number;
  /** Size of each generated CRD's schema, per version (see `makeCrds`). */
  crdSchemaKb?: number;
  services?: number;
  slicesPerService?: number;
  endpointsPerService?: number;
  nodes?: number;
  pvcs?: number;
  backupsPerSchedule?: number;
  /** CronJobs (pg_dump-style backups), each with `runsPerCronJob` Jobs. */
  cronJobs?: number;
  runsPerCronJob?: number;
  /** Velero Restores (restore tests and real restores), by the hundred in a long-lived cluster. */
  restores?: number;
}

/** Defaults: 200 namespaces, 2,000 CRDs, 5,000 Services with 4 EndpointSlices each (20,000), 1,000 CronJobs with 5,000 Jobs, 300 Restores. */
export function makeScaleCluster(options: ScaleOptions = {}): FakeClusterSpec {
  const { namespaces: nsCount = 200, crds = 2000, crdSchemaKb, services = 5000, slicesPerService = 4, endpointsPerService = 6, nodes = 30,
    pvcs = 400, backupsPerSchedule = 30, cronJobs = 1000, runsPerCronJob = 5, restores = 300 } = options;
  const realCrds = loadFixtureObjects([...CRD_SETS.velero, ...CRD_SETS.csiSnapshot]);
  const namespaces = makeNamespaces(nsCount);
  const nsNames = namespaces.map((n) => n.metadata.name);
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  return {
    version: 'v1.31.4-eks-aeac579',
    objects: [
      ...namespaces,
      ...makeNodes(nodes, { notReady: 1 }),
      ...realCrds,
      ...makeCrds(Math.max(0, crds - realCrds.length), { schemaKb: crdSchemaKb }),
      ...loadFixtureObjects(STORAGE_FIXTURES.awsEbs).map(asDefaultClass),
      ...loadFixtureObjects(STORAGE_FIXTURES.awsEbsSnapshotClass),
      ...makeServices(services, { namespaces: nsNames, slicesPerService, endpointsPerService, zones, notReady: (i) => (i % 50 === 0 ? endpointsPerService : i % 7 === 0 ? 1 : 0) }),
      ...makePvcs(pvcs, { namespaces: nsNames.slice(4) }),
      makeIngressClass('nginx', 'k8s.io/ingress-nginx', { isDefault: true }),
      ...makePriorityClasses([{ name: 'platform-high', value: 100000 }]),
      makeBackupStorageLocation(),
      ...makeScheduledBackups({ name: 'daily', count: backupsPerSchedule, includedNamespaces: ['*'], excludedNamespaces: ['kube-system'] }),
      ...makeScheduledBackups({ name: 'hourly-payments', cron: '0 * * * *', everyHours: 1, count: backupsPerSchedule, includedNamespaces: nsNames.slice(4, 8) }),
      ...Array.from({ length: cronJobs }, (_, i) => makeCronJob({
        namespace: nsNames[i % nsNames.length]!, name: `backup-${String(i).padStart(4, '0')}`,
        runs: Array.from({ length: runsPerCronJob }, (_, r) => ({ hoursAgo: r + 1, outcome: i % 10 === 0 && r < 2 ? 'failed' as const : 'succeeded' as const })),
      })).flat(),
      ...Array.from({ length: restores }, (_, i) => makeRestore({
        name: `restore-test-${String(i).padStart(4, '0')}`, backup: `daily-${String(20260101000000 + i * 100)}`, includedNamespaces: [nsNames[i % nsNames.length]!],
        started: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000), phase: i % 9 === 0 ? 'PartiallyFailed' : 'Completed', ...(i % 9 === 0 ? { errors: 2, warnings: 5 } : {}),
      })),
      ...makeScheduledBackups({ name: 'weekly-full', cron: '0 3 * * 0', everyHours: 168, count: 4, phase: (i) => (i === 0 ? 'Failed' : 'Completed') }),
    ],
  };
}
