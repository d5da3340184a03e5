/** Builders for cluster-wide class objects: IngressClasses and PriorityClasses. */
import { objectMeta } from './meta.ts';
import type { KubeObject } from './types.ts';

/** An IngressClass, e.g. `makeIngressClass('nginx', 'k8s.io/ingress-nginx', { isDefault: true })`. */
export function makeIngressClass(name: string, controller: string, options: { isDefault?: boolean } = {}): KubeObject {
  return {
    apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass',
    metadata: objectMeta('IngressClass', name, {
      labels: { 'app.kubernetes.io/component': 'controller', 'app.kubernetes.io/name': name },
      annotations: options.isDefault ? { 'ingressclass.kubernetes.io/is-default-class': 'true' } : undefined,
    }),
    spec: { controller },
  };
}

/** One PriorityClass to add to the built-in ones. */
export interface PriorityClassInput {
  name: string;
  value: number;
  globalDefault?: boolean;
  description?: string;
  preemptionPolicy?: 'PreemptLowerPriority' | 'Never';
}

/**
 * The two PriorityClasses every cluster has (`system-cluster-critical`,
 * `system-node-critical`, created by the API server itself) plus `extra` ones.
 */
export function makePriorityClasses(extra: PriorityClassInput[] = []): KubeObject[] {
  const all: PriorityClassInput[] = [
    { name: 'system-cluster-critical', value: 2000000000, description: 'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.' },
    { name: 'system-node-critical', value: 2000001000, description: 'Used for system critical pods that must not be moved from their current node.' },
    ...extra,
  ];
  return all.map(({ name, value, globalDefault = false, description, preemptionPolicy = 'PreemptLowerPriority' }) => ({
    apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass',
    metadata: objectMeta('PriorityClass', name),
    value, globalDefault, ...(description ? { description } : {}), preemptionPolicy,
  }));
}
