/**
 * Velero objects as a running Velero server leaves them (fields and defaults per the CRDs in
 * `CRD_SETS.velero`): BackupStorageLocations, Schedules and the Backups they create.
 * Times are relative to `FIXTURE_NOW` unless given, so fixtures do not drift.
 */
import { FIXTURE_NOW, kubeTime, objectMeta } from './meta.ts';
import type { KubeObject } from './types.ts';

const HOUR = 3_600_000;

/** Options of `makeBackupStorageLocation`. */
export interface BslOptions {
  name?: string;
  namespace?: string;
  provider?: string;
  bucket?: string;
  region?: string;
  isDefault?: boolean;
  phase?: 'Available' | 'Unavailable';
  /** Message Velero sets when validation fails. */
  message?: string;
  lastValidation?: Date;
  prefix?: string;
  /** `config.s3Url`: an S3-compatible endpoint (MinIO and friends), with path-style addressing. */
  s3Url?: string;
  accessMode?: 'ReadWrite' | 'ReadOnly';
}

export function makeBackupStorageLocation(options: BslOptions = {}): KubeObject {
  const { name = 'default', namespace = 'velero', provider = 'aws', bucket = 'velero-backups', region = 'eu-west-1', isDefault = true,
    phase = 'Available', message, lastValidation = new Date(FIXTURE_NOW.getTime() - 40_000), prefix = 'cluster', s3Url, accessMode = 'ReadWrite' } = options;
  return {
    apiVersion: 'velero.io/v1', kind: 'BackupStorageLocation',
    metadata: objectMeta('BackupStorageLocation', name, { namespace, labels: { component: 'velero' } }),
    spec: { accessMode, config: { region, ...(s3Url ? { s3ForcePathStyle: 'true', s3Url } : {}) }, default: isDefault, objectStorage: { bucket, prefix }, provider },
    status: { lastSyncedTime: kubeTime(lastValidation), lastValidationTime: kubeTime(lastValidation), ...(message ? { message } : {}), phase },
  };
}

/** What a backup covers; shared by Schedules (their template) and Backups. */
export interface BackupScope {
  includedNamespaces?: string[];
  excludedNamespaces?: string[];
  storageLocation?: string;
  /** Go duration, default `720h0m0s` (30 days, Velero's default TTL). */
  ttl?: string;
  /** `false` leaves every cluster-scoped resource out, CRDs included (unset: Velero decides). */
  includeClusterResources?: boolean;
}

function backupSpec({ includedNamespaces = ['*'], excludedNamespaces, storageLocation = 'default', ttl = '720h0m0s', includeClusterResources }: BackupScope) {
  return { csiSnapshotTimeout: '10m0s', defaultVolumesToFsBackup: false, hooks: {}, ...(includeClusterResources === undefined ? {} : { includeClusterResources }),
    includedNamespaces, ...(excludedNamespaces ? { excludedNamespaces } : {}),
    itemOperationTimeout: '4h0m0s', metadata: {}, snapshotMoveData: false, storageLocation, ttl, volumeSnapshotLocations: ['default'] };
}

/** Options of `makeSchedule`. */
export interface ScheduleOptions extends BackupScope {
  name: string;
  namespace?: string;
  /** Cron expression, default `0 1 * * *`. */
  cron?: string;
  /** Start time of the newest backup; absent for a schedule that never ran. */
  lastBackup?: Date;
  paused?: boolean;
}

export function makeSchedule(options: ScheduleOptions): KubeObject {
  const { name, namespace = 'velero', cron = '0 1 * * *', lastBackup, paused } = options;
  return {
    apiVersion: 'velero.io/v1', kind: 'Schedule',
    metadata: objectMeta('Schedule', name, { namespace }),
    spec: { ...(paused ? { paused } : {}), schedule: cron, template: backupSpec(options), useOwnerReferencesInBackup: false },
    status: { ...(lastBackup ? { lastBackup: kubeTime(lastBackup) } : {}), phase: 'Enabled' },
  };
}

export type BackupPhase = 'Completed' | 'PartiallyFailed' | 'Failed' | 'InProgress' | 'FailedValidation';

/** Options of `makeBackups`. */
export interface BackupOptions extends BackupScope {
  count: number;
  /** Name of the Schedule that made them: names become `<schedule>-<yyyyMMddHHmmss>`. */
  schedule?: string;
  namespace?: string;
  /** Start of the newest backup. Default: 5 hours before `FIXTURE_NOW`. */
  newest?: Date;
  everyHours?: number;
  durationMinutes?: number;
  /** Phase of each backup by age (0 = newest). Default `Completed`. */
  phase?: BackupPhase | ((index: number) => BackupPhase);
}

const stamp = (d: Date) => d.toISOString().replace(/[-:T]/g, '').slice(0, 14);

export function makeBackups(options: BackupOptions): KubeObject[] {
  const { count, schedule, namespace = 'velero', newest = new Date(FIXTURE_NOW.getTime() - 5 * HOUR), everyHours = 24, durationMinutes = 7,
    phase = 'Completed', storageLocation = 'default', ttl = '720h0m0s' } = options;
  const ttlMs = Number(/^(\d+)h/.exec(ttl)?.[1] ?? 720) * HOUR;
  return Array.from({ length: count }, (_, i) => {
    const start = new Date(newest.getTime() - i * everyHours * HOUR);
    const p = typeof phase === 'function' ? phase(i) : phase;
    const name = `${schedule ?? 'backup'}-${stamp(start)}`;
    const done = p !== 'InProgress' && p !== 'FailedValidation';
    const items = 1200 + (i % 7) * 13;
    return {
      apiVersion: 'velero.io/v1', kind: 'Backup',
      metadata: objectMeta('Backup', name, { namespace, created: start,
        labels: { ...(schedule ? { 'velero.io/schedule-name': schedule } : {}), 'velero.io/storage-location': storageLocation },
        annotations: { 'velero.io/resource-timeout': '10m0s', 'velero.io/source-cluster-k8s-gitversion': 'v1.31.4-eks-aeac579',
          'velero.io/source-cluster-k8s-major-version': '1', 'velero.io/source-cluster-k8s-minor-version': '31' } }),
      spec: backupSpec({ ...options, storageLocation, ttl }),
      status: {
        ...(done ? { completionTimestamp: kubeTime(new Date(start.getTime() + durationMinutes * 60_000)) } : {}),
        ...(p === 'PartiallyFailed' ? { errors: 2 } : {}),
        expiration: kubeTime(new Date(start.getTime() + ttlMs)),
        ...(p === 'Failed' ? { failureReason: 'error getting backup store for location "default": backup storage location "default" is unavailable' } : {}),
        formatVersion: '1.1.0', phase: p,
        ...(p === 'FailedValidation' ? {} : { progress: { itemsBackedUp: p === 'Completed' ? items : Math.floor(items / 2), totalItems: items } }),
        ...(p === 'FailedValidation' ? { validationErrors: ['an existing backup storage location was not specified at backup creation time and the default \'default\' was not found'] }
          : { startTimestamp: kubeTime(start) }),
        version: 1,
      },
    };
  });
}

/** A Schedule and its `count` Backups, with `status.lastBackup` set to the newest backup's start. */
export function makeScheduledBackups(options: ScheduleOptions & Omit<BackupOptions, 'schedule'>): KubeObject[] {
  const backups = makeBackups({ ...options, schedule: options.name });
  const newest = (backups[0]?.status as { startTimestamp?: string } | undefined)?.startTimestamp;
  return [makeSchedule({ ...options, lastBackup: newest ? new Date(newest) : options.lastBackup }), ...backups];
}

/** Options of `makeRestore`. */
export interface RestoreOptions {
  name: string;
  /** The Backup it restores (`spec.backupName`). */
  backup: string;
  /** `spec.scheduleName`, for `velero restore create --from-schedule`. */
  schedule?: string;
  namespace?: string;
  includedNamespaces?: string[];
  /** Start. Default: 10 days before `FIXTURE_NOW`. */
  started?: Date;
  durationMinutes?: number;
  phase?: 'Completed' | 'PartiallyFailed' | 'Failed' | 'InProgress';
  warnings?: number;
  errors?: number;
}

/** A Velero Restore as the server leaves it (velero.io/v1; fields per the Restore CRD). */
export function makeRestore(options: RestoreOptions): KubeObject {
  const { name, backup, schedule, namespace = 'velero', includedNamespaces = ['*'], started = new Date(FIXTURE_NOW.getTime() - 240 * HOUR),
    durationMinutes = 38, phase = 'Completed', warnings = 0, errors = 0 } = options;
  const done = phase !== 'InProgress';
  return {
    apiVersion: 'velero.io/v1', kind: 'Restore',
    metadata: objectMeta('Restore', name, { namespace, created: started }),
    spec: { backupName: backup, ...(schedule ? { scheduleName: schedule } : {}), excludedResources: ['nodes', 'events', 'events.events.k8s.io', 'backups.velero.io', 'restores.velero.io', 'resticrepositories.velero.io'],
      hooks: {}, includedNamespaces, itemOperationTimeout: '4h0m0s' },
    status: {
      ...(done ? { completionTimestamp: kubeTime(new Date(started.getTime() + durationMinutes * 60_000)) } : {}),
      ...(errors ? { errors } : {}),
      phase,
      progress: { itemsRestored: 1180, totalItems: 1200 },
      startTimestamp: kubeTime(started),
      ...(warnings ? { warnings } : {}),
    },
  };
}
