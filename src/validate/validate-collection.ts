/**
 * Format rules that look beyond one file's shape: ids across the collection, gotos, decision
 * trees, cluster roles and placeholders. Each rule is a small named function; this runs them all
 * and returns every issue (it never stops at the first).
 */
import { createIssue } from '../errors/create-issue.ts';
import type { Issue } from '../errors/issue.ts';
import type { Runbook } from '../load/runbook-model.ts';
import { didYouMean } from '../errors/did-you-mean.ts';
import { createRuleContext, type Rule, type ValidationContext } from './rule-context.ts';
import { clusterRolesAreMapped } from './rules/cluster-roles-are-mapped.ts';
import { decisionGotosResolve } from './rules/decision-gotos-resolve.ts';
import { decisionTreeIsWalkable } from './rules/decision-tree-is-walkable.ts';
import { gotosKeepShellVariables } from './rules/gotos-keep-shell-variables.ts';
import { fieldsAreComplete } from './rules/fields-are-complete.ts';
import { markdownIsSafe } from './rules/markdown-is-safe.ts';
import { placeholdersResolve } from './rules/placeholders-resolve.ts';
import { relatedRunbooksExist } from './rules/related-runbooks-exist.ts';
import { stepIdsAreUnique } from './rules/step-ids-are-unique.ts';

export type { ValidationContext };

const RULES: Rule[] = [
  fieldsAreComplete,
  stepIdsAreUnique,
  decisionGotosResolve,
  decisionTreeIsWalkable,
  gotosKeepShellVariables,
  clusterRolesAreMapped,
  placeholdersResolve,
  relatedRunbooksExist,
  markdownIsSafe,
];

export function validateCollection(runbooks: readonly Runbook[], settings: ValidationContext): Issue[] {
  const issues: Issue[] = [];
  const byId = new Map<string, Runbook>();
  for (const runbook of runbooks) {
    const first = byId.get(runbook.data.id);
    if (first) {
      issues.push(
        createIssue(
          'DuplicateRunbookId',
          { file: runbook.file, path: ['id'], position: runbook.locate(['id']) },
          { id: runbook.data.id, other: first.file },
        ),
      );
    } else {
      byId.set(runbook.data.id, runbook);
    }
  }
  // The home page's "start here" list names runbooks too; a typo would silently drop one.
  settings.startHere?.ids.forEach((id, i) => {
    if (byId.has(id)) return;
    const field = `home.startHere[${i}]`;
    issues.push(createIssue('UnknownRunbook', { file: settings.startHere!.file, path: ['home', 'startHere', i] }, { target: id, field, suggestion: didYouMean(id, byId.keys()) }));
  });
  for (const runbook of runbooks) {
    const ctx = createRuleContext(runbook, byId, settings, issues);
    for (const rule of RULES) rule(ctx);
  }
  return issues;
}
