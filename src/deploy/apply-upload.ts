/**
 * The only half of a deploy that writes to S3: carries out an `UploadPlan` in its order, one phase
 * after another, with retries. It stops at the first request that keeps failing; by construction
 * of the plan, the bucket then still serves whole pages, and the next deploy resumes.
 */
import { DeleteObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { readFile } from 'node:fs/promises';
import { recordPath, type DeployRecord } from './deploy-record.ts';
import type { PhaseName, UploadPlan } from './plan-upload.ts';
import { withRetry, type RetryOptions } from './retry.ts';
import { runPool } from '../util/run-pool.ts';
import { keyFor, type S3Target } from './s3-target.ts';

export interface ApplyOptions {
  retry: RetryOptions;
  /** Requests in flight at once within a phase. */
  concurrency: number;
  /** Told when a phase (or the clean-up) is done, for progress lines. */
  onStep?: (step: PhaseName | 'deleted', count: number) => void;
  now?: () => Date;
}

export interface ApplyResult {
  uploaded: number;
  uploadedBytes: number;
  deleted: number;
  /** The request that failed for good, when the deploy stopped early. */
  failure?: { operation: string; error: unknown };
}

/** Marks the request that failed, so the caller can name it. */
class RequestFailed extends Error {
  readonly operation: string;
  readonly error: unknown;
  constructor(operation: string, error: unknown) {
    super(operation);
    this.operation = operation;
    this.error = error;
  }
}

/** Applies `plan` to `target`. Never throws for S3 errors: they come back as `failure`. */
export async function applyUpload(client: S3Client, target: S3Target, plan: UploadPlan, options: ApplyOptions): Promise<ApplyResult> {
  const result: ApplyResult = { uploaded: 0, uploadedBytes: 0, deleted: 0 };
  const now = () => (options.now?.() ?? new Date()).toISOString();
  const call = async (operation: string, request: () => Promise<unknown>) => {
    try {
      await withRetry(request, options.retry);
    } catch (error) {
      throw new RequestFailed(operation, error);
    }
  };
  const put = (path: string, body: string | Buffer, contentType: string, cacheControl: string) => {
    const key = keyFor(target, path);
    return call(`PUT ${key}`, () => client.send(new PutObjectCommand({ Bucket: target.bucket, Key: key, Body: body, ContentType: contentType, CacheControl: cacheControl })));
  };
  const remove = (path: string) => {
    const key = keyFor(target, path);
    return call(`DELETE ${key}`, () => client.send(new DeleteObjectCommand({ Bucket: target.bucket, Key: key })));
  };
  const putRecord = (record: DeployRecord) => put(recordPath(record.id), `${JSON.stringify(record)}\n`, 'application/json; charset=utf-8', 'no-store');

  try {
    // The record first: from now on every object this deploy puts is owned, hence cleanable.
    const startedAt = plan.record.startedAt || now();
    if (plan.writeRecordFirst) await putRecord({ ...plan.record, startedAt });
    for (const phase of plan.phases) {
      await runPool(phase.uploads, options.concurrency, async ({ file }) => {
        const body = await readFile(file.file);
        await put(file.path, body, file.contentType, file.cacheControl);
        result.uploaded++;
        result.uploadedBytes += body.length;
      });
      options.onStep?.(phase.name, phase.uploads.length);
    }
    if (plan.complete) await putRecord({ ...plan.record, startedAt, deployedAt: now() });
    // The new version is complete: now the previous one's leftovers can go, then their records.
    await runPool(plan.deletes, options.concurrency, async (path) => {
      await remove(path);
      result.deleted++;
    });
    await runPool(plan.dropRecords, options.concurrency, (id) => remove(recordPath(id)));
    if (plan.deletes.length || plan.dropRecords.length) options.onStep?.('deleted', plan.deletes.length);
  } catch (error) {
    if (!(error instanceof RequestFailed)) throw error;
    result.failure = { operation: error.operation, error: error.error };
  }
  return result;
}
