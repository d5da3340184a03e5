import { durationSeconds } from '../../schema/primitives.ts';
import type { Check } from '../check-context.ts';
import { compareText } from '../../util/compare-text.ts';
import { observedRestores } from '../observed-restores.ts';

/**
 * RTO: the newest game day or real recovery, times the safety margin, must fit the RTO; and one
 * must have happened recently. Tabletop walk-throughs measure nothing, so they do not count. A
 * successful Velero restore seen in a cluster, of a schedule the runbook restores from, counts as
 * a recent test too (observed-restores.ts), but never as the procedure's duration.
 */
export const rtoIsTested: Check = (ctx) => {
  const { runbook, settings, report } = ctx;
  const restored = observedRestores(ctx)
    .filter((o) => o.succeeded)
    .map((o) => (o.restore.completionTimestamp ?? '').slice(0, 10))
    .sort()
    .at(-1);
  const drills = (runbook.data.drills ?? [])
    .map((drill, index) => ({ drill, index }))
    .filter(({ drill }) => drill.kind !== 'tabletop')
    .sort((a, b) => compareText(b.drill.date, a.drill.date));
  const newest = drills[0];
  const days = Math.round(settings.drillMaxAgeSeconds / 86_400);
  const recent = (date: string) => (settings.now.getTime() - Date.parse(`${date}T00:00:00Z`)) / 1000 <= settings.drillMaxAgeSeconds;
  if (!newest) {
    if (!(restored && recent(restored))) report('NoRecentDrill', { path: runbook.data.drills ? ['drills'] : ['rto'] }, { days });
    return;
  }
  const rto = durationSeconds(runbook.data.rto);
  if (durationSeconds(newest.drill.duration) * settings.rtoMargin > rto) {
    report('DrillTooSlow', { path: ['drills', newest.index, 'duration'] }, { duration: newest.drill.duration, date: newest.drill.date, rto: runbook.data.rto });
  }
  if (!recent(newest.drill.date) && !(restored && recent(restored))) {
    report('NoRecentDrill', { path: ['drills', newest.index, 'date'] }, { days, last: restored && restored > newest.drill.date ? restored : newest.drill.date });
  }
};
