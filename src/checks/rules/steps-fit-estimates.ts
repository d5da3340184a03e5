import { durationSeconds, formatDuration } from '../../schema/primitives.ts';
import { allSteps } from '../../load/runbook-model.ts';
import { KIND_NAMES, measuredRecords } from '../../drills/measured.ts';
import type { Check } from '../check-context.ts';

/**
 * Step estimates against what drills measured, and against the RTO before any drill exists.
 * - A step the newest measured record timed at more than `checks.stepOverrun` × its estimate is
 *   StepSlowerThanEstimate, on the estimate.
 * - A runbook nobody has measured (no game day, incident, record or restore-measured RTO) whose
 *   estimates for pre-checks, steps and verify, times the RTO margin, exceed the RTO is
 *   RtoNeverPlausible: the plan was never able to meet it. Rollback is left out: it runs only
 *   when the recovery failed. Where a decision tree branches, only the pre-checks and verify
 *   steps count (every path runs those): the finding must hold whichever way the tree goes.
 */
export const stepsFitEstimates: Check = ({ runbook, records, settings, report }) => {
  const refs = allSteps(runbook);
  const measured = measuredRecords(records);
  const timed = new Set<string>();
  for (const { record, file } of measured) {
    for (const step of record.steps) {
      if (timed.has(step.id) || step.outcome !== 'done' || step.start === undefined) continue;
      timed.add(step.id);
      const ref = refs.find((r) => r.step.id === step.id);
      if (!ref?.step.estimate) continue;
      const seconds = Math.round((Date.parse(step.end) - Date.parse(step.start)) / 1000);
      const estimate = durationSeconds(ref.step.estimate);
      if (estimate > 0 && seconds > estimate * settings.stepOverrun) {
        const drill = `${KIND_NAMES[record.kind]} of ${record.startedAt.slice(0, 10)} (${file})`;
        report('StepSlowerThanEstimate', { path: [...ref.path, 'estimate'] }, { step: step.id, measured: formatDuration(seconds), estimate: ref.step.estimate, factor: settings.stepOverrun, drill });
      }
    }
  }
  const drilled = measured.length > 0 || (runbook.data.drills ?? []).some((d) => d.kind !== 'tabletop');
  if (drilled) return;
  const branches = (runbook.data.decisions ?? []).some((d) => d.answers.some((a) => a.goto !== undefined));
  const counted = refs.filter((r) => (branches ? r.section === 'prechecks' || r.section === 'verify' : r.section !== 'rollback'));
  const planned = counted.reduce((sum, r) => sum + (r.step.estimate ? durationSeconds(r.step.estimate) : 0), 0);
  if (planned * settings.rtoMargin > durationSeconds(runbook.data.rto)) {
    const which = branches ? 'pre-checks and verify steps, which every path through the decision tree runs,' : 'steps';
    report('RtoNeverPlausible', { path: ['rto'] }, { which, total: formatDuration(planned), margin: settings.rtoMargin, rto: runbook.data.rto });
  }
};
