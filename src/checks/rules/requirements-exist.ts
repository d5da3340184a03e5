import { listNames } from '../../errors/did-you-mean.ts';
import type { FactKind } from '../../schema/facts.ts';
import type { Requirement } from '../../schema/runbook.ts';
import type { Check } from '../check-context.ts';
import { lookup } from '../lookup.ts';

/** Requirement kind → where its facts live and which finding a missing one gives. */
const KINDS = {
  Namespace: { facts: 'namespaces', code: 'NamespaceNotFound' },
  StorageClass: { facts: 'storageClasses', code: 'StorageClassNotFound' },
  CustomResourceDefinition: { facts: 'customResourceDefinitions', code: 'CrdNotFound' },
  Service: { facts: 'services', code: 'ServiceNotFound' },
  VolumeSnapshotClass: { facts: 'volumeSnapshotClasses', code: 'VolumeSnapshotClassNotFound' },
  IngressClass: { facts: 'ingressClasses', code: 'IngressClassNotFound' },
  PriorityClass: { facts: 'priorityClasses', code: 'PriorityClassNotFound' },
  BackupStorageLocation: { facts: 'backupStorageLocations', code: 'BackupStorageLocationNotFound' },
  Schedule: { facts: 'schedules', code: 'ScheduleNotFound' },
  CronJob: { facts: 'cronJobs', code: 'CronJobNotFound' },
} as const satisfies Record<Requirement['kind'], { facts: FactKind; code: string }>;

const VELERO = new Set(['BackupStorageLocation', 'Schedule']);

/**
 * Every `requires` entry exists in the cluster its role maps to; a Service has enough ready
 * endpoints; a Velero location is Available. Facts that could not be read give "unknown".
 */
export const requirementsExist: Check = ({ runbook, clusters, facts, report }) => {
  runbook.data.requires?.forEach((req, i) => {
    const cluster = clusters[req.cluster];
    if (!cluster) return; // an unmapped role is a format error already
    const spec = KINDS[req.kind];
    const namespace = req.namespace ?? (VELERO.has(req.kind) ? 'velero' : undefined);
    const where = namespace ? `${req.kind} ${namespace}/${req.name}` : `${req.kind} ${req.name}`;
    const at = { path: ['requires', i, 'name'], cluster };
    const found = lookup(facts.get(cluster), cluster, spec.facts, req.name, namespace);
    if (found.state === 'unknown') return report('FactsUnknown', at, { what: `${where} in cluster "${cluster}"`, why: found.why });
    if (found.state === 'missing') {
      return report(spec.code, at, {
        name: req.name,
        cluster,
        role: req.cluster,
        where: namespace ? `namespace ${namespace}` : 'cluster-scoped',
        candidates: listNames(found.candidates),
        ...(found.suggestion ? { suggestion: found.suggestion } : {}),
      });
    }
    const item = found.item as { endpoints?: { ready: number } | null; phase?: string; lastValidationTime?: string };
    if (req.kind === 'Service') {
      const wanted = req.minReadyEndpoints ?? 1;
      if (item.endpoints === null || item.endpoints === undefined) {
        report('FactsUnknown', at, { what: `ready endpoints of ${where}`, why: `EndpointSlices in "${cluster}" were not readable` });
      } else if (item.endpoints.ready < wanted) {
        report('NotEnoughReadyEndpoints', at, { name: `${namespace}/${req.name}`, cluster, ready: item.endpoints.ready, wanted });
      }
    }
    if (req.kind === 'BackupStorageLocation' && item.phase !== 'Available') {
      report('BackupStorageLocationUnavailable', at, { name: req.name, cluster, phase: item.phase ?? 'not validated', validated: item.lastValidationTime ?? 'never' });
    }
  });
};
