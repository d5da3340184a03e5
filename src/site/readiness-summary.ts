/**
 * The readiness dashboard's headline and its table from one source (issue 27, item 10: the headline
 * said "0 RPO breach" above two RpoBreached rows, because it counted each runbook only under its
 * worst kind of problem). A runbook is listed, and counted, under every kind of problem it has.
 */
import type { Issue } from '../errors/issue.ts';
import { READINESS_ORDER, readinessKinds, type ReadinessStatus } from './findings.ts';

/** One runbook's row: every kind of problem it has (or just "ok"), worst first. */
export interface ReadinessRow<T> {
  item: T;
  kinds: ReadinessStatus[];
}

/** Headline figures: how many runbooks have each kind (a runbook with two kinds counts under both). */
export interface ReadinessSummary<T> {
  rows: ReadinessRow<T>[];
  total: number;
  counts: { kind: ReadinessStatus; runbooks: number }[];
  /** Runbooks counted under more than one kind, so that the headline can say why its sum is larger. */
  several: number;
}

/** Rows (worst first, then by `tieBreak`) and the headline counts, both from the same kinds. */
export function summarizeReadiness<T>(items: readonly T[], findingsOf: (item: T) => readonly Issue[], tieBreak: (a: T, b: T) => number = () => 0): ReadinessSummary<T> {
  const rank = (kinds: ReadinessStatus[]) => READINESS_ORDER.indexOf(kinds[0]!);
  const rows = items
    .map((item) => ({ item, kinds: readinessKinds(findingsOf(item)) }))
    .sort((a, b) => rank(a.kinds) - rank(b.kinds) || tieBreak(a.item, b.item));
  const counts = READINESS_ORDER.map((kind) => ({ kind, runbooks: rows.filter((r) => r.kinds.includes(kind)).length }));
  return { rows, total: rows.length, counts, several: rows.filter((r) => r.kinds.length > 1).length };
}
