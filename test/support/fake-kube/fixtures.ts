/**
 * Real-world objects from `test/fixtures/k8s/` (copied from upstream projects; see its
 * SOURCES.md), loaded as cluster objects. Paths are relative to that folder.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import jsYaml from 'js-yaml';
import type { KubeObject } from './types.ts';

/** Absolute path of `test/fixtures/k8s/`. */
export const K8S_FIXTURES_DIR = fileURLToPath(new URL('../../fixtures/k8s/', import.meta.url));

const VELERO = 'vmware-tanzu__velero/config/crd';
const SNAPSHOT = 'kubernetes-csi__external-snapshotter/client/config/crd';
const CERT_MANAGER = 'cert-manager__cert-manager/deploy/crds';
const CNPG = 'cloudnative-pg__cloudnative-pg/config/crd/bases';

/** Fixture files that together make up one real install's CRDs. */
export const CRD_SETS = {
  /** All 13 Velero CRDs (velero.io v1 and v2alpha1), as `velero install` creates them. */
  velero: [
    ...['backuprepositories', 'backups', 'backupstoragelocations', 'deletebackuprequests', 'downloadrequests', 'podvolumebackups',
      'podvolumerestores', 'restores', 'schedules', 'serverstatusrequests', 'volumesnapshotlocations'].map((p) => `${VELERO}/v1/bases/velero.io_${p}.yaml`),
    `${VELERO}/v2alpha1/bases/velero.io_datadownloads.yaml`, `${VELERO}/v2alpha1/bases/velero.io_datauploads.yaml`,
  ],
  /** CSI external-snapshotter: VolumeSnapshotClass, VolumeSnapshotContent, VolumeSnapshot. */
  csiSnapshot: ['volumesnapshotclasses', 'volumesnapshotcontents', 'volumesnapshots'].map((p) => `${SNAPSHOT}/snapshot.storage.k8s.io_${p}.yaml`),
  /** cert-manager's six CRDs (about 1 MB, with large schemas). */
  certManager: ['acme.cert-manager.io_challenges', 'acme.cert-manager.io_orders', 'cert-manager.io_certificaterequests',
    'cert-manager.io_certificates', 'cert-manager.io_clusterissuers', 'cert-manager.io_issuers'].map((p) => `${CERT_MANAGER}/${p}.yaml`),
  /** CloudNativePG Cluster, Backup and ScheduledBackup. */
  cloudnativePg: ['backups', 'clusters', 'scheduledbackups'].map((p) => `${CNPG}/postgresql.cnpg.io_${p}.yaml`),
} satisfies Record<string, string[]>;

/** Real StorageClass / VolumeSnapshotClass manifests from the CSI drivers, per provider. */
export const STORAGE_FIXTURES = {
  awsEbs: 'kubernetes-sigs__aws-ebs-csi-driver/examples/kubernetes/storageclass/manifests/storageclass.yaml',
  awsEbsSnapshotClass: 'kubernetes-sigs__aws-ebs-csi-driver/examples/kubernetes/snapshot/manifests/classes/snapshotclass.yaml',
  gcpPd: 'kubernetes-sigs__gcp-compute-persistent-disk-csi-driver/examples/kubernetes/demo-zonal-sc.yaml',
  gcpPdBalanced: 'kubernetes-sigs__gcp-compute-persistent-disk-csi-driver/test/k8s-integration/config/sc-balanced.yaml',
  /** Still `snapshot.storage.k8s.io/v1beta1` upstream; served as v1 (the CRD's only served version). */
  gcpPdSnapshotClass: 'kubernetes-sigs__gcp-compute-persistent-disk-csi-driver/examples/kubernetes/snapshot/default-volumesnapshotclass.yaml',
  azureDisk: 'kubernetes-sigs__azuredisk-csi-driver/deploy/example/storageclass-azuredisk-csi.yaml',
  azureDiskSnapshotClass: 'kubernetes-sigs__azuredisk-csi-driver/deploy/example/snapshot/storageclass-azuredisk-snapshot.yaml',
  /** Multi-document: Namespace, RBAC, Deployment, StorageClass `local-path`, ConfigMap. Filter by kind. */
  localPath: 'rancher__local-path-provisioner/deploy/local-path-storage.yaml',
} as const;

/** A BackupStorageLocation as written by hand upstream: no status (phase unknown), `creationTimestamp: null`. */
export const VELERO_BSL_EXAMPLE = 'vmware-tanzu__velero/tilt-resources/examples/velero_v1_backupstoragelocation.yaml';

/**
 * kubernetes/api round-trip fixtures: every field set to a placeholder (`nameValue`, …),
 * including `deletionTimestamp` and `managedFields`. Namespace, Service, PVC, Secret,
 * ConfigMap, EndpointSlice and StorageClass, all named `nameValue` in `namespaceValue`.
 */
export const API_ROUNDTRIP_FIXTURES = ['core.v1.Namespace', 'core.v1.Service', 'core.v1.PersistentVolumeClaim', 'core.v1.Secret',
  'core.v1.ConfigMap', 'discovery.k8s.io.v1.EndpointSlice', 'storage.k8s.io.v1.StorageClass'].map((f) => `kubernetes__api/testdata/HEAD/${f}.json`);

const cache = new Map<string, KubeObject[]>();

/**
 * Objects from fixture files (YAML, multi-document YAML or JSON), in file order. Each call
 * returns fresh copies, so callers may modify them. `kinds` keeps only those kinds.
 */
export function loadFixtureObjects(paths: string | readonly string[], options: { kinds?: string[] } = {}): KubeObject[] {
  const objects: KubeObject[] = [];
  for (const path of typeof paths === 'string' ? [paths] : paths) {
    let parsed = cache.get(path);
    if (!parsed) {
      const text = readFileSync(K8S_FIXTURES_DIR + path, 'utf8');
      // CORE_SCHEMA: no timestamp or binary conversion, so values stay the strings Kubernetes sees.
      const docs = path.endsWith('.json') ? [JSON.parse(text)] : jsYaml.loadAll(text, undefined, { schema: jsYaml.CORE_SCHEMA });
      parsed = docs.filter((d): d is KubeObject => typeof d === 'object' && d !== null && 'kind' in d);
      cache.set(path, parsed);
    }
    for (const obj of parsed) if (!options.kinds || options.kinds.includes(obj.kind)) objects.push(structuredClone(obj));
  }
  return objects;
}

/**
 * Marks a StorageClass or VolumeSnapshotClass as the cluster default, with the annotation
 * Kubernetes (or the snapshot controller) reads.
 */
export function asDefaultClass(obj: KubeObject): KubeObject {
  const key = obj.kind === 'VolumeSnapshotClass' ? 'snapshot.storage.kubernetes.io/is-default-class' : 'storageclass.kubernetes.io/is-default-class';
  return { ...obj, metadata: { ...obj.metadata, annotations: { ...obj.metadata.annotations, [key]: 'true' } } };
}
