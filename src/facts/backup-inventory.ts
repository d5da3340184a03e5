/**
 * What a Velero backup contains, read from the inventory Velero writes beside it in the bucket —
 * straight from the bucket, so it works while Velero itself is down. The format, from Velero's
 * source (v1.x):
 * - key: `<prefix>/backups/<backup>/<backup>-resource-list.json.gz` (pkg/persistence/object_store.go,
 *   the `BackupResourceList` download target);
 * - body: gzipped JSON written by the backup controller's `persistBackup`
 *   (pkg/controller/backup_controller.go) from `Request.BackupResourceList()` (pkg/backup/request.go,
 *   backed_up_items_map.go): `{ "<group/version>/<Kind>": ["<namespace>/<name>" | "<name>"] }`,
 *   keyed by `resourceKey` (pkg/backup/item_backupper.go), e.g. `apps/v1/Deployment`, `v1/Namespace`,
 *   `apiextensions.k8s.io/v1/CustomResourceDefinition`.
 * Only namespaces, counts per resource type and CRD names are kept; no other object name.
 */
import { gunzipSync } from 'node:zlib';
import type { BackupContentsFact, BackupFact, BackupStorageLocationFact } from '../schema/facts.ts';
import { runPool } from '../util/run-pool.ts';
import { redactUrl } from '../util/redact-url.ts';

/** How to reach one cluster's backup bucket, from the config's `backups.buckets.<cluster>`. */
export interface BucketAccess {
  /** AWS shared-config profile; without it, the standard AWS credential chain. */
  profile?: string;
  /** Endpoint to use instead of the location's `s3Url` (which is often an in-cluster address). */
  endpoint?: string;
  region?: string;
}

export interface InventoryRequest {
  backup: BackupFact;
  /** The BackupStorageLocation the backup names, when the facts have it. */
  location: BackupStorageLocationFact | undefined;
}

export interface InventoryOptions {
  access?: BucketAccess;
  timeoutMs: number;
  concurrency: number;
  /** Cluster name, for messages. */
  cluster: string;
}

/** An inventory is ~50 bytes an object (5 MB for 100,000 objects); anything far larger is not one. */
const MAX_COMPRESSED_BYTES = 16 * 1024 * 1024;
const MAX_JSON_BYTES = 64 * 1024 * 1024;

type Inventory = BackupContentsFact['inventory'];

/** Reads each backup's inventory, a bounded number at a time, each within the timeout. Never throws. */
export async function readInventories(requests: readonly InventoryRequest[], options: InventoryOptions): Promise<BackupContentsFact[]> {
  if (requests.length === 0) return [];
  // Loaded only when some runbook needs an inventory: the SDK is ~20 MB of heap.
  const s3 = await import('@aws-sdk/client-s3');
  const clients = new Map<string, InstanceType<typeof s3.S3Client>>();
  const results: BackupContentsFact[] = [];
  try {
    await runPool(requests, options.concurrency, async ({ backup, location }) => {
      const where = locate(backup, location, options.access);
      let inventory: Inventory;
      if (!('bucket' in where)) inventory = where;
      else {
        const key = JSON.stringify(where.client);
        let client = clients.get(key);
        if (!client) clients.set(key, (client = new s3.S3Client({ ...where.client, maxAttempts: 2, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' })));
        inventory = await fetchInventory(client, s3.GetObjectCommand, where, options);
      }
      results.push({
        namespace: backup.namespace,
        name: backup.name,
        ...(backup.schedule ? { schedule: backup.schedule } : {}),
        source: 'bucket' in where ? where.source : `location ${backup.storageLocation ?? '(none)'}`,
        inventory,
      });
    });
  } finally {
    for (const client of clients.values()) client.destroy();
  }
  return results.sort((a, b) => a.name.localeCompare(b.name));
}

interface Located {
  bucket: string;
  key: string;
  source: string;
  client: { region: string; endpoint?: string; forcePathStyle?: boolean; profile?: string };
}

/** Where the inventory is, or why it cannot be read at all. */
function locate(backup: BackupFact, location: BackupStorageLocationFact | undefined, access: BucketAccess | undefined): Located | Inventory {
  if (!location) return { status: 'error', reason: `its BackupStorageLocation "${backup.storageLocation ?? '(none)'}" is not in the facts, so the bucket is unknown` };
  if (!/^(velero\.io\/)?aws$/.test(location.provider)) {
    return { status: 'unsupported', reason: `its location "${location.name}" uses provider "${location.provider}"; Lifeboat reads inventories from S3 and S3-compatible buckets (provider aws)` };
  }
  if (!location.bucket) return { status: 'error', reason: `its location "${location.name}" names no bucket` };
  const prefix = location.prefix ? `${location.prefix.replace(/^\/+|\/+$/g, '')}/` : '';
  const key = `${prefix}backups/${backup.name}/${backup.name}-resource-list.json.gz`;
  const endpoint = access?.endpoint ?? location.endpoint;
  return {
    bucket: location.bucket,
    key,
    source: `s3://${location.bucket}/${key}`,
    client: {
      // S3-compatible servers accept any region; AWS needs the bucket's own.
      region: access?.region ?? location.region ?? 'us-east-1',
      ...(endpoint ? { endpoint, forcePathStyle: location.forcePathStyle ?? true } : {}),
      ...(access?.profile ? { profile: access.profile } : {}),
    },
  };
}

type S3 = { send(command: unknown, options?: { abortSignal?: AbortSignal }): Promise<any> };

async function fetchInventory(client: S3, GetObject: new (input: { Bucket: string; Key: string }) => unknown, where: Located, options: InventoryOptions): Promise<Inventory> {
  const controller = new AbortController();
  // The signal stops the request; the race also bounds what comes before it (resolving
  // credentials may wait on an instance-metadata endpoint that is not there).
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(Object.assign(new Error('timed out'), { name: 'TimeoutError' }));
    }, options.timeoutMs);
  });
  const read = async () => {
    const object = await client.send(new GetObject({ Bucket: where.bucket, Key: where.key }), { abortSignal: controller.signal });
    if (typeof object.ContentLength === 'number' && object.ContentLength > MAX_COMPRESSED_BYTES) {
      object.Body?.destroy?.();
      return { status: 'error' as const, reason: `${where.source} is ${object.ContentLength} bytes, far more than any Velero inventory` };
    }
    return summarize(await object.Body.transformToByteArray(), where.source);
  };
  try {
    return await Promise.race([read(), timeout]);
  } catch (error) {
    return describeFailure(error, where, options);
  } finally {
    clearTimeout(timer);
  }
}

function describeFailure(error: unknown, where: Located, options: InventoryOptions): Inventory {
  const e = error as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  const status = e.$metadata?.httpStatusCode;
  if (e.name === 'NoSuchKey' || status === 404) {
    return { status: 'missing', reason: `Velero wrote no inventory at ${where.source} (a backup that failed before its upload, or one made by a Velero older than 1.1, has none)` };
  }
  if (e.name === 'AccessDenied' || status === 403) {
    return { status: 'forbidden', reason: `the bucket refused to read ${where.source} (403): grant the credentials of cluster "${options.cluster}" s3:GetObject on ${where.bucket}/…/backups/*/*-resource-list.json.gz` };
  }
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return { status: 'error', reason: `the bucket did not answer within ${options.timeoutMs / 1000} s` };
  if (e.name === 'CredentialsProviderError' || /credential/i.test(e.message ?? '')) {
    return { status: 'error', reason: `no AWS credentials to read the bucket of cluster "${options.cluster}": set backups.buckets.${options.cluster}.profile in the config, or the standard AWS environment` };
  }
  const detail = redactUrl(`${e.name ?? 'Error'}${status ? ` (HTTP ${status})` : ''}: ${(e.message ?? String(error)).split('\n')[0]}`);
  return { status: 'error', reason: `reading ${where.source} failed: ${detail}` };
}

/** The gzipped inventory → what the snapshot keeps. Exported for tests. */
export function summarize(bytes: Uint8Array, source: string): Inventory {
  let list: unknown;
  try {
    list = JSON.parse(gunzipSync(bytes, { maxOutputLength: MAX_JSON_BYTES }).toString('utf8'));
  } catch (error) {
    return { status: 'error', reason: `${source} is not a gzipped JSON inventory (${(error as Error).message.split('\n')[0]})` };
  }
  if (!list || typeof list !== 'object' || Array.isArray(list) || !Object.values(list).every((v) => Array.isArray(v) && v.every((x) => typeof x === 'string'))) {
    return { status: 'error', reason: `${source} is not a Velero inventory (an object of resource type → list of names)` };
  }
  const namespaces = new Set<string>();
  const resources: Record<string, number> = {};
  const crds: string[] = [];
  for (const [type, names] of Object.entries(list as Record<string, string[]>).sort(([a], [b]) => a.localeCompare(b))) {
    resources[type] = names.length;
    const kind = type.slice(type.lastIndexOf('/') + 1);
    if (type === 'v1/Namespace') for (const name of names) namespaces.add(name);
    else if (kind === 'CustomResourceDefinition' && type.startsWith('apiextensions.k8s.io/')) crds.push(...names);
    for (const name of names) {
      const slash = name.indexOf('/');
      if (slash > 0) namespaces.add(name.slice(0, slash));
    }
  }
  return { status: 'ok', namespaces: [...namespaces].sort(), resources, crds: [...new Set(crds)].sort() };
}
