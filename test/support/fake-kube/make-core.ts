/**
 * Builders for core objects shaped like those of a live cluster: Namespaces, Nodes, PVCs,
 * Secrets, ConfigMaps, IngressClasses and PriorityClasses. Deterministic: the same call gives
 * the same objects (uids included).
 */
import { objectMeta, uidFor } from './meta.ts';
import type { KubeObject } from './types.ts';

/** Namespaces every cluster has. */
export const SYSTEM_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];

const pad = (n: number, width = 3) => String(n).padStart(width, '0');

/**
 * Namespaces by name, or `count` of them: the system namespaces plus `team-001`, `team-002`, …
 */
export function makeNamespaces(namesOrCount: number | string[]): KubeObject[] {
  const names = typeof namesOrCount !== 'number' ? namesOrCount
    : [...SYSTEM_NAMESPACES, ...Array.from({ length: Math.max(0, namesOrCount - SYSTEM_NAMESPACES.length) }, (_, i) => `team-${pad(i + 1)}`)].slice(0, namesOrCount);
  return names.map((name) => ({
    apiVersion: 'v1', kind: 'Namespace',
    metadata: objectMeta('Namespace', name, { labels: { 'kubernetes.io/metadata.name': name } }),
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  }));
}

/** Options of `makeNodes`. */
export interface NodeOptions {
  region?: string;
  /** Nodes are spread over these zones in turn. Default: `<region>a`, `b`, `c`. */
  zones?: string[];
  /** How many nodes (the last ones) have stopped reporting: Ready=Unknown. */
  notReady?: number;
  instanceType?: string;
  kubeletVersion?: string;
}

/** EKS-style worker nodes with topology labels and the four standard conditions. */
export function makeNodes(count: number, options: NodeOptions = {}): KubeObject[] {
  const { region = 'eu-west-1', notReady = 0, instanceType = 'm6i.xlarge', kubeletVersion = 'v1.31.4-eks-aeac579' } = options;
  const zones = options.zones ?? ['a', 'b', 'c'].map((z) => region + z);
  return Array.from({ length: count }, (_, i) => {
    const zone = zones[i % zones.length]!;
    const ip = `10.0.${32 * (i % zones.length) + Math.floor(i / 250)}.${10 + (i % 250)}`;
    const name = `ip-${ip.replaceAll('.', '-')}.${region}.compute.internal`;
    const ready = i < count - notReady;
    const condition = (type: string, status: string, reason: string, message: string) =>
      ({ type, status, lastHeartbeatTime: '2026-11-20T05:58:12Z', lastTransitionTime: '2026-10-21T06:00:00Z', reason, message });
    return {
      apiVersion: 'v1', kind: 'Node',
      metadata: objectMeta('Node', name, { labels: {
        'kubernetes.io/arch': 'amd64', 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux',
        'node.kubernetes.io/instance-type': instanceType, 'topology.kubernetes.io/region': region, 'topology.kubernetes.io/zone': zone,
      } }),
      spec: { providerID: `aws:///${zone}/i-0${uidFor(name).replaceAll('-', '').slice(0, 16)}` },
      status: {
        addresses: [{ type: 'InternalIP', address: ip }, { type: 'Hostname', address: name }],
        capacity: { cpu: '4', memory: '16069924Ki', pods: '58' },
        allocatable: { cpu: '3920m', memory: '15052068Ki', pods: '58' },
        conditions: [
          condition('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
          condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
          condition('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
          ready ? condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status')
            : condition('Ready', 'Unknown', 'NodeStatusUnknown', 'Kubelet stopped posting node status.'),
        ],
        nodeInfo: { architecture: 'amd64', containerRuntimeVersion: 'containerd://1.7.27', kernelVersion: '6.1.141-155.222.amzn2023.x86_64',
          kubeletVersion, operatingSystem: 'linux', osImage: 'Amazon Linux 2023.7.20250623' },
      },
    };
  });
}

/** Options of `makePvcs`. */
export interface PvcOptions {
  namespaces?: string[];
  /** `null` for a claim with no class (uses no default). Default `ebs-sc`. */
  storageClassName?: string | null;
  phase?: 'Bound' | 'Pending' | 'Lost';
  size?: string;
}

/** PersistentVolumeClaims `data-<n>` spread over `namespaces`, bound to CSI volumes unless Pending. */
export function makePvcs(count: number, options: PvcOptions = {}): KubeObject[] {
  const { namespaces = ['default'], storageClassName = 'ebs-sc', phase = 'Bound', size = '10Gi' } = options;
  return Array.from({ length: count }, (_, i) => {
    const namespace = namespaces[i % namespaces.length]!;
    const name = `data-${pad(i)}`;
    const bound = phase !== 'Pending';
    return {
      apiVersion: 'v1', kind: 'PersistentVolumeClaim',
      metadata: objectMeta('PersistentVolumeClaim', name, { namespace,
        annotations: bound ? { 'pv.kubernetes.io/bind-completed': 'yes', 'pv.kubernetes.io/bound-by-controller': 'yes' } : undefined }),
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: size } }, ...(storageClassName === null ? {} : { storageClassName }),
        volumeMode: 'Filesystem', ...(bound ? { volumeName: `pvc-${uidFor(`pv/${namespace}/${name}`)}` } : {}) },
      status: bound ? { phase, accessModes: ['ReadWriteOnce'], capacity: { storage: size } } : { phase },
    };
  });
}

/** Opaque Secrets `app-secret-<n>` (which Lifeboat must never request). */
export function makeSecrets(count: number, namespaces = ['default']): KubeObject[] {
  return Array.from({ length: count }, (_, i) => ({
    apiVersion: 'v1', kind: 'Secret', type: 'Opaque',
    metadata: objectMeta('Secret', `app-secret-${pad(i)}`, { namespace: namespaces[i % namespaces.length] }),
    data: { password: Buffer.from(`do-not-collect-${i}`).toString('base64') },
  }));
}

/** The `kube-root-ca.crt` ConfigMap that every namespace holds. */
export function makeRootCaConfigMaps(namespaces: string[], caPem = '-----BEGIN CERTIFICATE-----\n…\n-----END CERTIFICATE-----\n'): KubeObject[] {
  return namespaces.map((namespace) => ({
    apiVersion: 'v1', kind: 'ConfigMap',
    metadata: objectMeta('ConfigMap', 'kube-root-ca.crt', { namespace, annotations: { 'kubernetes.io/description':
      'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.' } }),
    data: { 'ca.crt': caPem },
  }));
}
