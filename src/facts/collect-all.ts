/**
 * Collects several clusters at once. Each cluster succeeds or fails on its own: one that is down
 * never stops the others, and its previous snapshot is left in place.
 */
import type { FactsSnapshot } from '../schema/facts.ts';
import { collectCluster, type CollectResult } from './collect-cluster.ts';
import { openKubeClient, type KubeClient } from './kube-client.ts';
import type { KubeConfig } from '@kubernetes/client-node';
import { DEFAULT_POLICY, type RequestPolicy } from './list-all.ts';
import { writeSnapshot } from './snapshot-file.ts';
import { redactUrl } from '../util/redact-url.ts';
import { collectBackupContents, type BackupContentsOptions } from './backup-contents.ts';

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
  /** Whole-cluster deadline: a cluster still being read after this fails, and keeps its previous snapshot. */
  deadlineMs?: number;
  /** Share of kinds (0–1) that must be readable for a snapshot to replace the previous one. */
  minReadable?: number;
  /**
   * Which backups' inventories to read from their buckets; without it, none are (the kind says
   * so). A promise, so that loading the runbooks that decide it overlaps with reading the clusters.
   */
  backupContents?: BackupContentsOptions | Promise<BackupContentsOptions | undefined>;
}

/** Five minutes: a cluster whose every request needs all its retries still finishes well within. */
export const DEFAULT_DEADLINE_MS = 300_000;
/** Half the kinds: below that a snapshot says more about the outage than about the cluster. */
export const DEFAULT_MIN_READABLE = 0.5;

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
      const deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<CollectResult>((resolve) => {
        timer = setTimeout(() => resolve({ ok: false, reason: `the cluster was still being read after ${deadlineMs / 1000} s (the deadline)` }), deadlineMs);
      });
      const collection = collectCluster(client, name, {
        policy: options.policy ?? DEFAULT_POLICY, now, concurrency: options.concurrency ?? 4, minReadable: options.minReadable ?? DEFAULT_MIN_READABLE,
      }).then(async (result) => {
        // Inside the deadline: a bucket that hangs must not hold the cluster's snapshot back forever.
        const wanted = await options.backupContents;
        if (result.ok) result.snapshot.kinds.backupContents = wanted
          ? await collectBackupContents(result.snapshot, wanted)
          : { status: 'error', reason: 'backup inventories were not read in this collection (the runbooks that decide which were not loaded)' };
        return result;
      });
      const result = await Promise.race([collection, deadline]).finally(() => {
        clearTimeout(timer);
        // Aborts what a missed deadline left in flight, and closes connections still handshaking.
        return client.close();
      });
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
  const contents = outcome.snapshot.kinds.backupContents;
  if (contents?.status === 'ok' && contents.items.length) {
    const unread = contents.items.filter((i) => i.inventory.status !== 'ok').map((i) => `${i.name}: ${i.inventory.status}`);
    parts.push(`${contents.items.length - unread.length} of ${contents.items.length} backup inventories read${unread.length ? ` (${unread.join(', ')})` : ''}`);
  }
  return `${outcome.name} (context ${outcome.context}, ${outcome.snapshot.server}): ${parts.join('; ')} — ${(outcome.ms / 1000).toFixed(1)} s → ${outcome.file}`;
}
