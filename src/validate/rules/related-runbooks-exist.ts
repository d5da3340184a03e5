import { didYouMean } from '../../errors/did-you-mean.ts';
import type { Rule } from '../rule-context.ts';

/** `related:` ids name runbooks that exist, so "read next" links never dead-end. */
export const relatedRunbooksExist: Rule = ({ runbook, byId, report }) => {
  runbook.data.related?.forEach((id, i) => {
    if (!byId.has(id)) {
      report('UnknownRunbook', ['related', i], { target: id, field: `related[${i}]`, suggestion: didYouMean(id, byId.keys()) });
    }
  });
};
