/**
 * `limit`/`continue` the way kube-apiserver's etcd3 storage does them: items come in key order
 * (`namespace/name`), and the continue token is base64url JSON `{"v","rv","start"}` where
 * `start` is the last returned key plus `\0`, i.e. "the first key after this one".
 */

/** A decoded continue token. `rv` -1 marks the "inconsistent" token handed out with a 410. */
export interface ContinueToken {
  rv: number;
  start: string;
}

/** Encodes a token that resumes after `lastKey`. */
export function encodeContinue(rv: number, lastKey: string): string {
  return Buffer.from(JSON.stringify({ v: 'meta.k8s.io/v1', rv, start: `${lastKey}\u0000` })).toString('base64url');
}

/** Decodes a token, or returns the reason it is not valid (worded after the real server). */
export function decodeContinue(token: string): ContinueToken | string {
  if (!/^[A-Za-z0-9_-]+$/.test(token)) return 'illegal base64 data';
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { v?: unknown; rv?: unknown; start?: unknown };
    if (parsed.v !== 'meta.k8s.io/v1') return 'server does not recognize this encoded key';
    if (typeof parsed.rv !== 'number' || typeof parsed.start !== 'string' || parsed.rv === 0) return 'incorrect encoded start resourceVersion (version meta.k8s.io/v1)';
    return { rv: parsed.rv, start: parsed.start };
  } catch {
    return 'server does not recognize this encoded key';
  }
}

/** First index in `keys[lo, hi)` whose key is >= `key` (keys are sorted). */
export function lowerBound(keys: readonly string[], key: string, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The slice of one page: items `[from, to)`, and the key to continue after, if any. */
export interface Page {
  from: number;
  to: number;
  /** Key of the last item returned when more remain; encode it into the next token. */
  lastKey?: string;
  remainingItemCount?: number;
}

/**
 * Plans one page over `keys[lo, hi)`, starting after `start` (from a token) and returning at most
 * `limit` items (0 or undefined: all).
 */
export function planPage(keys: readonly string[], lo: number, hi: number, start: string | undefined, limit: number | undefined): Page {
  const from = start === undefined ? lo : lowerBound(keys, start, lo, hi);
  const to = limit ? Math.min(hi, from + limit) : hi;
  if (to >= hi) return { from, to };
  return { from, to, lastKey: keys[to - 1]!, remainingItemCount: hi - to };
}
