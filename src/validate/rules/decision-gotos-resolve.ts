import { didYouMean, listNames } from '../../errors/did-you-mean.ts';
import { formatPath } from '../../errors/issue.ts';
import { allSteps, type Runbook } from '../../load/runbook-model.ts';
import type { Rule } from '../rule-context.ts';

/** Ids a goto can land on in a runbook: its steps and decisions. */
export function targetIds(runbook: Runbook): string[] {
  return [...allSteps(runbook).map((ref) => ref.step.id), ...(runbook.data.decisions ?? []).map((d) => d.id)];
}

/**
 * Every answer leads somewhere real: a step or decision here, another runbook (and a step in it),
 * or an outcome that ends the path. Also checks `<Decision id>` placements in MDX bodies.
 */
export const decisionGotosResolve: Rule = ({ runbook, byId, report }) => {
  const local = targetIds(runbook);
  runbook.data.decisions?.forEach((decision, d) => {
    decision.answers.forEach((answer, a) => {
      const path = ['decisions', d, 'answers', a];
      const field = formatPath(path);
      const ends = [answer.goto, answer.runbook, answer.outcome].filter((v) => v !== undefined).length;
      if (ends === 0 || (answer.outcome !== undefined && ends > 1)) {
        report('InvalidValue', path, {
          field,
          detail: ends === 0 ? 'leads nowhere' : 'has an outcome and a goto, so it is unclear whether the path ends',
          allowed: '`goto: <step-or-decision-id>`, `runbook: <runbook-id>` (optionally with `goto`), or `outcome: <text>`',
        });
        return;
      }
      if (answer.runbook !== undefined) {
        const target = byId.get(answer.runbook);
        if (!target) {
          report('UnknownRunbook', [...path, 'runbook'], { target: answer.runbook, field, suggestion: didYouMean(answer.runbook, byId.keys()) });
        } else if (answer.goto !== undefined && !targetIds(target).includes(answer.goto)) {
          const ids = targetIds(target);
          report('UnknownRunbookTarget', [...path, 'goto'], {
            target: answer.goto,
            runbook: answer.runbook,
            field,
            suggestion: didYouMean(answer.goto, ids),
            known: listNames(ids),
          });
        }
      } else if (answer.goto !== undefined && !local.includes(answer.goto)) {
        report('DanglingGoto', [...path, 'goto'], { goto: answer.goto, field, suggestion: didYouMean(answer.goto, local), known: listNames(local) });
      }
    });
  });
  const decisionIds = (runbook.data.decisions ?? []).map((d) => d.id);
  runbook.bodyDecisions.forEach((placed, i) => {
    if (!decisionIds.includes(placed.id)) {
      report('DanglingGoto', ['$bodyDecision', i], {
        goto: placed.id,
        field: `<Decision id="${placed.id}">`,
        suggestion: didYouMean(placed.id, decisionIds),
        known: listNames(decisionIds),
      });
    }
  });
};
