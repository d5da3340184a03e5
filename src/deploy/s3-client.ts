/**
 * The S3 client of one target. Credentials come from the standard AWS chain (environment, shared
 * profile, web identity, container and instance roles), or from the target's own profile.
 */
import { S3Client } from '@aws-sdk/client-s3';
import { createIssue } from '../errors/create-issue.ts';
import type { Issue } from '../errors/issue.ts';
import type { Redactor } from './redact.ts';
import type { S3Target } from './s3-target.ts';

/** Region used with a custom endpoint when none is configured; S3-compatible servers accept it. */
const FALLBACK_REGION = 'us-east-1';

/** A client for `target`, with the settings S3-compatible servers need and no retries of its own. */
export function createS3Client(target: S3Target): S3Client {
  return new S3Client({
    ...(target.endpoint ? { endpoint: target.endpoint, forcePathStyle: true } : {}),
    ...(target.region ? { region: target.region } : {}),
    ...(target.profile ? { profile: target.profile } : {}),
    // Checksums only where S3 demands them: several S3-compatible servers store the SDK's default
    // aws-chunked framing as part of the object, or reject the checksum headers.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    // Our own retries (retry.ts) wrap each request, so their count and backoff are in one place.
    maxAttempts: 1,
    requestHandler: { connectionTimeout: 10_000, requestTimeout: 120_000, throwOnRequestTimeout: true },
  });
}

/**
 * Resolves the region and the credentials before any request, so a missing setting is reported
 * once, clearly, and the resolved secrets are known to the redactor before anything can echo them.
 */
export async function prepareClient(target: S3Target, redactor: Redactor): Promise<{ client: S3Client } | { issue: Issue }> {
  let client = createS3Client(target);
  try {
    await client.config.region();
  } catch (error) {
    client.destroy();
    if (!target.endpoint) {
      const detail = redactor.apply((error as Error).message);
      return { issue: createIssue('DeployCredentialsMissing', { file: target.label }, { what: 'region', detail }) };
    }
    client = createS3Client({ ...target, region: FALLBACK_REGION });
  }
  try {
    const credentials = await client.config.credentials();
    redactor.add(credentials.accessKeyId, credentials.secretAccessKey, credentials.sessionToken);
  } catch (error) {
    client.destroy();
    const detail = redactor.apply((error as Error).message);
    return { issue: createIssue('DeployCredentialsMissing', { file: target.label }, { what: 'credentials', detail }) };
  }
  return { client };
}
