/**
 * Per-resource RBAC denials. Discovery is always allowed (every authenticated user has the
 * `system:discovery` role); lists and gets of a denied resource get 403 Forbidden.
 */
import type { ForbidRule } from './types.ts';

interface ParsedRule {
  resource: string;
  group: string;
  /** undefined: everywhere; '': cluster-scope requests only; otherwise only in this namespace. */
  namespace?: string;
}

/** `'backups.velero.io'` → resource `backups` in group `velero.io`; `'services'` → core group. */
function parseRule(rule: ForbidRule): ParsedRule {
  const { resource, namespace } = typeof rule === 'string' ? { resource: rule, namespace: undefined } : rule;
  const dot = resource.indexOf('.');
  return dot < 0
    ? { resource, group: '', namespace }
    : { resource: resource.slice(0, dot), group: resource.slice(dot + 1), namespace };
}

/** Decides whether a request on `group`/`resource` in `namespace` (undefined: cluster scope) is denied. */
export function makeAuthorizer(rules: ForbidRule[]) {
  const parsed = rules.map(parseRule);
  return (group: string, resource: string, namespace: string | undefined): boolean =>
    parsed.some((r) =>
      r.resource === resource && r.group === group &&
      (r.namespace === undefined || (r.namespace === '' ? namespace === undefined : r.namespace === namespace)));
}
