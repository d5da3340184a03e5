import { describe, expect, it } from 'vitest';
import { allocateIds, idBase, serviceFromPath, summarize } from './page-identity.ts';

describe('page identity', () => {
  it('derives ids from alert-style file names', () => {
    expect(idBase('/r/KubePodCrashLooping.md')).toBe('kube-pod-crash-looping');
    expect(idBase('/r/etcdGRPCRequestsSlow.md')).toBe('etcd-grpc-requests-slow');
    expect(idBase('/r/k8s-pvc-resize.md')).toBe('k8s-pvc-resize');
    expect(idBase('/r/PrometheusOperatorSyncFailed')).toBe('prometheus-operator-sync-failed');
    // An index page is named by its folder.
    expect(idBase('/r/docs/kas/README.md')).toBe('kas');
  });

  it('takes the service from the nearest folder that is not a generic one', () => {
    expect(serviceFromPath('/c/openshift/alerts/cluster-etcd-operator/etcdNoLeader.md', '/c')).toBe('cluster-etcd-operator');
    expect(serviceFromPath('/c/openshift/alerts/X.md', '/c')).toBe('openshift');
    expect(serviceFromPath('/c/docs/runbook.md', '/c/docs')).toBe('imported');
  });

  it('keeps ids unique: first by service, then by number, never taking an id already in use', () => {
    const pages = [
      { base: 'etcd-members-down', service: 'cluster-etcd-operator' },
      { base: 'etcd-members-down', service: 'etcd' },
      { base: 'postgres-dr-replicas', service: 'postgres-archive' },
      { base: 'postgres-dr-replicas', service: 'postgres-dr-delayed' },
    ];
    expect(allocateIds(pages, new Set(['postgres-dr-replicas']))).toEqual([
      'etcd-members-down',
      'etcd-members-down-2',
      'postgres-archive-postgres-dr-replicas',
      'postgres-dr-delayed-postgres-dr-replicas',
    ]);
  });

  it('summarises with the first two sentences, cut at about 300 characters', () => {
    expect(summarize('Pod is in CrashLoop.  Kubernetes restarts it.\nA third sentence.')).toBe('Pod is in CrashLoop. Kubernetes restarts it.');
    expect(summarize(`${'word '.repeat(100)}end.`)!.length).toBeLessThanOrEqual(300);
  });
});
