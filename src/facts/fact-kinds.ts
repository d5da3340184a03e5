/**
 * What the collector reads, and from where: one row per kind, with the API group/version that
 * must be served for it to exist and the page size to list it with (CRDs carry whole OpenAPI
 * schemas, so they come in smaller pages).
 */
import type { FactKind, KindItem } from '../schema/facts.ts';
import * as reduce from './reduce-objects.ts';

export interface KindSource<K extends FactKind = FactKind> {
  kind: K;
  /** Cluster-wide list path. Secrets and ConfigMaps are deliberately absent from this table. */
  path: string;
  /** `group/version` that discovery must list; `v1` is the core group. */
  groupVersion: string;
  /** The objects' `kind`, e.g. `StorageClass`. */
  objectKind: string;
  pageSize: number;
  reduce: (raw: any) => KindItem<K>;
}

/** `/api/v1/x` → `v1`, `/apis/G/V/x` → `G/V`: what discovery must serve for the path to exist. */
const groupVersionOf = (path: string) => path.replace(/^\/apis?\//, '').split('/').slice(0, -1).join('/');

/** A row of the table: the group/version comes from the path, and lists go 500 at a time unless said. */
const source = <K extends FactKind>(s: Omit<KindSource<K>, 'groupVersion' | 'pageSize'> & { pageSize?: number }): KindSource<K> => ({
  ...s,
  groupVersion: groupVersionOf(s.path),
  pageSize: s.pageSize ?? 500,
});

export const KIND_SOURCES = [
  source({ kind: 'namespaces', objectKind: 'Namespace', path: '/api/v1/namespaces', reduce: reduce.reduceNamespace }),
  source({ kind: 'nodes', objectKind: 'Node', path: '/api/v1/nodes', reduce: reduce.reduceNode }),
  source({ kind: 'storageClasses', objectKind: 'StorageClass', path: '/apis/storage.k8s.io/v1/storageclasses', reduce: reduce.reduceStorageClass }),
  source({ kind: 'volumeSnapshotClasses', objectKind: 'VolumeSnapshotClass', path: '/apis/snapshot.storage.k8s.io/v1/volumesnapshotclasses', reduce: reduce.reduceVolumeSnapshotClass }),
  source({ kind: 'persistentVolumeClaims', objectKind: 'PersistentVolumeClaim', path: '/api/v1/persistentvolumeclaims', reduce: reduce.reducePvc }),
  source({ kind: 'customResourceDefinitions', objectKind: 'CustomResourceDefinition', path: '/apis/apiextensions.k8s.io/v1/customresourcedefinitions', pageSize: 100, reduce: reduce.reduceCrd }),
  source({ kind: 'services', objectKind: 'Service', path: '/api/v1/services', reduce: reduce.reduceService }),
  source({ kind: 'ingressClasses', objectKind: 'IngressClass', path: '/apis/networking.k8s.io/v1/ingressclasses', reduce: reduce.reduceIngressClass }),
  source({ kind: 'priorityClasses', objectKind: 'PriorityClass', path: '/apis/scheduling.k8s.io/v1/priorityclasses', reduce: reduce.reducePriorityClass }),
  source({ kind: 'backupStorageLocations', objectKind: 'BackupStorageLocation', path: '/apis/velero.io/v1/backupstoragelocations', reduce: reduce.reduceBackupStorageLocation }),
  source({ kind: 'schedules', objectKind: 'Schedule', path: '/apis/velero.io/v1/schedules', reduce: reduce.reduceSchedule }),
  source({ kind: 'backups', objectKind: 'Backup', path: '/apis/velero.io/v1/backups', reduce: reduce.reduceBackup }),
  source({ kind: 'restores', objectKind: 'Restore', path: '/apis/velero.io/v1/restores', reduce: reduce.reduceRestore }),
  source({ kind: 'cronJobs', objectKind: 'CronJob', path: '/apis/batch/v1/cronjobs', reduce: reduce.reduceCronJob }),
] as const;

/** CRDs are listed as metadata only when discovery can fill in the rest (see collect-cluster). */
export const CRD_METADATA_ACCEPT = 'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json';

/** EndpointSlices are not a kind of their own in the snapshot: they become Service endpoint counts. */
const ENDPOINT_SLICES_PATH = '/apis/discovery.k8s.io/v1/endpointslices';
export const ENDPOINT_SLICES = { path: ENDPOINT_SLICES_PATH, groupVersion: groupVersionOf(ENDPOINT_SLICES_PATH), pageSize: 500 };

/** Jobs are not a kind of their own either: those a CronJob owns become its recent runs. */
const JOBS_PATH = '/apis/batch/v1/jobs';
export const JOBS = { path: JOBS_PATH, groupVersion: groupVersionOf(JOBS_PATH), pageSize: 500 };
/** Runs kept per CronJob, newest first: enough to say "the last N failed, since …". */
export const RUNS_KEPT = 10;

/** Every path the collector may request, for documentation and for the "no Secrets" test. */
export const COLLECTOR_PATHS = ['/version', '/apis', ...KIND_SOURCES.map((s) => s.path), ENDPOINT_SLICES.path, JOBS.path];
