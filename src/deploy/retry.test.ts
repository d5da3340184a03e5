import { describe, expect, it } from 'vitest';
import { isTransient, withRetry } from './retry.ts';

const s3Error = (status: number, name = 'Error') => Object.assign(new Error(`HTTP ${status}`), { name, $metadata: { httpStatusCode: status } });

/** A task that fails with `errors` in turn, then succeeds. */
function flaky(...errors: unknown[]) {
  let calls = 0;
  return {
    task: async () => {
      const error = errors[calls++];
      if (error) throw error;
      return 'done';
    },
    calls: () => calls,
  };
}

describe('withRetry', () => {
  it('retries throttling, server and network errors, waiting twice as long each time (capped)', async () => {
    const waits: number[] = [];
    const { task, calls } = flaky(s3Error(503), s3Error(500), Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), s3Error(429));
    const options = { attempts: 5, baseDelayMs: 100, maxDelayMs: 500, sleep: async (ms: number) => void waits.push(ms), random: () => 1 };
    await expect(withRetry(task, options)).resolves.toBe('done');
    expect(calls()).toBe(5);
    expect(waits).toEqual([100, 200, 400, 500]);
  });

  it('gives up after the last attempt with the last error', async () => {
    const { task, calls } = flaky(s3Error(503), s3Error(503), s3Error(502));
    await expect(withRetry(task, { attempts: 3, baseDelayMs: 1, maxDelayMs: 1, sleep: async () => {} })).rejects.toThrow('HTTP 502');
    expect(calls()).toBe(3);
  });

  it('fails at once on errors another attempt cannot fix', async () => {
    for (const error of [s3Error(403, 'AccessDenied'), s3Error(404, 'NoSuchBucket'), Object.assign(new Error('no creds'), { name: 'CredentialsProviderError' })]) {
      const { task, calls } = flaky(error);
      await expect(withRetry(task, { attempts: 5, baseDelayMs: 1, maxDelayMs: 1, sleep: async () => {} })).rejects.toBe(error);
      expect(calls()).toBe(1);
    }
  });

  it('treats fetch answers like SDK errors', () => {
    expect(isTransient({ status: 503 })).toBe(true);
    expect(isTransient({ status: 404 })).toBe(false);
  });
});
