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
  let factNames: string[] | undefined;
  const factNamesOf = () =>
    (factNames ??= Object.keys({ ...ctx.clusters, ...runbook.data.clusters }).flatMap((role) => FACT_PLACEHOLDER_KEYS.map((key) => `facts.${role}.${key}`)));
  // Paths and field names are made only for a problem: most texts have no placeholder, and most
  // placeholders resolve (every string of 1,000 runbooks passes through here).
  const check = (text: string | undefined, base: readonly (string | number)[], ...rest: (string | number)[]) => {
    for (const use of findPlaceholders(text ?? '')) {
      const resolution = scope.resolve(use.name);
      if (resolution && 'value' in resolution) continue;
      const path = [...base, ...rest];
      const field = path[0] === '$body' ? 'A <Step> in the body' : formatPath(path);
      if (resolution) {
        report('FactUnavailable', path, { name: use.name, field, why: resolution.unavailable });
        continue;
      }
      const candidates = use.name.startsWith('facts.') ? factNamesOf() : scope.names;
      report('UnresolvedPlaceholder', path, {
        name: use.name,
        field,
        suggestion: didYouMean(use.name, candidates),
        known: listNames(candidates),
      });
    }
  };
  for (const ref of allSteps(runbook)) {
    check(ref.step.body, ref.path, 'body');
    ref.step.commands?.forEach((command, c) => {
      check(command.run, ref.path, 'commands', c, 'run');
      check(command.expect, ref.path, 'commands', c, 'expect');
    });
  }
  runbook.data.decisions?.forEach((decision, d) => {
    check(decision.question, ['decisions', d, 'question']);
    check(decision.body, ['decisions', d, 'body']);
  });
};
