import { didYouMean, listNames } from '../../errors/did-you-mean.ts';
import { formatPath } from '../../errors/issue.ts';
import { allSteps } from '../../load/runbook-model.ts';
import type { Rule } from '../rule-context.ts';

/** Every role a command or requirement names maps to a cluster, here or in the site default. */
export const clusterRolesAreMapped: Rule = ({ runbook, clusters, report }) => {
  const known = Object.keys({ ...clusters, ...runbook.data.clusters });
  const check = (role: string | undefined, path: (string | number)[]) => {
    if (role === undefined || known.includes(role)) return;
    report('UnknownClusterRole', path, { role, field: formatPath(path), suggestion: didYouMean(role, known), known: listNames(known) });
  };
  for (const ref of allSteps(runbook)) {
    ref.step.commands?.forEach((command, c) => check(command.cluster, [...ref.path, 'commands', c, 'cluster']));
  }
  runbook.data.requires?.forEach((req, r) => check(req.cluster, ['requires', r, 'cluster']));
};
