import { didYouMean, listNames } from '../../errors/did-you-mean.ts';
import { formatPath } from '../../errors/issue.ts';
import { FACT_PLACEHOLDER_KEYS } from '../../facts/fact-placeholders.ts';
import { runbookScope } from '../../facts/runbook-scope.ts';
import { allSteps } from '../../load/runbook-model.ts';
import { findPlaceholders } from '../../load/placeholders.ts';
import type { Rule } from '../rule-context.ts';

/**
 * Every `{{ name }}` in commands, expected output and text has a value: an unknown name is an
 * error; a real fact the snapshot cannot provide (no snapshot, kind forbidden) is a warning, and
 * the page shows a marked placeholder — missing facts never block publishing.
 */
export const placeholdersResolve: Rule = (ctx) => {
  const { runbook, report } = ctx;
  const scope = runbookScope(runbook.data, ctx);
  const roles = Object.keys({ ...ctx.clusters, ...runbook.data.clusters });
  const factNames = roles.flatMap((role) => FACT_PLACEHOLDER_KEYS.map((key) => `facts.${role}.${key}`));
  const check = (text: string | undefined, path: (string | number)[]) => {
    for (const use of findPlaceholders(text ?? '')) {
      const resolution = scope.resolve(use.name);
      const field = path[0] === '$body' ? 'A <Step> in the body' : formatPath(path);
      if (resolution && 'value' in resolution) continue;
      if (resolution) {
        report('FactUnavailable', path, { name: use.name, field, why: resolution.unavailable });
        continue;
      }
      const candidates = use.name.startsWith('facts.') ? factNames : scope.names;
      report('UnresolvedPlaceholder', path, {
        name: use.name,
        field,
        suggestion: didYouMean(use.name, candidates),
        known: listNames(use.name.startsWith('facts.') ? factNames : scope.names),
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
