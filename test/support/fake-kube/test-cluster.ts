/** The cluster most fake-kube tests run against: small, but with every kind Lifeboat reads. */
import {
  CRD_SETS, STORAGE_FIXTURES, asDefaultClass, loadFixtureObjects, makeBackupStorageLocation, makeIngressClass, makeNamespaces, makeNodes,
  makePriorityClasses, makePvcs, makeRootCaConfigMaps, makeScheduledBackups, makeSecrets, makeServices, type FakeClusterSpec,
} from './index.ts';

/**
 * 12 namespaces, 3 nodes (one NotReady), the Velero and CSI snapshot CRDs (16), 3 StorageClasses
 * (EBS default, two GCE PD), an EBS VolumeSnapshotClass, 30 Services with 60 EndpointSlices,
 * PVCs, Secrets, ConfigMaps, an IngressClass, PriorityClasses, a BSL and 3 Schedules with 40
 * Backups (the newest weekly one Failed).
 */
export function makeTestCluster(): FakeClusterSpec {
  const namespaces = [...makeNamespaces(11), ...makeNamespaces(['velero'])];
  const teams = ['team-001', 'team-002', 'team-003'];
  return {
    version: 'v1.31.4-eks-aeac579',
    objects: [
      ...namespaces,
      ...makeNodes(3, { notReady: 1 }),
      ...loadFixtureObjects([...CRD_SETS.velero, ...CRD_SETS.csiSnapshot]),
      ...loadFixtureObjects(STORAGE_FIXTURES.awsEbs).map(asDefaultClass),
      ...loadFixtureObjects([STORAGE_FIXTURES.gcpPd, STORAGE_FIXTURES.awsEbsSnapshotClass]),
      ...makeServices(30, { namespaces: teams, endpointsPerService: 3, slicesPerService: 2, notReady: (i) => (i % 4 === 0 ? 1 : 0) }),
      ...makePvcs(6, { namespaces: teams.slice(0, 2) }),
      ...makeSecrets(4, teams),
      ...makeRootCaConfigMaps(namespaces.map((n) => n.metadata.name)),
      makeIngressClass('nginx', 'k8s.io/ingress-nginx', { isDefault: true }),
      ...makePriorityClasses(),
      makeBackupStorageLocation(),
      ...makeScheduledBackups({ name: 'daily', count: 20, excludedNamespaces: ['kube-system'] }),
      ...makeScheduledBackups({ name: 'hourly', cron: '0 * * * *', everyHours: 1, count: 14, includedNamespaces: ['team-001'] }),
      ...makeScheduledBackups({ name: 'weekly', cron: '0 1 * * 0', everyHours: 168, count: 6, phase: (i) => (i === 0 ? 'Failed' : 'Completed') }),
    ],
  };
}
