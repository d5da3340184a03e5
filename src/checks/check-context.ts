/**
 * What a readiness check sees: one runbook, the facts of the clusters it maps to, the settings,
 * and a way to report findings (with positions in the runbook's source).
 */
import { createIssue } from '../errors/create-issue.ts';
import type { ErrorCode, ErrorParams } from '../errors/errors-data.ts';
import type { Issue, Position } from '../errors/issue.ts';
import type { PlaceholderScope } from '../load/placeholders.ts';
import type { Runbook } from '../load/runbook-model.ts';
import type { FiledRecord } from '../drills/check-record.ts';
import type { FactsSnapshot } from '../schema/facts.ts';
import type { Restored } from './restored-namespaces.ts';
import { createFindingLimit, type FindingLimit } from './finding-limit.ts';

export interface CheckSettings {
  /** "Now" for drill and review ages (facts ages use each snapshot's `collectedAt`). */
  now: Date;
  reviewMaxAgeSeconds: number;
  drillMaxAgeSeconds: number;
  rtoMargin: number;
  /** A step measured at more than its estimate times this is a warning. */
  stepOverrun: number;
  /** Parity compares these two roles. */
  parity: { primary: string; dr: string };
}

export interface CheckContext {
  runbook: Runbook;
  /** Role → cluster name, the site default merged with the runbook's own. */
  clusters: Readonly<Record<string, string>>;
  facts: ReadonlyMap<string, FactsSnapshot>;
  scope: PlaceholderScope;
  settings: CheckSettings;
  /** What runbooks this one runs `after:` restore, per cluster: present for its commands. */
  restoredBefore: Restored;
  /** This runbook's valid drill records, in file order. */
  records: readonly FiledRecord[];
  /** Names of cluster-scoped resources present in primary but missing in DR, by fact kind. */
  parityGaps: ReadonlyMap<string, ReadonlySet<string>>;
  report<C extends ErrorCode>(code: C, at: { path: (string | number)[]; position?: Position; cluster?: string }, params: ErrorParams<C>): void;
}

/** A readiness check: small, named after what it asserts, reports through the context. */
export type Check = (ctx: CheckContext) => void;

export function createCheckContext(
  base: Omit<CheckContext, 'runbook' | 'report' | 'clusters' | 'scope' | 'restoredBefore' | 'records'> & {
    siteClusters: Readonly<Record<string, string>>;
    records: ReadonlyMap<string, readonly FiledRecord[]>;
  },
  runbook: Runbook,
  scope: PlaceholderScope,
  restoredBefore: Restored,
  issues: Issue[],
  limit: FindingLimit = createFindingLimit(),
): CheckContext {
  const { siteClusters, records, ...rest } = base;
  return {
    ...rest,
    records: records.get(runbook.data.id) ?? [],
    runbook,
    scope,
    restoredBefore,
    clusters: { ...siteClusters, ...runbook.data.clusters },
    report: (code, where, params) => {
      if (!limit.admit(runbook.file, code)) return;
      issues.push(createIssue(code, { file: runbook.file, path: where.path, position: where.position ?? runbook.locate(where.path), cluster: where.cluster }, params));
    },
  };
}
