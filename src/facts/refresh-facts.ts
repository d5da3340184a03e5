/**
 * The build's facts step. `snapshot` reads what is committed. `live` collects every configured
 * cluster first and refuses to build if one cannot be read. `prefer-live` collects too, but a
 * cluster that cannot be read keeps its last snapshot and is reported as stale, so the site still
 * publishes — saying which facts are old and why.
 */
import type { LifeboatConfig } from '../config/config-schema.ts';
import { collectAll, type ClusterOutcome } from './collect-all.ts';
import { loadKubeConfig } from './kube-client.ts';
import { planInventories } from './inventory-plan.ts';

export interface StaleFacts {
  cluster: string;
  reason: string;
}

export type RefreshResult =
  | { ok: true; outcomes: ClusterOutcome[]; stale: StaleFacts[] }
  | { ok: false; outcomes: ClusterOutcome[]; reason: string };

export async function refreshFacts(config: Parameters<typeof planInventories>[0] & Pick<LifeboatConfig, 'factsMode' | 'collect'>, now = new Date()): Promise<RefreshResult> {
  if (config.factsMode === 'snapshot') return { ok: true, outcomes: [], stale: [] };
  const targets = Object.entries(config.collect?.clusters ?? {}).map(([name, context]) => ({ name, context }));
  if (targets.length === 0) {
    return { ok: false, outcomes: [], reason: `facts mode "${config.factsMode}" needs the clusters to collect: add \`collect: { clusters: { <cluster>: <context> } }\` to lifeboat.config.yaml` };
  }
  let kc;
  try {
    kc = loadKubeConfig(config.collect?.kubeconfig);
  } catch (error) {
    const reason = (error as Error).message;
    if (config.factsMode === 'live') return { ok: false, outcomes: [], reason };
    return { ok: true, outcomes: [], stale: targets.map((t) => ({ cluster: t.name, reason })) };
  }
  // The inventories of the backups the runbooks restore from, as `lifeboat facts` reads them.
  const backupContents = planInventories(config).then((p) => p.options, () => undefined);
  const outcomes = await collectAll(kc, targets, { dir: config.factsDir, now, backupContents });
  const failed = outcomes.filter((o) => !o.ok);
  if (failed.length && config.factsMode === 'live') {
    return { ok: false, outcomes, reason: `live facts are required and ${failed.map((f) => f.name).join(', ')} could not be read` };
  }
  return { ok: true, outcomes, stale: failed.map((o) => ({ cluster: o.name, reason: o.ok ? '' : o.reason })) };
}
