/**
 * Services with the EndpointSlices the endpointslice controller would make for them: labelled
 * `kubernetes.io/service-name`, owned by the Service, endpoints with ready/serving/terminating.
 */
import { hash128, objectMeta, uidFor } from './meta.ts';
import type { KubeObject } from './types.ts';

/** Options of `makeServices`. */
export interface ServiceOptions {
  /** Services are spread over these namespaces in turn. Default `['default']`. */
  namespaces?: string[];
  /** Endpoints per Service, split over its slices. Default 2. */
  endpointsPerService?: number;
  /** EndpointSlices per Service (a slice may then be empty, as happens in real clusters). Default 1. */
  slicesPerService?: number;
  /** How many endpoints of each Service are not ready: a number, or per Service index. Default 0. */
  notReady?: number | ((serviceIndex: number) => number);
  /** Zones the endpoints' pods run in, in turn. */
  zones?: string[];
}

const APPS = ['api', 'web', 'worker', 'cache', 'auth', 'billing', 'search', 'payments', 'orders', 'gateway'];
/** The alphabet Kubernetes uses for generated name suffixes (no vowels, no look-alikes). */
const SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

function suffix(seed: string, length = 5): string {
  const words = hash128(seed);
  let out = '';
  for (let i = 0; i < length; i++) out += SUFFIX_ALPHABET[(words[i % 4]! >>> (8 * Math.floor(i / 4))) % SUFFIX_ALPHABET.length];
  return out;
}

const ipv4 = (base: [number, number], n: number) => `10.${base[0] + ((n >> 16) & 15)}.${(n >> 8) & 255}.${n & 255}`;

/**
 * `count` ClusterIP Services (`api-0001`, `web-0002`, …) each followed by its EndpointSlices,
 * as one flat array ready for `FakeClusterSpec.objects`.
 */
export function makeServices(count: number, options: ServiceOptions = {}): KubeObject[] {
  const { namespaces = ['default'], endpointsPerService = 2, slicesPerService = 1, notReady = 0, zones } = options;
  const objects: KubeObject[] = [];
  let podIp = 0x000a00;
  for (let i = 0; i < count; i++) {
    const namespace = namespaces[i % namespaces.length]!;
    const name = `${APPS[i % APPS.length]}-${String(i + 1).padStart(4, '0')}`;
    const clusterIP = ipv4([96, 0], 10 + i);
    const meta = objectMeta('Service', name, { namespace, labels: { app: name } });
    objects.push({
      apiVersion: 'v1', kind: 'Service', metadata: meta,
      spec: { clusterIP, clusterIPs: [clusterIP], internalTrafficPolicy: 'Cluster', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack',
        ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 8080 }], selector: { app: name }, sessionAffinity: 'None', type: 'ClusterIP' },
      status: { loadBalancer: {} },
    });
    const unready = typeof notReady === 'function' ? notReady(i) : notReady;
    const podTemplate = suffix(`${namespace}/${name}/rs`, 10);
    for (let s = 0; s < slicesPerService; s++) {
      const endpoints = [];
      for (let e = s; e < endpointsPerService; e += slicesPerService) {
        const ready = e < endpointsPerService - unready;
        const pod = `${name}-${podTemplate}-${suffix(`${namespace}/${name}/${e}`)}`;
        endpoints.push({
          addresses: [ipv4([244, 0], podIp++)],
          conditions: { ready, serving: ready, terminating: false },
          targetRef: { kind: 'Pod', name: pod, namespace, uid: uidFor(`Pod/${namespace}/${pod}`) },
          ...(zones ? { zone: zones[e % zones.length] } : {}),
        });
      }
      const sliceName = `${name}-${suffix(`${namespace}/${name}/slice/${s}`)}`;
      objects.push({
        apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', addressType: 'IPv4',
        metadata: {
          ...objectMeta('EndpointSlice', sliceName, { namespace, labels: { app: name, 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
            'kubernetes.io/service-name': name }, annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': '2026-11-19T22:14:03Z' } }),
          generateName: `${name}-`,
          ownerReferences: [{ apiVersion: 'v1', blockOwnerDeletion: true, controller: true, kind: 'Service', name, uid: meta.uid }],
        },
        // `endpoints` has no omitempty in the Go type: an empty slice really is served as `null`.
        endpoints: endpoints.length ? endpoints : null,
        ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
      });
    }
  }
  return objects;
}
