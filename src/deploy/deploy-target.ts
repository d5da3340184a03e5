/**
 * One target, start to finish: resolve credentials, read the bucket, plan, apply (unless a dry
 * run). Every failure comes back as an issue in the outcome; targets are independent, so one
 * provider being down never stops the deploy to the other.
 */
import { createIssue } from '../errors/create-issue.ts';
import type { Issue } from '../errors/issue.ts';
import { applyUpload, type ApplyOptions, type ApplyResult } from './apply-upload.ts';
import type { LocalSite } from './local-site.ts';
import { planUpload, type RemoteState, type UploadPlan } from './plan-upload.ts';
import { InvalidStateError, readRemoteState } from './read-remote-state.ts';
import type { Redactor } from './redact.ts';
import { DEFAULT_RETRY, httpStatusOf } from './retry.ts';
import { prepareClient } from './s3-client.ts';
import type { S3Target } from './s3-target.ts';

export interface DeployOptions {
  /** Versions whose assets stay in the bucket, this one included. */
  keep: number;
  dryRun: boolean;
  concurrency: number;
  redactor: Redactor;
  onStep?: ApplyOptions['onStep'];
}

export interface TargetOutcome {
  target: S3Target;
  plan?: UploadPlan;
  result?: ApplyResult;
  /** Requests that failed once and succeeded on a later attempt. */
  retries: number;
  issue?: Issue;
}

export async function deployToTarget(site: LocalSite, target: S3Target, options: DeployOptions): Promise<TargetOutcome> {
  const outcome: TargetOutcome = { target, retries: 0 };
  const prepared = await prepareClient(target, options.redactor);
  if ('issue' in prepared) return { ...outcome, issue: prepared.issue };
  const { client } = prepared;
  const retry = { ...DEFAULT_RETRY, onRetry: () => void outcome.retries++ };
  try {
    let remote: RemoteState;
    try {
      remote = await readRemoteState(client, target, retry);
    } catch (error) {
      const issue =
        error instanceof InvalidStateError
          ? createIssue('DeployStateInvalid', { file: target.label }, { detail: error.message })
          : failedIssue(target, `Reading s3://${target.bucket}`, error, options.redactor);
      return { ...outcome, issue };
    }
    outcome.plan = planUpload(site, remote, { keep: options.keep });
    if (options.dryRun) return outcome;
    outcome.result = await applyUpload(client, target, outcome.plan, { retry, concurrency: options.concurrency, onStep: options.onStep });
    const { failure } = outcome.result;
    if (failure) outcome.issue = failedIssue(target, failure.operation, failure.error, options.redactor);
    return outcome;
  } finally {
    client.destroy();
  }
}

/** A failed request as an issue: the operation, the provider's code and message, redacted. */
function failedIssue(target: S3Target, operation: string, error: unknown, redactor: Redactor): Issue {
  const e = error as { name?: string; code?: string; message?: string; Code?: string };
  const status = httpStatusOf(error);
  const code = e.Code ?? (e.name && e.name !== 'Error' ? e.name : e.code);
  const text = [status ? `HTTP ${status}` : undefined, code, e.message && e.message !== code ? e.message : undefined].filter(Boolean).join(' ');
  return createIssue('DeployFailed', { file: target.label }, { operation: redactor.apply(operation), detail: redactor.apply(text || String(error)), status, code });
}
