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

const source = <K extends FactKind>(s: KindSource<K>) => s;

export const KIND_SOURCES = [
  source({ kind: 'namespaces', objectKind: 'Namespace', path: '/api/v1/namespaces', groupVersion: 'v1', pageSize: 500, reduce: reduce.reduceNamespace }),
  source({ kind: 'nodes', objectKind: 'Node', path: '/api/v1/nodes', groupVersion: 'v1', pageSize: 500, reduce: reduce.reduceNode }),
  source({ kind: 'storageClasses', objectKind: 'StorageClass', path: '/apis/storage.k8s.io/v1/storageclasses', groupVersion: 'storage.k8s.io/v1', pageSize: 500, reduce: reduce.reduceStorageClass }),
  source({ kind: 'volumeSnapshotClasses', objectKind: 'VolumeSnapshotClass', path: '/apis/snapshot.storage.k8s.io/v1/volumesnapshotclasses', groupVersion: 'snapshot.storage.k8s.io/v1', pageSize: 500, reduce: reduce.reduceVolumeSnapshotClass }),
  source({ kind: 'persistentVolumeClaims', objectKind: 'PersistentVolumeClaim', path: '/api/v1/persistentvolumeclaims', groupVersion: 'v1', pageSize: 500, reduce: reduce.reducePvc }),
  source({ kind: 'customResourceDefinitions', objectKind: 'CustomResourceDefinition', path: '/apis/apiextensions.k8s.io/v1/customresourcedefinitions', groupVersion: 'apiextensions.k8s.io/v1', pageSize: 100, reduce: reduce.reduceCrd }),
  source({ kind: 'services', objectKind: 'Service', path: '/api/v1/services', groupVersion: 'v1', pageSize: 500, reduce: reduce.reduceService }),
  source({ kind: 'ingressClasses', objectKind: 'IngressClass', path: '/apis/networking.k8s.io/v1/ingressclasses', groupVersion: 'networking.k8s.io/v1', pageSize: 500, reduce: reduce.reduceIngressClass }),
  source({ kind: 'priorityClasses', objectKind: 'PriorityClass', path: '/apis/scheduling.k8s.io/v1/priorityclasses', groupVersion: 'scheduling.k8s.io/v1', pageSize: 500, reduce: reduce.reducePriorityClass }),
  source({ kind: 'backupStorageLocations', objectKind: 'BackupStorageLocation', path: '/apis/velero.io/v1/backupstoragelocations', groupVersion: 'velero.io/v1', pageSize: 500, reduce: reduce.reduceBackupStorageLocation }),
  source({ kind: 'schedules', objectKind: 'Schedule', path: '/apis/velero.io/v1/schedules', groupVersion: 'velero.io/v1', pageSize: 500, reduce: reduce.reduceSchedule }),
  source({ kind: 'backups', objectKind: 'Backup', path: '/apis/velero.io/v1/backups', groupVersion: 'velero.io/v1', pageSize: 500, reduce: reduce.reduceBackup }),
] as const;

/** EndpointSlices are not a kind of their own in the snapshot: they become Service endpoint counts. */
export const ENDPOINT_SLICES = { path: '/apis/discovery.k8s.io/v1/endpointslices', groupVersion: 'discovery.k8s.io/v1', pageSize: 500 };

/** Every path the collector may request, for documentation and for the "no Secrets" test. */
export const COLLECTOR_PATHS = ['/version', '/apis', ...KIND_SOURCES.map((s) => s.path), ENDPOINT_SLICES.path];
