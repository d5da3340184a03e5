/**
 * A Velero bucket as Velero leaves it, for the inventory reader: each backup's
 * `<prefix>/backups/<name>/<name>-resource-list.json.gz` (gzipped JSON of resource type → sorted
 * `namespace/name` or `name`, keyed `<group>/<version>/<Kind>`; see src/facts/backup-inventory.ts
 * for where in Velero's source that format is defined), plus a bucket that refuses every read.
 */
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

export interface InventorySpec {
  /** Application namespaces: each gets what a small app has (a Deployment, a Service, a Secret, a ConfigMap, a PVC and its PV). */
  namespaces: string[];
  /** Names of CRDs the backup holds. */
  crds?: string[];
  /** Custom resources by inventory key, e.g. `{ 'postgresql.cnpg.io/v1/Cluster': ['ledger/ledger-db'] }`. */
  custom?: Record<string, string[]>;
  /** Secret names to plant (`namespace/name`): they must never reach a snapshot. */
  secrets?: string[];
}

export type ResourceList = Record<string, string[]>;

export function makeResourceList(spec: InventorySpec): ResourceList {
  const list: ResourceList = {};
  const add = (type: string, name: string) => (list[type] ??= []).push(name);
  for (const ns of spec.namespaces) {
    add('v1/Namespace', ns);
    add('apps/v1/Deployment', `${ns}/${ns}-api`);
    add('apps/v1/ReplicaSet', `${ns}/${ns}-api-7d9c8b6f5`);
    add('v1/Service', `${ns}/${ns}-api`);
    add('v1/ServiceAccount', `${ns}/default`);
    add('v1/ConfigMap', `${ns}/kube-root-ca.crt`);
    add('v1/Secret', `${ns}/${ns}-db-credentials`);
    add('v1/PersistentVolumeClaim', `${ns}/data-${ns}-0`);
    add('v1/PersistentVolume', `pvc-${ns}-0a1b2c3d`);
    add('rbac.authorization.k8s.io/v1/RoleBinding', `${ns}/${ns}-deployer`);
  }
  for (const name of spec.secrets ?? []) add('v1/Secret', name);
  for (const crd of spec.crds ?? []) add('apiextensions.k8s.io/v1/CustomResourceDefinition', crd);
  for (const [type, names] of Object.entries(spec.custom ?? {})) for (const name of names) add(type, name);
  // Velero sorts each list (backed_up_items_map.go).
  for (const names of Object.values(list)) names.sort();
  return list;
}

export const inventoryKey = (prefix: string, backup: string) => `${prefix ? `${prefix}/` : ''}backups/${backup}/${backup}-resource-list.json.gz`;

export async function putInventory(client: S3Client, bucket: string, prefix: string, backup: string, list: ResourceList): Promise<void> {
  await client.send(new PutObjectCommand({ Bucket: bucket, Key: inventoryKey(prefix, backup), Body: gzipSync(JSON.stringify(list)) }));
}

/** An S3 endpoint whose every answer is 403 AccessDenied, as a bucket policy without s3:GetObject gives. */
export async function startRefusingS3(): Promise<{ endpoint: string; requests: string[]; close(): Promise<void> }> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    req.resume();
    res.writeHead(403, { 'content-type': 'application/xml' });
    res.end('<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>7QK5JX3Z</RequestId></Error>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** An S3 endpoint that accepts connections and never answers: the read must give up on its own. */
export async function startSilentS3(): Promise<{ endpoint: string; close(): Promise<void> }> {
  const server = createServer(() => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
