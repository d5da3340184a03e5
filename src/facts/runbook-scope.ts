import { placeholderScope, type PlaceholderScope } from '../load/placeholders.ts';
import type { RunbookData } from '../schema/runbook.ts';
import type { FactsSnapshot } from '../schema/facts.ts';
import { resolveFactPlaceholder } from './fact-placeholders.ts';

/** Site-wide inputs to a runbook's placeholders. */
export interface ScopeSettings {
  clusters: Readonly<Record<string, string>>;
  vars: Readonly<Record<string, string>>;
  facts: ReadonlyMap<string, FactsSnapshot>;
}

/** One runbook's placeholder scope: the same for validation and for every rendering. */
export function runbookScope(data: Pick<RunbookData, 'vars' | 'clusters'>, site: ScopeSettings): PlaceholderScope {
  const clusters = { ...site.clusters, ...data.clusters };
  return placeholderScope(data.vars, site.vars, clusters, (name) => resolveFactPlaceholder(name, clusters, site.facts));
}
