import { durationSeconds, formatDuration } from '../../schema/primitives.ts';
import type { Check, CheckContext } from '../check-context.ts';
import { compareText } from '../../util/compare-text.ts';
import { allObserved, newestPerSource, newestSuccess, observedRestores, type ObservedRestore, type ObservedRestores } from '../observed-restores.ts';
import { restorePlan } from '../restore-sources.ts';
import { recordSeconds } from '../../drills/check-record.ts';
import { KIND_NAMES, measuredRecords } from '../../drills/measured.ts';

/**
 * RTO: the newest game day or real recovery, times the safety margin, must fit the RTO; and one
 * must have happened recently. Tabletop walk-throughs measure nothing, so they do not count. A
 * successful Velero restore seen in a cluster, of a backup the runbook restores from, counts as a
 * recent test too (observed-restores.ts), and as the measured duration only where the runbook says
 * the restore is the whole procedure (`rtoFromRestores`). A newest restore that failed is reported.
 * Drill records (drills/<runbook>/…) count like `drills:` entries: start to end is the duration.
 */
export const rtoIsTested: Check = (ctx) => {
  const { runbook, settings, report } = ctx;
  const plan = restorePlan(runbook, ctx.clusters, ctx.scope);
  const observed = observedRestores(plan, ctx.facts, Object.values(ctx.clusters));
  reportFailedRestores(ctx, observed, plan);
  const restoredOn = (o: ObservedRestore) => (o.restore.completionTimestamp ?? '').slice(0, 10);
  const success = newestSuccess(observed);
  const restored = success && restoredOn(success);
  type Measured = { date: string; duration: string; path: (string | number)[]; label: string };
  const measured: Measured[] = (runbook.data.drills ?? [])
    .map((drill, index) => ({ drill, index }))
    .filter(({ drill }) => drill.kind !== 'tabletop')
    .map(({ drill, index }) => ({ date: drill.date, duration: drill.duration, path: ['drills', index, 'duration'], label: drill.date }));
  for (const { record, file } of measuredRecords(ctx.records)) {
    const date = record.startedAt.slice(0, 10);
    measured.push({ date, duration: formatDuration(Math.max(1, recordSeconds(record))), path: ['rto'], label: `${date}, ${KIND_NAMES[record.kind]} recorded in ${file}` });
  }
  if (runbook.data.rtoFromRestores) {
    for (const o of allObserved(observed)) {
      if (!o.succeeded || o.seconds === undefined) continue;
      measured.push({ date: restoredOn(o), duration: formatDuration(Math.max(60, Math.round(o.seconds / 60) * 60)), path: ['rtoFromRestores'],
        label: `${restoredOn(o)}, Velero restore ${o.restore.name} observed in "${o.cluster}"` });
    }
  }
  measured.sort((a, b) => compareText(b.date, a.date));
  const newest = measured[0];
  const days = Math.round(settings.drillMaxAgeSeconds / 86_400);
  const recent = (date: string) => (settings.now.getTime() - Date.parse(`${date}T00:00:00Z`)) / 1000 <= settings.drillMaxAgeSeconds;
  if (!newest) {
    if (!(restored && recent(restored))) report('NoRecentDrill', { path: runbook.data.drills ? ['drills'] : ['rto'] }, { days });
    return;
  }
  if (durationSeconds(newest.duration) * settings.rtoMargin > durationSeconds(runbook.data.rto)) {
    report('DrillTooSlow', { path: newest.path }, { duration: newest.duration, date: newest.label, rto: runbook.data.rto });
  }
  if (!recent(newest.date) && !(restored && recent(restored))) {
    const path = newest.path[0] === 'drills' ? ['drills', newest.path[1]!, 'date'] : newest.path;
    report('NoRecentDrill', { path }, { days, last: restored && restored > newest.date ? restored : newest.date });
  }
};

/** Per source, a newest observed restore that failed, with no successful one after it, is a failed test. */
function reportFailedRestores(ctx: CheckContext, observed: ObservedRestores, plan: ReturnType<typeof restorePlan>): void {
  for (const [source, newest] of newestPerSource(observed)) {
    if (newest.succeeded) continue;
    const where = plan.sources.find((s) => s.schedule === source || s.backup === source);
    const { restore } = newest;
    const problems = [restore.errors ? `${restore.errors} error${restore.errors === 1 ? '' : 's'}` : '', restore.warnings ? `${restore.warnings} warning${restore.warnings === 1 ? '' : 's'}` : ''].filter(Boolean).join(' and ');
    ctx.report('RestoreTestFailed', { path: where?.path ?? ['requires'], ...(where ? { position: where.position() } : {}), cluster: newest.cluster }, {
      restore: restore.name,
      backup: restore.backup,
      cluster: newest.cluster,
      outcome: `${restore.phase ?? 'no phase'}${problems ? ` with ${problems}` : ''}`,
      date: (restore.completionTimestamp ?? restore.startTimestamp ?? '').slice(0, 10) || 'an unknown date',
    });
  }
}
