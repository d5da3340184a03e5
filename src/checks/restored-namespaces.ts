/**
 * What Velero restores in a runbook bring back, per cluster, so later commands that use those
 * namespaces are not reported as missing: the runbook creates them before it uses them.
 * A restore with `--include-namespaces` brings back those namespaces; one without brings back
 * everything its backup holds. Runbooks listed in `after:` count as having run first.
 */
import { fillWithSourceMap, type PlaceholderScope } from '../load/placeholders.ts';
import { allSteps, type Runbook } from '../load/runbook-model.ts';
import { extractReferences } from './extract/extract-references.ts';

export interface Restored {
  /** Namespaces restored by name, per cluster. */
  namespaces: Map<string, Set<string>>;
  /** Clusters where a restore brought back everything its backup holds. */
  everything: Set<string>;
}

export const emptyRestored = (): Restored => ({ namespaces: new Map(), everything: new Set() });

const FULL_RESTORE = /\bvelero\b[^|;&\n]*?\brestore\s+create\b/;

/** Adds what one command restores (in `cluster`) to `into`. */
export function noteRestores(command: string, cluster: string, into: Restored): void {
  if (!FULL_RESTORE.test(command)) return;
  const named = extractReferences(command).filter(
    (r) => r.kind === 'Namespace' && r.command.tool === 'velero' && r.command.subcommand[0] === 'restore' && (r.via === '--include-namespaces' || r.via === '--namespace-mappings'),
  );
  if (named.length === 0 && !/--include-namespaces/.test(command)) {
    into.everything.add(cluster);
    return;
  }
  const set = into.namespaces.get(cluster) ?? new Set<string>();
  for (const ref of named) set.add(ref.name);
  into.namespaces.set(cluster, set);
}

/** Everything a whole runbook restores, for runbooks that name it in `after:`. */
export function restoredBy(runbook: Runbook, clusters: Readonly<Record<string, string>>, scope: PlaceholderScope): Restored {
  const restored = emptyRestored();
  for (const ref of allSteps(runbook)) {
    for (const command of ref.step.commands ?? []) {
      const cluster = command.cluster ? clusters[command.cluster] : undefined;
      if (cluster) noteRestores(fillWithSourceMap(command.run, scope).text, cluster, restored);
    }
  }
  return restored;
}

export function mergeRestored(into: Restored, from: Restored): void {
  for (const cluster of from.everything) into.everything.add(cluster);
  for (const [cluster, names] of from.namespaces) into.namespaces.set(cluster, new Set([...(into.namespaces.get(cluster) ?? []), ...names]));
}

export function isRestored(restored: Restored, cluster: string, namespace: string): boolean {
  return restored.everything.has(cluster) || (restored.namespaces.get(cluster)?.has(namespace) ?? false);
}
