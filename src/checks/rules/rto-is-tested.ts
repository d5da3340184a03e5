import { durationSeconds } from '../../schema/primitives.ts';
import type { Check } from '../check-context.ts';
import { compareText } from '../../util/compare-text.ts';

/**
 * RTO: the newest game day or real recovery, times the safety margin, must fit the RTO; and one
 * must have happened recently. Tabletop walk-throughs measure nothing, so they do not count.
 */
export const rtoIsTested: Check = ({ runbook, settings, report }) => {
  const drills = (runbook.data.drills ?? [])
    .map((drill, index) => ({ drill, index }))
    .filter(({ drill }) => drill.kind !== 'tabletop')
    .sort((a, b) => compareText(b.drill.date, a.drill.date));
  const newest = drills[0];
  const days = Math.round(settings.drillMaxAgeSeconds / 86_400);
  if (!newest) {
    report('NoRecentDrill', { path: runbook.data.drills ? ['drills'] : ['rto'] }, { days });
    return;
  }
  const rto = durationSeconds(runbook.data.rto);
  if (durationSeconds(newest.drill.duration) * settings.rtoMargin > rto) {
    report('DrillTooSlow', { path: ['drills', newest.index, 'duration'] }, { duration: newest.drill.duration, date: newest.drill.date, rto: runbook.data.rto });
  }
  const age = (settings.now.getTime() - Date.parse(`${newest.drill.date}T00:00:00Z`)) / 1000;
  if (age > settings.drillMaxAgeSeconds) report('NoRecentDrill', { path: ['drills', newest.index, 'date'] }, { days, last: newest.drill.date });
};
