/**
 * Parity between the primary and the DR cluster: cluster-scoped resources that exist in primary
 * but not in DR. Only kinds readable in both snapshots are compared — an unreadable kind is
 * unknown, never a gap.
 */
import type { FactKind, FactsSnapshot } from '../schema/facts.ts';

export const PARITY_KINDS = ['customResourceDefinitions', 'storageClasses', 'ingressClasses', 'priorityClasses', 'volumeSnapshotClasses'] as const satisfies readonly FactKind[];
export type ParityKind = (typeof PARITY_KINDS)[number];

export const PARITY_KIND_NAMES: Record<ParityKind, string> = {
  customResourceDefinitions: 'CustomResourceDefinition',
  storageClasses: 'StorageClass',
  ingressClasses: 'IngressClass',
  priorityClasses: 'PriorityClass',
  volumeSnapshotClasses: 'VolumeSnapshotClass',
};

export interface ParityRow {
  kind: ParityKind;
  name: string;
  primary: boolean | 'unknown';
  dr: boolean | 'unknown';
}

/** Every name of every parity kind in either cluster, with where it exists. */
export function parityTable(primary: FactsSnapshot | undefined, dr: FactsSnapshot | undefined): ParityRow[] {
  const rows: ParityRow[] = [];
  for (const kind of PARITY_KINDS) {
    const names = (s: FactsSnapshot | undefined) => {
      const facts = s?.kinds[kind];
      return facts?.status === 'ok' ? new Set(facts.items.map((i) => i.name)) : undefined;
    };
    const [p, d] = [names(primary), names(dr)];
    for (const name of [...new Set([...(p ?? []), ...(d ?? [])])].sort()) {
      rows.push({ kind, name, primary: p ? p.has(name) : 'unknown', dr: d ? d.has(name) : 'unknown' });
    }
  }
  return rows;
}

/** Names in primary and known to be missing in DR, by kind. */
export function parityGaps(primary: FactsSnapshot | undefined, dr: FactsSnapshot | undefined): Map<ParityKind, Set<string>> {
  const gaps = new Map<ParityKind, Set<string>>();
  for (const row of parityTable(primary, dr)) {
    if (row.primary === true && row.dr === false) gaps.set(row.kind, (gaps.get(row.kind) ?? new Set()).add(row.name));
  }
  return gaps;
}
