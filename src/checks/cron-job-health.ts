/**
 * How a backup CronJob is doing, from its facts: its newest successful run (the controller's
 * `lastSuccessfulTime` outlives the Jobs its history limit deletes) and age at facts time, and
 * the unbroken streak of failed runs since. Shared by the gate and the page's backup evidence.
 */
import type { CronJobFact, JobRunFact } from '../schema/facts.ts';

export interface CronJobHealth {
  /** Finish time of the newest successful run, if any is known. */
  lastSuccess?: string;
  /** Its age in seconds when the facts were collected. */
  ageSeconds?: number;
  /** The job that made it, when its Job is still in the facts. */
  lastSuccessJob?: JobRunFact;
  /** Finished runs since the newest success, newest first; null when Jobs could not be read. */
  failing: JobRunFact[] | null;
}

export function cronJobHealth(cronJob: CronJobFact, collectedAt: string): CronJobHealth {
  const runs = cronJob.jobs;
  const succeeded = runs?.filter((r) => r.result === 'succeeded') ?? [];
  const lastSuccess = [cronJob.lastSuccessfulTime, ...succeeded.map(finished)].filter((t): t is string => Boolean(t)).sort().at(-1);
  // Runs are newest first; one still running says nothing yet.
  const finishedRuns = runs?.filter((r) => r.result !== 'running');
  const firstSuccess = finishedRuns?.findIndex((r) => r.result === 'succeeded') ?? -1;
  const failing = finishedRuns ? (firstSuccess === -1 ? finishedRuns : finishedRuns.slice(0, firstSuccess)) : null;
  if (!lastSuccess) return { failing };
  const job = succeeded.find((r) => finished(r) === lastSuccess);
  return {
    lastSuccess,
    ageSeconds: Math.max(0, (Date.parse(collectedAt) - Date.parse(lastSuccess)) / 1000),
    ...(job ? { lastSuccessJob: job } : {}),
    failing,
  };
}

const finished = (run: JobRunFact) => run.completion ?? run.start ?? '';
