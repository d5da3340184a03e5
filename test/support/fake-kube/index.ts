/**
 * A fake Kubernetes API server for tests (see README.md). Import everything from here:
 *
 * ```ts
 * const kube = await startFakeKube({ objects: [...makeNamespaces(5), ...loadFixtureObjects(CRD_SETS.velero)] });
 * await kube.writeKubeconfig(file);
 * // …
 * await kube.close();
 * ```
 */
export { startFakeKube, type FakeKube } from './server.ts';
export type { FakeClusterSpec, FakeKubeAuth, FakeKubeOptions, FaultRule, ForbidRule, KubeObject, RequestAuth, RequestLogEntry } from './types.ts';
export { renderKubeconfig, writeKubeconfig, type FakeKubeEndpoint, type KubeconfigContext, type KubeconfigOptions, type KubeconfigUser } from './kubeconfig.ts';
export { generateUntrustedClientCert } from './tls.ts';
export { API_ROUNDTRIP_FIXTURES, CRD_SETS, K8S_FIXTURES_DIR, STORAGE_FIXTURES, VELERO_BSL_EXAMPLE, asDefaultClass, loadFixtureObjects } from './fixtures.ts';
export { FIXTURE_NOW, kubeTime, objectMeta, uidFor, type MetaOptions } from './meta.ts';
export { SYSTEM_NAMESPACES, makeNamespaces, makeNodes, makePvcs, makeRootCaConfigMaps, makeSecrets, type NodeOptions, type PvcOptions } from './make-core.ts';
export { makeIngressClass, makePriorityClasses, type PriorityClassInput } from './make-classes.ts';
export { makeServices, type ServiceOptions } from './make-services.ts';
export { makeBackupStorageLocation, makeBackups, makeRestore, makeSchedule, makeScheduledBackups, type BackupOptions, type BackupPhase, type BslOptions, type RestoreOptions, type ScheduleOptions } from './make-velero.ts';
export { makeCrds, type CrdOptions } from './make-crds.ts';
export { PLANTED_ENV_SECRET, makeCronJob, type CronJobOptions, type JobRun } from './make-batch.ts';
export { makeScaleCluster, type ScaleOptions } from './scale.ts';
