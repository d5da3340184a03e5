import { durationSeconds } from '../../schema/primitives.ts';
import type { CronJobFact, JobRunFact } from '../../schema/facts.ts';
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
    if (req.backup) checkRuns(ctx, at, found.item, name, Date.parse(snapshot!.collectedAt));
  });
};

function checkRuns(ctx: CheckContext, at: { path: (string | number)[]; cluster: string }, cronJob: CronJobFact, name: string, collectedAt: number) {
  const { cluster } = at;
  const runs = cronJob.jobs;
  const succeeded = runs?.filter((r) => r.result === 'succeeded') ?? [];
  // The controller's lastSuccessfulTime outlives the Jobs its history limit deletes.
  const lastSuccess = [cronJob.lastSuccessfulTime, ...succeeded.map(finished)].filter((t): t is string => Boolean(t)).sort().at(-1);
  const age = (time: string) => Math.max(0, (collectedAt - Date.parse(time)) / 1000);

  if (!lastSuccess) {
    if (runs === null) {
      ctx.report('FactsUnknown', at, { what: `The runs of CronJob "${name}"`, why: `Jobs in "${cluster}" could not be read, and the CronJob records no successful run` });
    } else ctx.report('BackupJobNeverSucceeded', at, { name, cluster, runs: runs.length });
    return;
  }
  if (age(lastSuccess) > durationSeconds(ctx.runbook.data.rpo)) {
    const job = succeeded.find((r) => finished(r) === lastSuccess);
    ctx.report('RpoBreached', at, {
      subject: `CronJob "${name}"`,
      rpo: ctx.runbook.data.rpo,
      age: ageText(age(lastSuccess)),
      backup: job ? `job ${job.name}` : `the run that finished at ${lastSuccess}`,
      cronJob: name,
    });
  }
  if (runs === null) {
    ctx.report('FactsUnknown', at, { what: `The recent runs of CronJob "${name}"`, why: `Jobs in "${cluster}" could not be read` });
    return;
  }
  // Runs are newest first; one still running says nothing yet.
  const finishedRuns = runs.filter((r) => r.result !== 'running');
  const firstSuccess = finishedRuns.findIndex((r) => r.result === 'succeeded');
  const failing = firstSuccess === -1 ? finishedRuns : finishedRuns.slice(0, firstSuccess);
  if (failing.length === 0) return;
  const oldest = failing.at(-1)!;
  ctx.report('BackupJobFailing', at, {
    name,
    cluster,
    failed: failing.length,
    since: oldest.start ?? 'an unknown time',
    lastSuccess: `finished ${ageText(age(lastSuccess))} before the facts were collected`,
    job: failing[0]!.name,
  });
}

const finished = (run: JobRunFact) => run.completion ?? run.start ?? '';
