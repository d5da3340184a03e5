/**
 * Retries with exponential backoff and full jitter, for requests that fail for reasons that pass:
 * network errors, timeouts, throttling (429) and server errors (5xx). A 4xx such as AccessDenied
 * or NoSuchBucket fails at once; retrying cannot fix it.
 */

export interface RetryOptions {
  /** Total attempts, the first included. */
  attempts: number;
  /** Upper bound of the first wait; doubles each time, capped at `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Told about each retry, for the report. */
  onRetry?: (error: unknown, attempt: number) => void;
  /** Injected in tests; a real timer otherwise. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export const DEFAULT_RETRY: RetryOptions = { attempts: 5, baseDelayMs: 200, maxDelayMs: 5_000 };

/** Runs `task` until it succeeds, fails permanently, or runs out of attempts. */
export async function withRetry<T>(task: () => Promise<T>, options: RetryOptions = DEFAULT_RETRY): Promise<T> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    try {
      return await task();
    } catch (error) {
      if (attempt >= options.attempts || !isTransient(error)) throw error;
      options.onRetry?.(error, attempt);
      const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
      await sleep(Math.round(random() * ceiling));
    }
  }
}

/** Failures with no HTTP status that another attempt cannot fix. */
const PERMANENT = ['CredentialsProviderError', 'InternalError', 'InvalidStateError'];

/** True for failures worth another attempt. Errors without an HTTP status are network errors. */
export function isTransient(error: unknown): boolean {
  const status = httpStatusOf(error);
  if (status === undefined) return !PERMANENT.includes((error as Error | undefined)?.name ?? '');
  return status === 429 || status >= 500;
}

/** The HTTP status an AWS SDK error or a verify fetch error carries, if any. */
export function httpStatusOf(error: unknown): number | undefined {
  const e = error as { $metadata?: { httpStatusCode?: number }; status?: number } | undefined;
  return e?.$metadata?.httpStatusCode ?? e?.status;
}
