/**
 * Collects one cluster's facts into a snapshot. Every kind gets an honest status: a 403 is
 * `forbidden`, an API the cluster does not serve is `absent`, anything else that fails after
 * retries is `error` — never an empty list. A cluster whose API cannot be reached at all (or
 * rejects the credentials) fails as a whole, so the caller keeps its previous snapshot.
 */
import type { FactKind, FactsSnapshot, KindFacts } from '../schema/facts.ts';
import { FACTS_VERSION } from '../schema/facts.ts';
import { ENDPOINT_SLICES, KIND_SOURCES, type KindSource } from './fact-kinds.ts';
import type { KubeClient } from './kube-client.ts';
import { getJson, KubeRequestError, listAll, type RequestPolicy } from './list-all.ts';
import { reduceEndpointSlice } from './reduce-objects.ts';
import { mapLimit } from '../util/map-limit.ts';
import { redactUrl } from '../util/redact-url.ts';

export interface CollectOptions {
  policy: RequestPolicy;
  /** Stamped as `collectedAt`; injectable so two collections of one state are byte-identical. */
  now: Date;
  /** Lists read at the same time (kind lists, not pages). */
  concurrency: number;
}

export type CollectResult = { ok: true; snapshot: FactsSnapshot } | { ok: false; reason: string };

type Status = { status: 'forbidden' | 'absent' | 'error'; reason: string };

export async function collectCluster(client: KubeClient, cluster: string, options: CollectOptions): Promise<CollectResult> {
  const { policy } = options;
  let serverVersion: FactsSnapshot['serverVersion'];
  try {
    const v = (await getJson(client, '/version', policy)) as { gitVersion?: string; platform?: string };
    serverVersion = { status: 'ok', gitVersion: String(v.gitVersion ?? 'unknown'), ...(v.platform ? { platform: v.platform } : {}) };
  } catch (error) {
    const status = statusOf(error);
    // Unreachable, or the credentials are refused: nothing else will work either.
    if (status.status === 'error') return { ok: false, reason: status.reason };
    serverVersion = status;
  }

  const served = await servedGroupVersions(client, policy);
  const readKind = async <K extends FactKind>(source: KindSource<K>): Promise<KindFacts<K>> => {
    if (served && !served.has(source.groupVersion))
      return { status: 'absent', reason: `the API ${source.groupVersion} is not served by this cluster` } as KindFacts<K>;
    try {
      const items = await listAll(client, source.path, source.pageSize, policy, source.reduce);
      return { status: 'ok', items: items.sort(byNamespaceThenName) } as KindFacts<K>;
    } catch (error) {
      return statusOf(error) as KindFacts<K>;
    }
  };

  const slicesTask = async () => {
    if (served && !served.has(ENDPOINT_SLICES.groupVersion)) return { status: 'absent', reason: `the API ${ENDPOINT_SLICES.groupVersion} is not served by this cluster` } as Status;
    try {
      return await listAll(client, ENDPOINT_SLICES.path, ENDPOINT_SLICES.pageSize, policy, reduceEndpointSlice);
    } catch (error) {
      return statusOf(error);
    }
  };
  const tasks: (() => Promise<unknown>)[] = [...KIND_SOURCES.map((s) => () => readKind(s as KindSource)), slicesTask];
  const results = await mapLimit(tasks, options.concurrency, (task) => task());
  const kinds = Object.fromEntries(KIND_SOURCES.map((s, i) => [s.kind, results[i]])) as FactsSnapshot['kinds'];
  const slices = results.at(-1) as Awaited<ReturnType<typeof slicesTask>>;

  const endpointSlices: FactsSnapshot['endpointSlices'] = Array.isArray(slices) ? { status: 'ok' } : slices;
  if (Array.isArray(slices) && kinds.services.status === 'ok') {
    const counts = new Map<string, { ready: number; notReady: number }>();
    for (const slice of slices) {
      if (!slice.service) continue;
      const total = counts.get(slice.service) ?? { ready: 0, notReady: 0 };
      counts.set(slice.service, { ready: total.ready + slice.ready, notReady: total.notReady + slice.notReady });
    }
    for (const service of kinds.services.items) service.endpoints = counts.get(`${service.namespace}/${service.name}`) ?? { ready: 0, notReady: 0 };
  }

  return {
    ok: true,
    snapshot: {
      version: FACTS_VERSION,
      cluster,
      context: client.context,
      server: client.server,
      collectedAt: options.now.toISOString(),
      serverVersion,
      kinds,
      endpointSlices,
    },
  };
}

/** `group/version` strings from discovery, or undefined when discovery itself is unavailable. */
async function servedGroupVersions(client: KubeClient, policy: RequestPolicy): Promise<Set<string> | undefined> {
  try {
    const list = (await getJson(client, '/apis', policy)) as { groups?: { versions?: { groupVersion?: string }[] }[] };
    const served = new Set(['v1']);
    for (const group of list.groups ?? []) for (const v of group.versions ?? []) if (v.groupVersion) served.add(v.groupVersion);
    return served;
  } catch {
    // Without discovery, ask for every kind and let a 404 say "absent".
    return undefined;
  }
}

// Reasons are printed and stored in the snapshot; Node quotes a server URL's password back in its messages.
function statusOf(error: unknown): Status {
  if (error instanceof KubeRequestError) {
    if (error.status === 403) return { status: 'forbidden', reason: redactUrl(error.message) };
    if (error.status === 404) return { status: 'absent', reason: redactUrl(error.message) };
    return { status: 'error', reason: redactUrl(error.message) };
  }
  return { status: 'error', reason: redactUrl((error as Error).message ?? String(error)) };
}

function byNamespaceThenName(a: { namespace?: string; name: string }, b: { namespace?: string; name: string }): number {
  return (a.namespace ?? '').localeCompare(b.namespace ?? '') || a.name.localeCompare(b.name);
}
