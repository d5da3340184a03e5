/**
 * Small facts snapshots for rule tests, written as data: every kind `ok` and empty unless given.
 * `forbidden('services')` style overrides make a kind unreadable.
 */
import { FACT_KINDS, type FactKind, type FactsSnapshot, type KindFacts, type KindItem } from '../../src/schema/facts.ts';

type Items = { [K in FactKind]?: KindItem<K>[] | KindFacts<K> };

export function snapshot(cluster: string, kinds: Items = {}, collectedAt = '2026-11-20T06:00:00Z'): FactsSnapshot {
  const all = Object.fromEntries(
    FACT_KINDS.map((kind) => {
      const given = kinds[kind];
      return [kind, given === undefined ? { status: 'ok', items: [] } : Array.isArray(given) ? { status: 'ok', items: given } : given];
    }),
  ) as FactsSnapshot['kinds'];
  return {
    version: 1,
    cluster,
    context: `${cluster}-context`,
    server: `${cluster}.example:443`,
    collectedAt,
    serverVersion: { status: 'ok', gitVersion: 'v1.31.4' },
    kinds: all,
    endpointSlices: { status: 'ok' },
  };
}

export const forbidden = (resource: string) => ({ status: 'forbidden' as const, reason: `HTTP 403: ${resource} is forbidden` });

export const storageClass = (name: string, isDefault = false) => ({
  name,
  provisioner: 'ebs.csi.aws.com',
  default: isDefault,
  bindingMode: 'WaitForFirstConsumer',
  allowVolumeExpansion: true,
  reclaimPolicy: 'Delete',
});

export const backup = (name: string, start: string, phase = 'Completed', extra: { schedule?: string; includedNamespaces?: string[] } = {}) => ({
  namespace: 'velero',
  name,
  ...(extra.schedule ? { schedule: extra.schedule } : {}),
  phase,
  includedNamespaces: extra.includedNamespaces ?? ['*'],
  excludedNamespaces: [],
  startTimestamp: start,
});
