/**
 * What a browser remembers of an unlock: every content key of each audience unlocked, exported
 * raw as base64, by audience then opaque slug, with the time of the unlock. Kept as JSON in
 * sessionStorage (the default) or localStorage ("Remember on this device"), and passed between
 * tabs as the same JSON. No DOM here: the page's script (site/client/private-unlock.ts) reads and
 * writes the storage, this file decides what the text means.
 *
 * The whole audience is kept, not just the page's key: one unlock opens every runbook the
 * audience may read, on this page and the next. Content keys are random per build, so keys from
 * an older build simply fail to open a newer page; `openRemembered` reports those as stale.
 */
import { fromBase64, toBase64 } from './base64.ts';

/** One audience's content keys (opaque slug → raw key, base64) and when they were unlocked (ms). */
export interface RememberedAudience {
  at: number;
  keys: Record<string, string>;
}

export interface RememberedKeys {
  v: 1;
  audiences: Record<string, RememberedAudience>;
}

const KEY_BYTES = 32;

export function noRememberedKeys(): RememberedKeys {
  return { v: 1, audiences: {} };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isRawKey = (value: unknown): value is string => typeof value === 'string' && fromBase64(value)?.length === KEY_BYTES;

/**
 * The keys in stored `text`, leaving out whatever is not well formed and every audience unlocked
 * no later than `lockedAt` (the last "Lock" in any tab: a tab that slept through it, in the
 * back/forward cache for example, must not bring its keys back).
 */
export function readRememberedKeys(text: string | null | undefined, lockedAt = 0): RememberedKeys {
  const store = noRememberedKeys();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text ?? 'null');
  } catch {
    return store;
  }
  if (!isRecord(parsed) || parsed.v !== 1 || !isRecord(parsed.audiences)) return store;
  for (const [audience, entry] of Object.entries(parsed.audiences)) {
    if (!isRecord(entry) || typeof entry.at !== 'number' || !(entry.at > lockedAt) || !isRecord(entry.keys)) continue;
    const keys = Object.fromEntries(Object.entries(entry.keys).filter(([, raw]) => isRawKey(raw))) as Record<string, string>;
    if (Object.keys(keys).length) store.audiences[audience] = { at: entry.at, keys };
  }
  return store;
}

/** The store as text, or `undefined` when it holds nothing (remove the item rather than keep `{}`). */
export function writeRememberedKeys(store: RememberedKeys): string | undefined {
  return Object.keys(store.audiences).length ? JSON.stringify(store) : undefined;
}

/** `store` with `audience`'s keys replaced by `keys`, unlocked at `at`. */
export function rememberAudience(store: RememberedKeys, audience: string, keys: Record<string, string>, at: number): RememberedKeys {
  return { v: 1, audiences: { ...store.audiences, [audience]: { at, keys } } };
}

/** `store` without these audiences. */
export function forgetAudiences(store: RememberedKeys, audiences: readonly string[]): RememberedKeys {
  return { v: 1, audiences: Object.fromEntries(Object.entries(store.audiences).filter(([name]) => !audiences.includes(name))) };
}

/** Several stores as one: for an audience in more than one, the latest unlock wins. */
export function mergeRememberedKeys(...stores: RememberedKeys[]): RememberedKeys {
  const merged = noRememberedKeys();
  for (const store of stores)
    for (const [audience, entry] of Object.entries(store.audiences))
      if (!merged.audiences[audience] || merged.audiences[audience].at < entry.at) merged.audiences[audience] = entry;
  return merged;
}

/** The audiences of `store` that a page names: if none of their keys opens it, they are stale. */
export function rememberedAudiences(store: RememberedKeys, audiences: readonly string[]): string[] {
  return audiences.filter((audience) => store.audiences[audience]);
}

/** The distinct remembered keys for a page, the page's own audiences first. */
export function keysForSlug(store: RememberedKeys, slug: string, audiences: readonly string[] = []): { audience: string; raw: string }[] {
  const order = [...rememberedAudiences(store, audiences), ...Object.keys(store.audiences).filter((name) => !audiences.includes(name))];
  const seen = new Set<string>();
  const found: { audience: string; raw: string }[] = [];
  for (const audience of order) {
    const raw = store.audiences[audience]!.keys[slug];
    if (!raw || seen.has(raw)) continue;
    seen.add(raw);
    found.push({ audience, raw });
  }
  return found;
}

/** Raw keys as base64, by slug: what is remembered of an unlock (`unlock(…, { extractable: true })`). */
export async function exportContentKeys(keys: ReadonlyMap<string, CryptoKey>): Promise<Record<string, string>> {
  const entries = await Promise.all(
    [...keys].map(async ([slug, key]) => [slug, toBase64(new Uint8Array(await globalThis.crypto.subtle.exportKey('raw', key)))] as const),
  );
  return Object.fromEntries(entries);
}

/** A remembered key, usable to decrypt only (and not extractable again), or `undefined`. */
export async function importContentKey(raw: string): Promise<CryptoKey | undefined> {
  const bytes = fromBase64(raw);
  if (bytes?.length !== KEY_BYTES) return undefined;
  try {
    return await globalThis.crypto.subtle.importKey('raw', bytes, 'AES-GCM', false, ['decrypt']);
  } catch {
    return undefined;
  }
}
