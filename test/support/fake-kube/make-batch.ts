/**
 * Backups made by CronJobs (etcd snapshots, `pg_dump`), as the CronJob controller leaves them:
 * the CronJob with `lastScheduleTime` and `lastSuccessfulTime`, and one Job per run, owned by it,
 * with start, completion and succeeded/failed counts and conditions (batch/v1). Every pod
 * template carries an env value that looks like a secret, so tests can prove it is never read
 * into any output. Times are relative to `FIXTURE_NOW` unless given.
 */
import { FIXTURE_NOW, kubeTime, objectMeta, uidFor } from './meta.ts';
import type { KubeObject } from './types.ts';

const HOUR = 3_600_000;

/** A secret-looking value planted in every generated pod template (never to appear in output). */
export const PLANTED_ENV_SECRET = 'PGPASSWORD-planted-9f3c1e77a2b84d06';

/** One run of a CronJob, newest last: how long ago it started, and how it ended. */
export interface JobRun {
  hoursAgo: number;
  outcome: 'succeeded' | 'failed' | 'running';
  /** How long the run took (default 4 minutes). */
  minutes?: number;
}

export interface CronJobOptions {
  namespace: string;
  name: string;
  schedule?: string;
  suspend?: boolean;
  /** Runs, in any order; the controller's history limits are not applied. */
  runs?: JobRun[];
  image?: string;
}

/** A CronJob and its Jobs. */
export function makeCronJob(options: CronJobOptions): KubeObject[] {
  const { namespace, name, schedule = '0 * * * *', suspend = false, runs = [], image = 'postgres:16' } = options;
  const at = (hoursAgo: number, minutes = 0) => new Date(FIXTURE_NOW.getTime() - hoursAgo * HOUR + minutes * 60_000);
  const template = {
    spec: {
      restartPolicy: 'OnFailure',
      containers: [{
        name, image,
        command: ['/bin/sh', '-c', 'pg_dump --format=custom "$DATABASE_URL" > /backup/dump.pgc'],
        env: [{ name: 'PGPASSWORD', value: PLANTED_ENV_SECRET }, { name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: `${name}-db`, key: 'url' } } }],
      }],
    },
  };
  const sorted = [...runs].sort((a, b) => b.hoursAgo - a.hoursAgo);
  const succeeded = sorted.filter((r) => r.outcome === 'succeeded').at(-1);
  const cronJob: KubeObject = {
    apiVersion: 'batch/v1', kind: 'CronJob',
    metadata: objectMeta('CronJob', name, { namespace }),
    spec: {
      concurrencyPolicy: 'Forbid', failedJobsHistoryLimit: 10, schedule, successfulJobsHistoryLimit: 10, suspend,
      jobTemplate: { spec: { backoffLimit: 0, template } },
    },
    status: {
      ...(sorted.length ? { lastScheduleTime: kubeTime(at(sorted.at(-1)!.hoursAgo)) } : {}),
      ...(succeeded ? { lastSuccessfulTime: kubeTime(at(succeeded.hoursAgo, succeeded.minutes ?? 4)) } : {}),
    },
  };
  const jobs = sorted.map((run): KubeObject => {
    const started = at(run.hoursAgo);
    const ended = at(run.hoursAgo, run.minutes ?? 4);
    const jobName = `${name}-${Math.floor(started.getTime() / 60_000)}`;
    const condition = (type: string, reason: string) => ({ lastProbeTime: kubeTime(ended), lastTransitionTime: kubeTime(ended), reason, status: 'True', type });
    return {
      apiVersion: 'batch/v1', kind: 'Job',
      metadata: {
        ...objectMeta('Job', jobName, { namespace, labels: { 'batch.kubernetes.io/controller-uid': uidFor(`CronJob/${namespace}/${name}`) }, created: started }),
        ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name, uid: uidFor(`CronJob/${namespace}/${name}`), controller: true, blockOwnerDeletion: true }],
      },
      spec: { backoffLimit: 0, completions: 1, parallelism: 1, template },
      status: {
        startTime: kubeTime(started),
        ...(run.outcome === 'running' ? { active: 1, ready: 1 } : {}),
        ...(run.outcome === 'succeeded' ? { succeeded: 1, completionTime: kubeTime(ended), conditions: [condition('SuccessCriteriaMet', 'CompletionsReached'), condition('Complete', 'CompletionsReached')] } : {}),
        ...(run.outcome === 'failed' ? { failed: 1, conditions: [condition('FailureTarget', 'BackoffLimitExceeded'), condition('Failed', 'BackoffLimitExceeded')] } : {}),
      },
    };
  });
  return [cronJob, ...jobs];
}
