/**
 * The fake cluster's objects, indexed once at start: per resource, admitted objects sorted by
 * key (`namespace/name` or `name`), the index range of each namespace, and each item's JSON
 * made on first use and cached, so a page costs a join of cached strings rather than a
 * `JSON.stringify` of the whole list.
 */
import { admitObject } from './meta.ts';
import { resolveResources, type ResourceDef } from './resources.ts';
import type { FakeClusterSpec, KubeObject } from './types.ts';

/** Objects of one resource, in the order the API server lists them. */
export interface ResourceTable {
  def: ResourceDef;
  items: KubeObject[];
  keys: string[];
  /** `[from, to)` index range of each namespace's items. */
  namespaces: Map<string, [number, number]>;
  /** Cached list-item JSON (built-in kinds omit apiVersion and kind in lists, as the real server does). */
  json: (string | undefined)[];
}

/** Everything the server reads: resource definitions and tables, and the list resourceVersion. */
export interface Store {
  defs: Map<string, ResourceDef>;
  tables: Map<string, ResourceTable>;
  resourceVersion: number;
}

const groupOf = (apiVersion: string) => (apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '');

/**
 * Indexes a cluster. Objects get consecutive resourceVersions from `firstRv`; the list
 * resourceVersion is one past the last. Throws on an object no served resource holds, and on
 * duplicates (the real server would have refused to create them).
 */
export function buildStore(spec: FakeClusterSpec, firstRv: number): Store {
  const defs = resolveResources(spec.objects, spec.unservedGroups);
  const byKind = new Map<string, ResourceDef>();
  for (const def of defs.values()) byKind.set(`${def.group}/${def.kind}`, def);
  const grouped = new Map<string, { key: string; obj: KubeObject }[]>();
  let rv = firstRv;
  for (const obj of spec.objects) {
    const def = byKind.get(`${groupOf(obj.apiVersion)}/${obj.kind}`);
    if (!def) {
      throw new Error(`fake-kube: no served resource holds ${obj.kind} "${obj.metadata.name}" (${obj.apiVersion}). ` +
        'Add its CustomResourceDefinition to the cluster objects, or remove the group from unservedGroups.');
    }
    const namespace = def.namespaced ? (obj.metadata.namespace ?? 'default') : undefined;
    const admitted = admitObject(namespace === obj.metadata.namespace ? obj : { ...obj, metadata: { ...obj.metadata, namespace } }, rv++, def.custom);
    const id = `${def.group}/${def.plural}`;
    if (!grouped.has(id)) grouped.set(id, []);
    grouped.get(id)!.push({ key: namespace ? `${namespace}/${obj.metadata.name}` : obj.metadata.name, obj: admitted });
  }
  const tables = new Map<string, ResourceTable>();
  for (const [id, def] of defs) {
    const entries = (grouped.get(id) ?? []).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const keys = entries.map((e) => e.key);
    for (let i = 1; i < keys.length; i++) {
      if (keys[i] === keys[i - 1]) throw new Error(`fake-kube: duplicate ${def.plural} "${keys[i]}" in the cluster objects.`);
    }
    tables.set(id, { def, items: entries.map((e) => e.obj), keys, namespaces: namespaceRanges(keys, def.namespaced), json: new Array(keys.length) });
  }
  return { defs, tables, resourceVersion: rv };
}

function namespaceRanges(keys: string[], namespaced: boolean): Map<string, [number, number]> {
  const ranges = new Map<string, [number, number]>();
  if (!namespaced) return ranges;
  keys.forEach((key, i) => {
    const ns = key.slice(0, key.indexOf('/'));
    const range = ranges.get(ns);
    if (range) range[1] = i + 1;
    else ranges.set(ns, [i, i + 1]);
  });
  return ranges;
}

/** JSON of item `i` as a list item served in `version`. */
export function itemJson(table: ResourceTable, i: number, version: string): string {
  const obj = table.items[i]!;
  const { def } = table;
  if (def.custom) {
    // Served in another version than stored: the None conversion strategy only rewrites apiVersion.
    const apiVersion = `${def.group}/${version}`;
    if (obj.apiVersion !== apiVersion) return JSON.stringify({ ...obj, apiVersion });
    return (table.json[i] ??= JSON.stringify(obj));
  }
  return (table.json[i] ??= JSON.stringify({ ...obj, apiVersion: undefined, kind: undefined }));
}

/** A single object as `GET` returns it: always with apiVersion and kind. */
export function fullObject(table: ResourceTable, i: number, version: string): KubeObject {
  const { def } = table;
  const { apiVersion: _stored, kind: _kind, ...rest } = table.items[i]!;
  return { apiVersion: def.group ? `${def.group}/${version}` : version, kind: def.kind, ...rest } as KubeObject;
}
