import { formatPath } from '../../errors/issue.ts';
import { allSteps } from '../../load/runbook-model.ts';
import type { Rule } from '../rule-context.ts';

/** Step and decision ids share one namespace per runbook, so every goto and anchor is unambiguous. */
export const stepIdsAreUnique: Rule = ({ runbook, report }) => {
  const seen = new Map<string, string>();
  const claim = (id: string, path: (string | number)[], label: string) => {
    const first = seen.get(id);
    if (first) report('DuplicateStepId', [...path, 'id'], { id, first });
    else seen.set(id, label);
  };
  for (const ref of allSteps(runbook)) {
    const label = ref.path[0] === '$body' ? `the <Step> "${ref.step.title}"` : `step ${formatPath(ref.path)}`;
    claim(ref.step.id, ref.path, label);
  }
  runbook.data.decisions?.forEach((decision, i) => claim(decision.id, ['decisions', i], `decision ${formatPath(['decisions', i])}`));
};
