import { didYouMean } from '../../errors/did-you-mean.ts';
import type { Rule } from '../rule-context.ts';

/** `related:` and `after:` ids name runbooks that exist, so links never dead-end. */
export const relatedRunbooksExist: Rule = ({ runbook, byId, report }) => {
  for (const field of ['related', 'after'] as const) {
    runbook.data[field]?.forEach((id, i) => {
      if (!byId.has(id)) report('UnknownRunbook', [field, i], { target: id, field: `${field}[${i}]`, suggestion: didYouMean(id, byId.keys()) });
    });
  }
};
