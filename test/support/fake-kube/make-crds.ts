/**
 * Synthetic CustomResourceDefinitions for scale tests: kubebuilder-shaped (schema, status
 * subresource, printer columns), about 2 KB each, spread over groups of ten. Real CRDs are
 * in `CRD_SETS`; these only stand in for the long tail of a large cluster.
 */
import { objectMeta } from './meta.ts';
import type { KubeObject } from './types.ts';

const KINDS = ['Widget', 'Pipeline', 'Bucket', 'Queue', 'Topic', 'Database', 'Cache', 'Gateway', 'Route', 'Policy'];

/** Options of `makeCrds`. */
export interface CrdOptions {
  /** CRDs per API group. Default 10. */
  perGroup?: number;
  /** Domain of the generated groups: `team-001.<domain>`. Default `platform.example.com`. */
  domain?: string;
  /**
   * Grow each version's OpenAPI schema to about this many KB with documented spec fields, the way
   * Crossplane providers and cloud operators do (their CRDs average ~26 KB of JSON). Default: the
   * ~2 KB kubebuilder shape.
   */
  schemaKb?: number;
}

export function makeCrds(count: number, options: CrdOptions = {}): KubeObject[] {
  const { perGroup = 10, domain = 'platform.example.com', schemaKb } = options;
  return Array.from({ length: count }, (_, i) => {
    const group = `team-${String(Math.floor(i / perGroup) + 1).padStart(3, '0')}.${domain}`;
    const kind = `${KINDS[i % KINDS.length]}${String(i + 1).padStart(4, '0')}`;
    const plural = `${kind.toLowerCase()}s`;
    // Every third CRD still serves an older beta version next to v1, as many operators do.
    const versions = i % 3 === 0 ? [version('v1', true, schemaKb), version('v1beta1', false, schemaKb)] : [version('v1', true, schemaKb)];
    return {
      apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition',
      metadata: objectMeta('CustomResourceDefinition', `${plural}.${group}`, { annotations: { 'controller-gen.kubebuilder.io/version': 'v0.16.5' } }),
      spec: {
        group,
        names: { kind, listKind: `${kind}List`, plural, singular: kind.toLowerCase(), categories: ['platform'] },
        scope: i % 4 === 3 ? 'Cluster' : 'Namespaced',
        versions,
      },
    };
  });
}

function version(name: string, storage: boolean, schemaKb?: number) {
  const str = (description: string) => ({ description, type: 'string' });
  const padding = schemaKb ? providerFields(schemaKb) : {};
  return {
    additionalPrinterColumns: [
      { jsonPath: '.status.phase', name: 'Phase', type: 'string' },
      { jsonPath: '.metadata.creationTimestamp', name: 'Age', type: 'date' },
    ],
    name,
    schema: { openAPIV3Schema: {
      description: 'Managed by the platform team operator.',
      properties: {
        apiVersion: str('APIVersion defines the versioned schema of this representation of an object.'),
        kind: str('Kind is a string value representing the REST resource this object represents.'),
        metadata: { type: 'object' },
        spec: { properties: {
          image: str('Container image that runs the workload.'),
          replicas: { default: 1, description: 'Number of replicas.', format: 'int32', minimum: 0, type: 'integer' },
          storage: { properties: { size: str('Requested volume size.'), storageClassName: str('StorageClass of the volume.') }, type: 'object' },
          ...padding,
        }, required: ['image'], type: 'object' },
        status: { properties: {
          conditions: { items: { properties: { message: str('Human-readable detail.'), reason: str('Machine-readable reason.'),
            status: str('True, False or Unknown.'), type: str('Condition type.') }, required: ['status', 'type'], type: 'object' }, type: 'array' },
          phase: str('Lifecycle phase.'),
        }, type: 'object' },
      },
      type: 'object',
    } },
    served: true,
    storage,
    subresources: { status: {} },
  };
}

/** `forProvider` fields of a cloud resource, each with a paragraph of documentation: ~kb KB of JSON. */
function providerFields(kb: number): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  const doc = 'Value of this setting as the cloud provider API accepts it. Changing it after creation may replace the resource; see the provider documentation for the allowed values and defaults.';
  // One field is ~260 bytes of JSON.
  for (let i = 0; i < Math.round((kb * 1024) / 260); i++) fields[`setting${String(i).padStart(4, '0')}`] = { description: `${doc} (${i})`, type: i % 5 === 0 ? 'integer' : 'string' };
  return { forProvider: { properties: fields, type: 'object' } };
}
