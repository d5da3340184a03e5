import { durationSeconds } from '../../schema/primitives.ts';
import type { CronJobFact } from '../../schema/facts.ts';
import { cronJobHealth } from '../cron-job-health.ts';
import { lookup } from '../lookup.ts';
import { ageText } from '../backup-freshness.ts';
import type { Check, CheckContext } from '../check-context.ts';

/**
 * Backups made by CronJobs (`requires: { kind: CronJob, …, backup: true }`): the CronJob is not
 * suspended, it has succeeded at least once, its newest successful run is younger than the
 * runbook's RPO, and its latest runs are not failing — even when an older success is still
 * inside the RPO, which is how a `pg_dump` fails silently for months. Ages are measured at the
 * snapshot's `collectedAt`, like Velero backups. (That the CronJob exists at all is
 * `requirementsExist`'s finding.)
 */
export const backupJobsAreHealthy: Check = (ctx) => {
  ctx.runbook.data.requires?.forEach((req, i) => {
    const cluster = ctx.clusters[req.cluster];
    if (req.kind !== 'CronJob' || !cluster || !req.namespace) return;
    const snapshot = ctx.facts.get(cluster);
    const found = lookup(snapshot, cluster, 'cronJobs', req.name, req.namespace);
    if (found.state !== 'found') return;
    const at = { path: ['requires', i, 'name'], cluster };
    const name = `${req.namespace}/${req.name}`;
    if (found.item.suspend) ctx.report('BackupJobSuspended', at, { name, cluster });
    if (req.backup) checkRuns(ctx, at, found.item, name, snapshot!.collectedAt);
  });
};

function checkRuns(ctx: CheckContext, at: { path: (string | number)[]; cluster: string }, cronJob: CronJobFact, name: string, collectedAt: string) {
  const { cluster } = at;
  const health = cronJobHealth(cronJob, collectedAt);
  if (health.lastSuccess === undefined || health.ageSeconds === undefined) {
    if (health.failing === null) {
      ctx.report('FactsUnknown', at, { what: `The runs of CronJob "${name}"`, why: `Jobs in "${cluster}" could not be read, and the CronJob records no successful run` });
    } else ctx.report('BackupJobNeverSucceeded', at, { name, cluster, runs: cronJob.jobs?.length ?? 0 });
    return;
  }
  if (health.ageSeconds > durationSeconds(ctx.runbook.data.rpo)) {
    ctx.report('RpoBreached', at, {
      subject: `CronJob "${name}"`,
      rpo: ctx.runbook.data.rpo,
      age: ageText(health.ageSeconds),
      backup: health.lastSuccessJob ? `job ${health.lastSuccessJob.name}` : `the run that finished at ${health.lastSuccess}`,
      cronJob: name,
    });
  }
  if (health.failing === null) {
    ctx.report('FactsUnknown', at, { what: `The recent runs of CronJob "${name}"`, why: `Jobs in "${cluster}" could not be read` });
    return;
  }
  if (health.failing.length === 0) return;
  ctx.report('BackupJobFailing', at, {
    name,
    cluster,
    failed: health.failing.length,
    since: health.failing.at(-1)!.start ?? 'an unknown time',
    lastSuccess: `finished ${ageText(health.ageSeconds)} before the facts were collected`,
    job: health.failing[0]!.name,
  });
}
