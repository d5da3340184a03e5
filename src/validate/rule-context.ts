import { createIssue } from '../errors/create-issue.ts';
import type { ErrorCode, ErrorParams } from '../errors/errors-data.ts';
import type { Issue, Position } from '../errors/issue.ts';
import type { Runbook } from '../load/runbook-model.ts';
import type { FactsSnapshot } from '../schema/facts.ts';

/** Site-wide settings the format rules need: the configuration, and the facts for `{{ facts.… }}`. */
export interface ValidationContext {
  /** Default role → cluster name mapping. */
  clusters: Readonly<Record<string, string>>;
  /** Site-wide placeholder values. */
  vars: Readonly<Record<string, string>>;
  /** Facts snapshots by cluster name (empty when none were collected). */
  facts: ReadonlyMap<string, FactsSnapshot>;
  /** `markdown.allowHtml`: raw HTML in Markdown is rendered as written, so nothing is reported. */
  allowHtml?: boolean;
  /** `home.startHere` and the config file it was read from, as reports print it: its ids must exist. */
  startHere?: { ids: readonly string[]; file: string };
}

/** What a rule sees: one runbook, the whole collection, and a way to report. */
export interface RuleContext extends ValidationContext {
  runbook: Runbook;
  byId: ReadonlyMap<string, Runbook>;
  /** Reports at `path`, or at `position` when it is known more precisely (a word inside a value). */
  report<C extends ErrorCode>(code: C, path: (string | number)[], params: ErrorParams<C>, position?: Position): void;
}

/** A format rule: small, named after the assertion it makes, pushes issues through `report`. */
export type Rule = (ctx: RuleContext) => void;

export function createRuleContext(
  runbook: Runbook,
  byId: ReadonlyMap<string, Runbook>,
  settings: ValidationContext,
  issues: Issue[],
): RuleContext {
  return {
    ...settings,
    runbook,
    byId,
    report: (code, path, params, position) =>
      issues.push(createIssue(code, { file: runbook.file, path, position: position ?? runbook.locate(path) }, params)),
  };
}
