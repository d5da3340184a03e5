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
import { runPool } from './run-pool.ts';
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

/** Applies `plan` to `target`. Never throws for S3 errors: they come back as `failure`. */
export async function applyUpload(client: S3Client, target: S3Target, plan: UploadPlan, options: ApplyOptions): Promise<ApplyResult> {
  const result: ApplyResult = { uploaded: 0, uploadedBytes: 0, deleted: 0 };
  const now = () => (options.now?.() ?? new Date()).toISOString();
  const send = async (operation: string, command: PutObjectCommand | DeleteObjectCommand) => {
    try {
      await withRetry(() => client.send(command as PutObjectCommand), options.retry);
    } catch (error) {
      throw Object.assign(new Error(operation), { step: { operation, error } });
    }
  };
  const putRecord = (record: DeployRecord) =>
    send(`PUT ${keyFor(target, recordPath(record.id))}`, new PutObjectCommand({
      Bucket: target.bucket,
      Key: keyFor(target, recordPath(record.id)),
      Body: `${JSON.stringify(record)}\n`,
      ContentType: 'application/json; charset=utf-8',
      CacheControl: 'no-store',
    }));
  const remove = (path: string) => send(`DELETE ${keyFor(target, path)}`, new DeleteObjectCommand({ Bucket: target.bucket, Key: keyFor(target, path) }));

  try {
    // The record first: from now on every object this deploy puts is owned, hence cleanable.
    const startedAt = plan.record.startedAt || now();
    if (plan.writeRecordFirst) await putRecord({ ...plan.record, startedAt });
    for (const phase of plan.phases) {
      await runPool(phase.uploads, options.concurrency, async ({ file }) => {
        const key = keyFor(target, file.path);
        const body = await readFile(file.file);
        await send(`PUT ${key}`, new PutObjectCommand({ Bucket: target.bucket, Key: key, Body: body, ContentType: file.contentType, CacheControl: file.cacheControl }));
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
    const step = (error as { step?: ApplyResult['failure'] }).step;
    if (!step) throw error;
    result.failure = step;
  }
  return result;
}
