/**
 * A real S3-compatible server for tests and benchmarks: s3rver in its own process (it needs the
 * OpenSSL legacy provider), loopback only, a random port, a fresh temporary folder. `stop()` ends
 * the process and removes the folder; the process also exits if the test runner dies.
 */
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, PutBucketWebsiteCommand, S3Client } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** s3rver accepts any signature; the SDK still wants credentials to sign with. */
export const S3RVER_ENV = {
  AWS_ACCESS_KEY_ID: 'S3RVER',
  AWS_SECRET_ACCESS_KEY: 'S3RVER',
  AWS_REGION: 'us-east-1',
  AWS_EC2_METADATA_DISABLED: 'true',
};

export interface LocalS3 {
  /** API endpoint, e.g. `http://127.0.0.1:41234`. */
  endpoint: string;
  /** An SDK client for the test's own checks. */
  client: S3Client;
  /** Creates a bucket served as a website (index.html, 404.html); returns its site root URL. */
  createWebsiteBucket(name: string): Promise<string>;
  /** SHA-256 of an object read through the S3 API (not the website), or undefined if absent. */
  sha256(bucket: string, key: string): Promise<string | undefined>;
  /** Every key in a bucket. */
  keys(bucket: string): Promise<string[]>;
  stop(): Promise<void>;
}

export async function startLocalS3(): Promise<LocalS3> {
  const dir = mkdtempSync(join(tmpdir(), 'lifeboat-s3-'));
  const entry = fileURLToPath(new URL('./s3rver-process.ts', import.meta.url));
  const child = spawn(process.execPath, ['--openssl-legacy-provider', entry, dir], { stdio: ['pipe', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('s3rver did not start within 20 s')), 20_000);
    let buffer = '';
    child.stdout.on('data', (chunk) => {
      buffer += chunk;
      const line = buffer.split('\n')[0];
      if (buffer.includes('\n')) {
        clearTimeout(timer);
        resolve((JSON.parse(line!) as { port: number }).port);
      }
    });
    child.once('exit', (code) => reject(new Error(`s3rver exited with ${code} before listening`)));
  });
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new S3Client({
    endpoint,
    forcePathStyle: true,
    region: 'us-east-1',
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  return {
    endpoint,
    client,
    async createWebsiteBucket(name) {
      await client.send(new CreateBucketCommand({ Bucket: name }));
      await client.send(
        new PutBucketWebsiteCommand({
          Bucket: name,
          WebsiteConfiguration: { IndexDocument: { Suffix: 'index.html' }, ErrorDocument: { Key: '404.html' } },
        }),
      );
      return `${endpoint}/${name}/`;
    },
    async sha256(bucket, key) {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        return createHash('sha256').update(await object.Body!.transformToByteArray()).digest('hex');
      } catch (error) {
        if ((error as Error).name === 'NoSuchKey') return undefined;
        throw error;
      }
    },
    async keys(bucket) {
      const keys: string[] = [];
      let token: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }));
        keys.push(...(page.Contents ?? []).map((o) => o.Key!));
        token = page.NextContinuationToken;
      } while (token);
      return keys.sort();
    },
    async stop() {
      client.destroy();
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.stdin.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
