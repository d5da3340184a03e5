/**
 * Reading from an API server the way a careful client must: every request has a timeout; 429,
 * 5xx, timeouts and dropped connections are retried with exponential backoff and full jitter
 * (honouring `Retry-After`); lists are paginated with `limit` + `continue`, and a list whose
 * continue token expired (410 Gone) is restarted from the beginning.
 */
import { ClientClosedError, type KubeClient } from './kube-client.ts';

export interface RequestPolicy {
  /** Per-request timeout. */
  timeoutMs: number;
  /** Attempts per request, including the first. */
  attempts: number;
  /** First backoff; doubles per attempt, capped at `maxBackoffMs`, with full jitter. */
  backoffMs: number;
  maxBackoffMs: number;
  /** Restarts of one list after 410 Gone before giving up. */
  listRestarts: number;
}

export const DEFAULT_POLICY: RequestPolicy = { timeoutMs: 15_000, attempts: 5, backoffMs: 250, maxBackoffMs: 8_000, listRestarts: 3 };

/** A request that failed for good, with what the server (or the network) said. */
export class KubeRequestError extends Error {
  readonly status: number | undefined;
  retryAfter?: number;
  constructor(status: number | undefined, message: string) {
    super(message);
    this.status = status;
  }
}

const RETRIABLE = (status: number) => status === 429 || status >= 500;

/** GET a path and parse its JSON, retrying what is worth retrying. */
export async function getJson(client: KubeClient, path: string, policy: RequestPolicy, accept?: string): Promise<unknown> {
  let lastError: KubeRequestError | undefined;
  for (let attempt = 0; attempt < policy.attempts; attempt++) {
    if (attempt > 0) await sleep(backoff(attempt, policy, lastError));
    let response;
    try {
      response = await client.get(path, policy.timeoutMs, accept);
    } catch (error) {
      if (error instanceof ClientClosedError) throw error;
      lastError = new KubeRequestError(undefined, networkReason(error, policy.timeoutMs));
      continue;
    }
    if (response.status === 200) {
      try {
        return JSON.parse(response.body);
      } catch {
        // A truncated or garbled body from a proxy or an overloaded server: worth another try.
        lastError = new KubeRequestError(200, `the server sent a response that is not valid JSON (${response.body.length} bytes)`);
        continue;
      }
    }
    const error = new KubeRequestError(response.status, statusReason(response.status, response.body));
    if (!RETRIABLE(response.status)) throw error;
    if (response.retryAfter) error.retryAfter = response.retryAfter;
    lastError = error;
  }
  throw lastError!;
}

/**
 * Every item of a list, reduced as each page arrives, so memory holds one page of raw objects at
 * a time. A restart after 410 throws away what the failed attempt had gathered, so nothing is
 * counted twice.
 */
export async function listAll<R>(
  client: KubeClient,
  path: string,
  pageSize: number,
  policy: RequestPolicy,
  reduce: (item: any) => R,
  accept?: string,
): Promise<R[]> {
  for (let restart = 0; ; restart++) {
    const results: R[] = [];
    let token: string | undefined;
    try {
      do {
        const query = `?limit=${pageSize}${token ? `&continue=${encodeURIComponent(token)}` : ''}`;
        const list = (await getJson(client, `${path}${query}`, policy, accept)) as { items?: unknown[]; metadata?: { continue?: string } };
        for (const item of list.items ?? []) results.push(reduce(item));
        token = list.metadata?.continue || undefined;
      } while (token);
      return results;
    } catch (error) {
      // 410: the continue token outlived the server's compaction window; start the list again.
      if (error instanceof KubeRequestError && error.status === 410 && restart < policy.listRestarts) continue;
      throw error;
    }
  }
}

function backoff(attempt: number, policy: RequestPolicy, last?: KubeRequestError): number {
  if (last?.retryAfter) return Math.min(last.retryAfter * 1000, policy.maxBackoffMs);
  return Math.random() * Math.min(policy.maxBackoffMs, policy.backoffMs * 2 ** (attempt - 1));
}

/** The Kubernetes `Status` message when there is one, else the HTTP status. */
function statusReason(status: number, body: string): string {
  try {
    const parsed = JSON.parse(body) as { kind?: string; message?: string };
    if (parsed.kind === 'Status' && parsed.message) return `HTTP ${status}: ${parsed.message}`;
  } catch {
    // Not JSON: fall through to the bare status.
  }
  return `HTTP ${status}`;
}

function networkReason(error: unknown, timeoutMs: number): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return `no answer within ${timeoutMs / 1000} s`;
  // undici puts the real reason (ECONNREFUSED, UNABLE_TO_VERIFY_LEAF_SIGNATURE, …) in `cause`.
  if (e.cause?.code) return `${e.cause.code}${e.cause.message ? `: ${e.cause.message}` : ''}`;
  return e.cause?.message ?? e.message ?? String(error);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
