/**
 * Collects several clusters at once. Each cluster succeeds or fails on its own: one that is down
 * never stops the others, and its previous snapshot is left in place.
 */
import type { FactsSnapshot } from '../schema/facts.ts';
import { collectCluster } from './collect-cluster.ts';
import { openKubeClient, type KubeClient } from './kube-client.ts';
import type { KubeConfig } from '@kubernetes/client-node';
import { DEFAULT_POLICY, type RequestPolicy } from './list-all.ts';
import { writeSnapshot } from './snapshot-file.ts';
import { redactUrl } from '../util/redact-url.ts';

export interface ClusterTarget {
  /** Kubeconfig context to read through. */
  context: string;
  /** Cluster name: the snapshot is `<dir>/<name>.json`. */
  name: string;
}

export type ClusterOutcome =
  | { name: string; context: string; ok: true; file: string; snapshot: FactsSnapshot; ms: number }
  | { name: string; context: string; ok: false; reason: string; ms: number };

export interface CollectAllOptions {
  dir: string;
  now?: Date;
  policy?: RequestPolicy;
  concurrency?: number;
}

export async function collectAll(kc: KubeConfig, targets: readonly ClusterTarget[], options: CollectAllOptions): Promise<ClusterOutcome[]> {
  const now = options.now ?? new Date();
  return Promise.all(
    targets.map(async ({ context, name }): Promise<ClusterOutcome> => {
      const started = performance.now();
      const elapsed = () => Math.round(performance.now() - started);
      let client: KubeClient;
      try {
        client = await openKubeClient(kc, context);
      } catch (error) {
        return { name, context, ok: false, reason: redactUrl((error as Error).message), ms: elapsed() };
      }
      const result = await collectCluster(client, name, { policy: options.policy ?? DEFAULT_POLICY, now, concurrency: options.concurrency ?? 4 });
      if (!result.ok) return { name, context, ok: false, reason: result.reason, ms: elapsed() };
      const file = writeSnapshot(options.dir, result.snapshot);
      return { name, context, ok: true, file, snapshot: result.snapshot, ms: elapsed() };
    }),
  );
}

/** One line per cluster: what was read, what could not be, where it went. */
export function describeOutcome(outcome: ClusterOutcome): string {
  if (!outcome.ok) return `${outcome.name} (context ${outcome.context}): failed — ${outcome.reason}. Its previous snapshot, if any, was kept.`;
  const kinds = Object.entries(outcome.snapshot.kinds);
  const by = (status: string) => kinds.filter(([, k]) => k.status === status).map(([name]) => name);
  const parts = [`${by('ok').length} kinds read`];
  for (const status of ['forbidden', 'absent', 'error']) {
    const names = by(status);
    if (names.length) parts.push(`${status}: ${names.join(', ')}`);
  }
  return `${outcome.name} (context ${outcome.context}, ${outcome.snapshot.server}): ${parts.join('; ')} — ${(outcome.ms / 1000).toFixed(1)} s → ${outcome.file}`;
}
