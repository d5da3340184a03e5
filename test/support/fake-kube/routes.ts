/**
 * Maps a request path onto what kube-apiserver would do with it: a discovery document, a list
 * (cluster-wide or in one namespace), a single object, or "not found".
 */
import type { ResourceDef } from './resources.ts';

/** What a path asks for. `namespace` is set for namespaced paths, `name` for single objects. */
export type Route =
  | { type: 'version' }
  | { type: 'discovery' }
  | { type: 'list' | 'get'; def: ResourceDef; version: string; namespace?: string; name?: string }
  | { type: 'notFound' };

const NOT_FOUND: Route = { type: 'notFound' };

/** Resolves `path` (no query string) against the served resources, keyed by `group/plural`. */
export function resolveRoute(path: string, defs: Map<string, ResourceDef>, discovery: Map<string, unknown>): Route {
  if (path === '/version') return { type: 'version' };
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  if (discovery.has(trimmed)) return { type: 'discovery' };
  const parts = trimmed.split('/').slice(1).map(decodeURIComponent);
  let group: string;
  let version: string;
  let rest: string[];
  if (parts[0] === 'api' && parts.length >= 3) [group, version, rest] = ['', parts[1]!, parts.slice(2)];
  else if (parts[0] === 'apis' && parts.length >= 4) [group, version, rest] = [parts[1]!, parts[2]!, parts.slice(3)];
  else return NOT_FOUND;

  // `/namespaces/<ns>/<plural>[/<name>]` is namespaced; `/namespaces[/<name>]` is the Namespace kind itself.
  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  if (rest.length > 2) return NOT_FOUND; // subresources (status, scale, proxy) are not served
  const def = defs.get(`${group}/${rest[0]}`);
  if (!def || !def.versions.includes(version)) return NOT_FOUND;
  if (namespace !== undefined && !def.namespaced) return NOT_FOUND;
  const name = rest[1];
  // A namespaced object has no cluster-wide GET path.
  if (name !== undefined && def.namespaced && namespace === undefined) return NOT_FOUND;
  return { type: name === undefined ? 'list' : 'get', def, version, namespace, name };
}
