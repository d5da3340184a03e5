/**
 * Reads what a target holds: one listing of the prefix (keys, ETags, sizes) and the deploy records
 * under `_lifeboat/builds/`. Read-only, so `--dry-run` uses it too.
 */
import { GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { DeployRecordSchema, isRecordPath, isStatePath, type DeployRecord } from './deploy-record.ts';
import type { RemoteState } from './plan-upload.ts';
import { withRetry, type RetryOptions } from './retry.ts';
import { keyFor, pathFor, type S3Target } from './s3-target.ts';

/** Thrown when a record exists but is not one; the deploy stops rather than guess. */
export class InvalidStateError extends Error {
  override name = 'InvalidStateError';
}

export async function readRemoteState(client: S3Client, target: S3Target, retry: RetryOptions): Promise<RemoteState> {
  const objects: RemoteState['objects'] = new Map();
  const recordPaths: string[] = [];
  let token: string | undefined;
  do {
    const page = await withRetry(
      () => client.send(new ListObjectsV2Command({ Bucket: target.bucket, Prefix: target.prefix ? `${target.prefix}/` : undefined, ContinuationToken: token })),
      retry,
    );
    for (const object of page.Contents ?? []) {
      const path = object.Key === undefined ? undefined : pathFor(target, object.Key);
      if (!path) continue;
      if (isStatePath(path)) {
        if (isRecordPath(path)) recordPaths.push(path);
      } else {
        objects.set(path, { etag: (object.ETag ?? '').replaceAll('"', '').toLowerCase(), size: object.Size ?? 0 });
      }
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);

  const records: DeployRecord[] = [];
  for (const path of recordPaths) {
    const text = await withRetry(async () => {
      const object = await client.send(new GetObjectCommand({ Bucket: target.bucket, Key: keyFor(target, path) }));
      return object.Body!.transformToString('utf8');
    }, retry);
    records.push(parseRecord(keyFor(target, path), text));
  }
  return { objects, records };
}

function parseRecord(key: string, text: string): DeployRecord {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new InvalidStateError(`${key} is not JSON`);
  }
  const parsed = DeployRecordSchema.safeParse(data);
  if (!parsed.success) throw new InvalidStateError(`${key} is not a Lifeboat deploy record (${parsed.error.issues[0]?.message})`);
  return parsed.data;
}
