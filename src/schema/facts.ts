/**
 * The facts snapshot format: what one cluster looked like at `collectedAt`, written to
 * `facts/<cluster>.json` by `lifeboat facts` and read by `check` and `build`.
 *
 * Every kind carries a status. `ok` holds the items; `forbidden` (RBAC 403), `absent` (the API is
 * not served) and `error` hold a reason and NO items, so nothing downstream can mistake "could
 * not look" for "looked and found nothing". No credentials, tokens or certificates are stored:
 * only the context name and the API server's host.
 */
import { z } from 'zod';

export const FACTS_VERSION = 1;

const Timestamp = z.iso.datetime({ offset: true }).describe('RFC 3339 time, as the API server reports it.');
const Name = z.string().min(1);

export const NamespaceFactSchema = z.strictObject({ name: Name, phase: z.string().optional() });

export const NodeFactSchema = z.strictObject({
  name: Name,
  ready: z.boolean(),
  /** `topology.kubernetes.io/zone` label. */
  zone: z.string().optional(),
  /** `topology.kubernetes.io/region` label. */
  region: z.string().optional(),
  kubeletVersion: z.string().optional(),
});

export const StorageClassFactSchema = z.strictObject({
  name: Name,
  provisioner: z.string(),
  /** Annotated `storageclass.kubernetes.io/is-default-class: "true"`. */
  default: z.boolean(),
  bindingMode: z.string(),
  allowVolumeExpansion: z.boolean(),
  reclaimPolicy: z.string(),
});

export const VolumeSnapshotClassFactSchema = z.strictObject({
  name: Name,
  driver: z.string(),
  deletionPolicy: z.string(),
  default: z.boolean(),
});

export const PvcFactSchema = z.strictObject({
  namespace: Name,
  name: Name,
  storageClass: z.string().optional(),
  phase: z.string().optional(),
  capacity: z.string().optional(),
});

export const CrdFactSchema = z.strictObject({
  name: Name,
  group: z.string(),
  kind: z.string(),
  scope: z.string(),
  versions: z.array(z.strictObject({
    name: Name,
    served: z.boolean(),
    /** Absent when the CRD was read as metadata plus discovery, which does not say which version is stored. */
    storage: z.boolean().optional(),
  })),
  /** The `Established` condition is True: the API for it is served. */
  established: z.boolean(),
});

export const ServiceFactSchema = z.strictObject({
  namespace: Name,
  name: Name,
  type: z.string(),
  ports: z.array(z.strictObject({ port: z.number(), protocol: z.string(), name: z.string().optional() })),
  /** Endpoint counts from the Service's EndpointSlices; null when EndpointSlices could not be read. */
  endpoints: z.strictObject({ ready: z.number().int(), notReady: z.number().int() }).nullable(),
});

export const IngressClassFactSchema = z.strictObject({ name: Name, controller: z.string(), default: z.boolean() });

export const PriorityClassFactSchema = z.strictObject({ name: Name, value: z.number(), globalDefault: z.boolean() });

export const BackupStorageLocationFactSchema = z.strictObject({
  namespace: Name,
  name: Name,
  provider: z.string(),
  bucket: z.string().optional(),
  prefix: z.string().optional(),
  /** `spec.config.region`. */
  region: z.string().optional(),
  /** `spec.config.s3Url`: an S3-compatible endpoint (MinIO, Ceph…), credentials removed. */
  endpoint: z.string().optional(),
  /** `spec.config.s3ForcePathStyle` is "true". */
  forcePathStyle: z.boolean().optional(),
  accessMode: z.string(),
  default: z.boolean(),
  phase: z.string().optional(),
  lastValidationTime: Timestamp.optional(),
});

export const ScheduleFactSchema = z.strictObject({
  namespace: Name,
  name: Name,
  /** Cron expression. */
  schedule: z.string(),
  paused: z.boolean(),
  includedNamespaces: z.array(z.string()),
  excludedNamespaces: z.array(z.string()),
  /** `template.includeClusterResources`: false leaves CRDs out; unset lets Velero include those its custom resources need. */
  includeClusterResources: z.boolean().optional(),
  phase: z.string().optional(),
  lastBackup: Timestamp.optional(),
});

export const BackupFactSchema = z.strictObject({
  namespace: Name,
  name: Name,
  /** `velero.io/schedule-name` label, when a schedule made it. */
  schedule: z.string().optional(),
  phase: z.string().optional(),
  includedNamespaces: z.array(z.string()),
  excludedNamespaces: z.array(z.string()),
  storageLocation: z.string().optional(),
  startTimestamp: Timestamp.optional(),
  completionTimestamp: Timestamp.optional(),
  expiration: Timestamp.optional(),
  errors: z.number().int().optional(),
  warnings: z.number().int().optional(),
});

export const RestoreFactSchema = z.strictObject({
  namespace: Name,
  name: Name,
  /** The Backup it restored (`spec.backupName`). */
  backup: z.string(),
  /** `spec.scheduleName`, when it was made with `--from-schedule`. */
  schedule: z.string().optional(),
  phase: z.string().optional(),
  startTimestamp: Timestamp.optional(),
  completionTimestamp: Timestamp.optional(),
  warnings: z.number().int().optional(),
  errors: z.number().int().optional(),
});

/** One run of a CronJob: a Job it owns. Nothing of the pod template (env values, secret references). */
export const JobRunFactSchema = z.strictObject({
  name: Name,
  start: Timestamp.optional(),
  /** When the Job completed; failed and running Jobs have none. */
  completion: Timestamp.optional(),
  result: z.enum(['succeeded', 'failed', 'running']),
});

export const CronJobFactSchema = z.strictObject({
  namespace: Name,
  name: Name,
  /** Cron expression. */
  schedule: z.string(),
  timeZone: z.string().optional(),
  suspend: z.boolean(),
  lastScheduleTime: Timestamp.optional(),
  lastSuccessfulTime: Timestamp.optional(),
  /** Its most recent Jobs, newest first (at most 10); null when Jobs could not be read. */
  jobs: z.array(JobRunFactSchema).nullable(),
});

/**
 * What one Velero backup holds, from the inventory Velero writes beside it in the bucket
 * (`backups/<name>/<name>-resource-list.json.gz`). Only what the gate needs: namespaces, resource
 * types with counts, CRD names. No object names (Secrets and ConfigMaps have telling ones).
 */
export const BackupContentsFactSchema = z.strictObject({
  /** Velero's namespace, where the Backup object lives. */
  namespace: Name,
  /** The Backup's name. */
  name: Name,
  schedule: z.string().optional(),
  /** The object read: `s3://<bucket>/<prefix>/backups/<name>/<name>-resource-list.json.gz`. */
  source: z.string(),
  inventory: z.discriminatedUnion('status', [
    z.strictObject({
      status: z.literal('ok'),
      namespaces: z.array(Name),
      /** Resource type as Velero keys it (`apps/v1/Deployment`, `v1/Namespace`) → number of objects. */
      resources: z.record(z.string(), z.number().int()),
      /** Names of the CustomResourceDefinitions in the backup. */
      crds: z.array(Name),
    }),
    // missing: no inventory object; forbidden: the bucket refused; unsupported: not an S3 location.
    z.strictObject({ status: z.enum(['missing', 'forbidden', 'error', 'unsupported']), reason: z.string() }),
  ]),
});

/** How reading one kind went. Items exist only when it went `ok`. */
const kind = <T extends z.ZodType>(item: T) =>
  z.discriminatedUnion('status', [
    z.strictObject({ status: z.literal('ok'), items: z.array(item) }),
    z.strictObject({ status: z.literal('forbidden'), reason: z.string() }),
    z.strictObject({ status: z.literal('absent'), reason: z.string() }),
    z.strictObject({ status: z.literal('error'), reason: z.string() }),
  ]);

export const KIND_SCHEMAS = {
  namespaces: kind(NamespaceFactSchema),
  nodes: kind(NodeFactSchema),
  storageClasses: kind(StorageClassFactSchema),
  volumeSnapshotClasses: kind(VolumeSnapshotClassFactSchema),
  persistentVolumeClaims: kind(PvcFactSchema),
  customResourceDefinitions: kind(CrdFactSchema),
  services: kind(ServiceFactSchema),
  ingressClasses: kind(IngressClassFactSchema),
  priorityClasses: kind(PriorityClassFactSchema),
  backupStorageLocations: kind(BackupStorageLocationFactSchema),
  schedules: kind(ScheduleFactSchema),
  backups: kind(BackupFactSchema),
  cronJobs: kind(CronJobFactSchema),
  restores: kind(RestoreFactSchema),
  /** Read from the backup bucket, only for the newest backups of schedules some runbook restores from. */
  backupContents: kind(BackupContentsFactSchema),
};

/** Kinds added after the first snapshots were committed: a snapshot without them reads them as unknown. */
const LATER_KINDS = ['cronJobs', 'restores', 'backupContents'] as const satisfies readonly (keyof typeof KIND_SCHEMAS)[];

export type FactKind = keyof typeof KIND_SCHEMAS;
export const FACT_KINDS = Object.keys(KIND_SCHEMAS) as FactKind[];

export const FactsSnapshotSchema = z.strictObject({
  /** Format version; a reader refuses versions it does not know. */
  version: z.literal(FACTS_VERSION),
  /** Cluster name: the file is `facts/<cluster>.json`; runbooks map roles to it. */
  cluster: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/),
  /** Kubeconfig context the facts were read through. */
  context: z.string(),
  /** API server host and port (never a URL with credentials). */
  server: z.string(),
  collectedAt: Timestamp,
  serverVersion: z.discriminatedUnion('status', [
    z.strictObject({ status: z.literal('ok'), gitVersion: z.string(), platform: z.string().optional() }),
    z.strictObject({ status: z.enum(['forbidden', 'absent', 'error']), reason: z.string() }),
  ]),
  kinds: z.strictObject({ ...KIND_SCHEMAS, ...Object.fromEntries(LATER_KINDS.map((k) => [k, KIND_SCHEMAS[k].optional()])) as { [K in (typeof LATER_KINDS)[number]]: z.ZodOptional<(typeof KIND_SCHEMAS)[K]> } }),
  /** How reading EndpointSlices went; when not `ok`, every Service's `endpoints` is null (unknown). */
  endpointSlices: z.discriminatedUnion('status', [
    z.strictObject({ status: z.literal('ok') }),
    z.strictObject({ status: z.enum(['forbidden', 'absent', 'error']), reason: z.string() }),
  ]),
  /** How reading Jobs went; when not `ok`, every CronJob's `jobs` is null (unknown). Absent from older snapshots. */
  jobs: z
    .discriminatedUnion('status', [
      z.strictObject({ status: z.literal('ok') }),
      z.strictObject({ status: z.enum(['forbidden', 'absent', 'error']), reason: z.string() }),
    ])
    .optional(),
});

export type FactsSnapshot = z.output<typeof FactsSnapshotSchema>;
export type KindFacts<K extends FactKind> = z.output<(typeof KIND_SCHEMAS)[K]>;
export type KindItem<K extends FactKind> = Extract<KindFacts<K>, { status: 'ok' }>['items'][number];
export type ServiceFact = z.output<typeof ServiceFactSchema>;
export type BackupFact = z.output<typeof BackupFactSchema>;
export type CronJobFact = z.output<typeof CronJobFactSchema>;
export type JobRunFact = z.output<typeof JobRunFactSchema>;
export type RestoreFact = z.output<typeof RestoreFactSchema>;
export type BackupContentsFact = z.output<typeof BackupContentsFactSchema>;
export type BackupStorageLocationFact = z.output<typeof BackupStorageLocationFactSchema>;
