/**
 * Builds the answer to a routed request: `/version`, discovery, a page of a list, or one
 * object, with RBAC and continue-token checks. Pure: no sockets, no timers.
 */
import { createHash } from 'node:crypto';
import { decodeContinue, encodeContinue, lowerBound, planPage } from './paginate.ts';
import type { Route } from './routes.ts';
import { statuses, type Failure } from './status.ts';
import { fullObject, itemJson, type Store } from './store.ts';

/** An answer ready to send: status code and JSON text. */
export interface Answer {
  code: number;
  body: string;
  headers?: Record<string, string>;
}

/** Server state an answer depends on. */
export interface RespondContext {
  store: Store;
  discovery: Map<string, unknown>;
  gitVersion: string;
  user: string;
  isForbidden: (group: string, resource: string, namespace: string | undefined) => boolean;
  maxPageSize?: number;
  /** Continue tokens whose resourceVersion is at or below this are expired (410). */
  compactedRv: number;
  /** The client asked for `PartialObjectMetadataList` (kubectl's and the collector's CRD lists). */
  metadataOnly?: boolean;
}

/** Content type of a metadata-only list, which the real server sends when `Accept` asks for one. */
export const METADATA_LIST_CONTENT_TYPE = 'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1';

/** Whether an `Accept` header asks for a metadata-only list (meta.k8s.io/v1 PartialObjectMetadataList). */
export function wantsMetadataOnly(accept: string | undefined): boolean {
  return accept !== undefined && accept.split(',').some((t) => {
    const params = t.replace(/\s/g, '').split(';');
    return params.includes('as=PartialObjectMetadataList') && params.includes('g=meta.k8s.io') && params.includes('v=v1');
  });
}

const fromFailure = (f: Failure): Answer => ({ code: f.code, body: JSON.stringify(f.body), headers: f.headers });

export function respond(route: Route, path: string, query: URLSearchParams, ctx: RespondContext): Answer {
  switch (route.type) {
    case 'notFound': return fromFailure(statuses.pathNotFound());
    case 'version': return { code: 200, body: versionInfo(ctx.gitVersion) };
    case 'discovery': return { code: 200, body: JSON.stringify(ctx.discovery.get(path.length > 1 ? path.replace(/\/$/, '') : path)) };
  }
  const { def, version, namespace, name } = route;
  const table = ctx.store.tables.get(`${def.group}/${def.plural}`)!;
  if (ctx.isForbidden(def.group, def.plural, namespace)) {
    return fromFailure(statuses.forbidden(ctx.user, route.type, def.plural, def.group, namespace, name));
  }
  if (route.type === 'get') {
    const key = namespace === undefined ? name! : `${namespace}/${name}`;
    const i = lowerBound(table.keys, key, 0, table.keys.length);
    if (table.keys[i] !== key) return fromFailure(statuses.objectNotFound(def.plural, def.group, name!));
    return { code: 200, body: JSON.stringify(fullObject(table, i, version)) };
  }

  const [lo, hi] = namespace === undefined ? [0, table.keys.length] : (table.namespaces.get(namespace) ?? [0, 0]);
  let limit = Number.parseInt(query.get('limit') ?? '', 10);
  if (!(limit > 0)) limit = 0;
  if (ctx.maxPageSize && (limit === 0 || limit > ctx.maxPageSize)) limit = ctx.maxPageSize;
  let rv = ctx.store.resourceVersion;
  let start: string | undefined;
  const token = query.get('continue');
  if (token) {
    const decoded = decodeContinue(token);
    if (typeof decoded === 'string') return fromFailure(statuses.badContinue(decoded));
    if (decoded.rv !== -1 && decoded.rv <= ctx.compactedRv) {
      return fromFailure(statuses.expired(encodeContinue(-1, decoded.start.replace(/\u0000$/, ''))));
    }
    // A page continues the snapshot of the first page; rv -1 ("inconsistent") reads the current state.
    if (decoded.rv !== -1) rv = decoded.rv;
    start = decoded.start;
  }
  const page = planPage(table.keys, lo, hi, start, limit);
  const items: string[] = [];
  for (let i = page.from; i < page.to; i++) {
    items.push(ctx.metadataOnly
      ? JSON.stringify({ kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: table.items[i]!.metadata })
      : itemJson(table, i, version));
  }
  const metadata: Record<string, unknown> = { resourceVersion: String(rv) };
  if (page.lastKey !== undefined) {
    metadata.continue = encodeContinue(rv, page.lastKey);
    metadata.remainingItemCount = page.remainingItemCount;
  }
  const [kind, apiVersion] = ctx.metadataOnly ? ['PartialObjectMetadataList', 'meta.k8s.io/v1'] : [`${def.kind}List`, def.group ? `${def.group}/${version}` : version];
  return {
    code: 200,
    body: `{"kind":${JSON.stringify(kind)},"apiVersion":${JSON.stringify(apiVersion)},"metadata":${JSON.stringify(metadata)},"items":[${items.join(',')}]}`,
    ...(ctx.metadataOnly ? { headers: { 'content-type': METADATA_LIST_CONTENT_TYPE } } : {}),
  };
}

function versionInfo(gitVersion: string): string {
  const [, major = '1', minor = '0'] = /^v(\d+)\.(\d+)/.exec(gitVersion) ?? [];
  return JSON.stringify({
    major, minor, gitVersion,
    gitCommit: createHash('sha1').update(gitVersion).digest('hex'),
    gitTreeState: 'clean', buildDate: '2026-10-15T09:12:44Z', goVersion: 'go1.24.9', compiler: 'gc', platform: 'linux/amd64',
  });
}
