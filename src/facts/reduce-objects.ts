/**
 * Raw API objects → the few fields a runbook check needs. Keys are written in a fixed order and
 * only stable fields are kept (no resourceVersion, managedFields or uid), so re-collecting an
 * unchanged cluster gives the same bytes. Secret-bearing fields (StorageClass parameters, BSL
 * credentials, annotations) are never copied.
 */
import type { JobRunFact, KindItem } from '../schema/facts.ts';
import type { ServedResource } from './discovery.ts';
import { redactUrl } from '../util/redact-url.ts';

/** Loosely typed view of a Kubernetes object: every lookup may be missing. */
type Raw = Record<string, any>;

const meta = (o: Raw) => (o.metadata ?? {}) as Raw;
const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const defaultAnnotation = (o: Raw, key: string) => meta(o).annotations?.[key] === 'true';
/** Velero's error and warning counts of a Backup or Restore, when it reported them. */
const problemCounts = (o: Raw) => ({
  errors: typeof o.status?.errors === 'number' ? (o.status.errors as number) : undefined,
  warnings: typeof o.status?.warnings === 'number' ? (o.status.warnings as number) : undefined,
});
/** Drops undefined values so optional fields are absent from the JSON, not `null`. */
const compact = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

export function reduceNamespace(o: Raw): KindItem<'namespaces'> {
  return compact({ name: meta(o).name, phase: str(o.status?.phase) });
}

export function reduceNode(o: Raw): KindItem<'nodes'> {
  const labels = meta(o).labels ?? {};
  const ready = (o.status?.conditions ?? []).some((c: Raw) => c.type === 'Ready' && c.status === 'True');
  return compact({
    name: meta(o).name,
    ready,
    zone: str(labels['topology.kubernetes.io/zone']) ?? str(labels['failure-domain.beta.kubernetes.io/zone']),
    region: str(labels['topology.kubernetes.io/region']) ?? str(labels['failure-domain.beta.kubernetes.io/region']),
    kubeletVersion: str(o.status?.nodeInfo?.kubeletVersion),
  });
}

export function reduceStorageClass(o: Raw): KindItem<'storageClasses'> {
  return {
    name: meta(o).name,
    provisioner: String(o.provisioner ?? ''),
    default: defaultAnnotation(o, 'storageclass.kubernetes.io/is-default-class') || defaultAnnotation(o, 'storageclass.beta.kubernetes.io/is-default-class'),
    bindingMode: str(o.volumeBindingMode) ?? 'Immediate',
    allowVolumeExpansion: o.allowVolumeExpansion === true,
    reclaimPolicy: str(o.reclaimPolicy) ?? 'Delete',
  };
}

export function reduceVolumeSnapshotClass(o: Raw): KindItem<'volumeSnapshotClasses'> {
  return {
    name: meta(o).name,
    driver: String(o.driver ?? ''),
    deletionPolicy: String(o.deletionPolicy ?? ''),
    default: defaultAnnotation(o, 'snapshot.storage.kubernetes.io/is-default-class'),
  };
}

export function reducePvc(o: Raw): KindItem<'persistentVolumeClaims'> {
  return compact({
    namespace: meta(o).namespace,
    name: meta(o).name,
    storageClass: str(o.spec?.storageClassName),
    phase: str(o.status?.phase),
    capacity: str(o.status?.capacity?.storage),
  });
}

export function reduceCrd(o: Raw): KindItem<'customResourceDefinitions'> {
  return {
    name: meta(o).name,
    group: String(o.spec?.group ?? ''),
    kind: String(o.spec?.names?.kind ?? ''),
    scope: String(o.spec?.scope ?? ''),
    versions: (o.spec?.versions ?? []).map((v: Raw) => ({ name: String(v.name), served: v.served === true, storage: v.storage === true })),
    established: (o.status?.conditions ?? []).some((c: Raw) => c.type === 'Established' && c.status === 'True'),
  };
}

/**
 * A CRD read as metadata only (PartialObjectMetadata), completed from aggregated discovery: a CRD
 * is named `<plural>.<group>`, and discovery lists exactly the served versions of established
 * CRDs. Which version is stored is not in discovery, so `storage` is left out.
 */
export function reduceCrdMetadata(o: Raw, served: ReadonlyMap<string, ServedResource>): KindItem<'customResourceDefinitions'> {
  const name = String(meta(o).name);
  const resource = served.get(name);
  return {
    name,
    group: name.slice(name.indexOf('.') + 1),
    kind: resource?.kind ?? '',
    scope: resource?.scope ?? '',
    versions: (resource?.versions ?? []).map((v) => ({ name: v, served: true })),
    established: resource !== undefined,
  };
}

/** A Service without endpoint counts yet; `joinEndpoints` fills them from EndpointSlices. */
export function reduceService(o: Raw): KindItem<'services'> {
  return {
    namespace: meta(o).namespace,
    name: meta(o).name,
    type: str(o.spec?.type) ?? 'ClusterIP',
    ports: (o.spec?.ports ?? []).map((p: Raw) => compact({ port: Number(p.port), protocol: str(p.protocol) ?? 'TCP', name: str(p.name) })),
    endpoints: null,
  };
}

/** Endpoint counts of one EndpointSlice, keyed by its Service (`namespace/name`). */
export function reduceEndpointSlice(o: Raw): { service?: string; ready: number; notReady: number } {
  const service = meta(o).labels?.['kubernetes.io/service-name'];
  let ready = 0;
  let notReady = 0;
  // The API says a missing `ready` condition means ready.
  for (const e of o.endpoints ?? []) (e.conditions?.ready === false ? notReady++ : ready++);
  return { service: typeof service === 'string' ? `${meta(o).namespace}/${service}` : undefined, ready, notReady };
}

export function reduceIngressClass(o: Raw): KindItem<'ingressClasses'> {
  return { name: meta(o).name, controller: String(o.spec?.controller ?? ''), default: defaultAnnotation(o, 'ingressclass.kubernetes.io/is-default-class') };
}

export function reducePriorityClass(o: Raw): KindItem<'priorityClasses'> {
  return { name: meta(o).name, value: Number(o.value ?? 0), globalDefault: o.globalDefault === true };
}

export function reduceBackupStorageLocation(o: Raw): KindItem<'backupStorageLocations'> {
  return compact({
    namespace: meta(o).namespace,
    name: meta(o).name,
    provider: String(o.spec?.provider ?? ''),
    bucket: str(o.spec?.objectStorage?.bucket),
    prefix: str(o.spec?.objectStorage?.prefix),
    region: str(o.spec?.config?.region),
    endpoint: str(o.spec?.config?.s3Url) === undefined ? undefined : redactUrl(String(o.spec.config.s3Url)),
    forcePathStyle: o.spec?.config?.s3ForcePathStyle === undefined ? undefined : String(o.spec.config.s3ForcePathStyle) === 'true',
    accessMode: str(o.spec?.accessMode) ?? 'ReadWrite',
    default: o.spec?.default === true,
    phase: str(o.status?.phase),
    lastValidationTime: str(o.status?.lastValidationTime),
  });
}

export function reduceSchedule(o: Raw): KindItem<'schedules'> {
  return compact({
    namespace: meta(o).namespace,
    name: meta(o).name,
    schedule: String(o.spec?.schedule ?? ''),
    paused: o.spec?.paused === true,
    includedNamespaces: strings(o.spec?.template?.includedNamespaces),
    excludedNamespaces: strings(o.spec?.template?.excludedNamespaces),
    includeClusterResources: typeof o.spec?.template?.includeClusterResources === 'boolean' ? (o.spec.template.includeClusterResources as boolean) : undefined,
    phase: str(o.status?.phase),
    lastBackup: str(o.status?.lastBackup),
  });
}

export function reduceBackup(o: Raw): KindItem<'backups'> {
  return compact({
    namespace: meta(o).namespace,
    name: meta(o).name,
    schedule: str(meta(o).labels?.['velero.io/schedule-name']),
    phase: str(o.status?.phase),
    includedNamespaces: strings(o.spec?.includedNamespaces),
    excludedNamespaces: strings(o.spec?.excludedNamespaces),
    storageLocation: str(o.spec?.storageLocation),
    startTimestamp: str(o.status?.startTimestamp),
    completionTimestamp: str(o.status?.completionTimestamp),
    expiration: str(o.status?.expiration),
    ...problemCounts(o),
  });
}

/** A CronJob without its runs yet; the collector joins them from Jobs. Nothing of its job template. */
export function reduceCronJob(o: Raw): KindItem<'cronJobs'> {
  return compact({
    namespace: meta(o).namespace,
    name: meta(o).name,
    schedule: String(o.spec?.schedule ?? ''),
    timeZone: str(o.spec?.timeZone),
    suspend: o.spec?.suspend === true,
    lastScheduleTime: str(o.status?.lastScheduleTime),
    lastSuccessfulTime: str(o.status?.lastSuccessfulTime),
    jobs: null,
  });
}

/** A Job as a run of the CronJob that owns it (`namespace/name`), or no owner for Jobs made otherwise. */
export function reduceJob(o: Raw): { owner?: string; run: JobRunFact } {
  const owner = (meta(o).ownerReferences ?? []).find((r: Raw) => r.kind === 'CronJob' && r.controller === true);
  const conditions = (o.status?.conditions ?? []) as Raw[];
  const holds = (type: string) => conditions.some((c) => c.type === type && c.status === 'True');
  const result = holds('Complete') ? 'succeeded' : holds('Failed') ? 'failed' : 'running';
  return {
    owner: owner && typeof owner.name === 'string' ? `${meta(o).namespace}/${owner.name}` : undefined,
    run: compact({ name: meta(o).name, start: str(o.status?.startTime), completion: str(o.status?.completionTime), result }),
  };
}

export function reduceRestore(o: Raw): KindItem<'restores'> {
  return compact({
    namespace: meta(o).namespace,
    name: meta(o).name,
    backup: String(o.spec?.backupName ?? ''),
    schedule: str(o.spec?.scheduleName),
    phase: str(o.status?.phase),
    startTimestamp: str(o.status?.startTimestamp),
    completionTimestamp: str(o.status?.completionTimestamp),
    ...problemCounts(o),
  });
}
