import { didYouMean, listNames } from '../../errors/did-you-mean.ts';
import { formatPath } from '../../errors/issue.ts';
import { allSteps } from '../../load/runbook-model.ts';
import { findPlaceholders, placeholderValues } from '../../load/placeholders.ts';
import type { Rule } from '../rule-context.ts';

/** Every `{{ name }}` in commands, expected output and step text has a value to fill in. */
export const placeholdersResolve: Rule = ({ runbook, clusters, vars, report }) => {
  const values = placeholderValues(runbook.data.vars, vars, { ...clusters, ...runbook.data.clusters });
  const names = Object.keys(values);
  const check = (text: string | undefined, path: (string | number)[]) => {
    for (const use of findPlaceholders(text ?? '')) {
      if (use.name in values) continue;
      report('UnresolvedPlaceholder', path, {
        name: use.name,
        field: path[0] === '$body' ? 'A <Step> in the body' : formatPath(path),
        suggestion: didYouMean(use.name, names),
        known: listNames(names),
      });
    }
  };
  for (const ref of allSteps(runbook)) {
    check(ref.step.body, [...ref.path, 'body']);
    ref.step.commands?.forEach((command, c) => {
      check(command.run, [...ref.path, 'commands', c, 'run']);
      check(command.expect, [...ref.path, 'commands', c, 'expect']);
    });
  }
  runbook.data.decisions?.forEach((decision, d) => {
    check(decision.question, ['decisions', d, 'question']);
    check(decision.body, ['decisions', d, 'body']);
  });
};
