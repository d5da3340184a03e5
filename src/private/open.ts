/**
 * The reader's side, run in the browser (and in tests under Node): unlock an audience's keyring
 * with a passphrase, then open the pages it holds keys for. Every outcome is a value. A failed
 * AES-GCM authentication is how a wrong passphrase shows (the key derived from it does not match
 * the tag), so it becomes `wrong-passphrase`; no DOMException ever reaches the page's script.
 */
import { fromBase64 } from './base64.ts';
import { gunzip } from './compression.ts';
import { additionalData, IV_BYTES, parseKeyring, parsePayload, type Envelope, type EnvelopeProblem } from './envelope.ts';
import { ACCEPTED_ITERATIONS, deriveKeyEncryptionKey } from './kdf.ts';
import { unpad } from './padding.ts';

/** Why something could not be opened; `message` is one line fit to show as it is. */
export interface OpenFailure {
  ok: false;
  reason: 'wrong-passphrase' | EnvelopeProblem | 'no-webcrypto';
  message: string;
}

export type UnlockResult = { ok: true; keys: Map<string, CryptoKey> } | OpenFailure;
export type OpenResult = { ok: true; text: string } | OpenFailure;

const MESSAGES: Record<OpenFailure['reason'], string> = {
  'wrong-passphrase': 'That passphrase does not unlock these runbooks.',
  damaged: 'The encrypted runbooks did not arrive whole (or are from another build): reload the page, or use the offline edition.',
  unsupported: 'These runbooks were encrypted by a newer Lifeboat than this page knows: reload the page.',
  'no-webcrypto': 'This browser cannot decrypt here: private runbooks need https://, localhost or a file, in a browser from 2020 or later.',
};

/** The failure of `reason`, with its one line: for callers that find a problem of their own (a page that opens to nonsense is `damaged`). */
export const openFailure = (reason: OpenFailure['reason']): OpenFailure => ({ ok: false, reason, message: MESSAGES[reason] });
const fail = openFailure;

/**
 * The content keys of an audience's keyring, by opaque slug, or why not. Takes about as long as
 * one PBKDF2 derivation (`PBKDF2_ITERATIONS`). `extractable` keys can be exported to remember an
 * unlock; the default keeps them inside WebCrypto.
 */
export async function unlock(passphrase: string, keyring: unknown, options: { extractable?: boolean } = {}): Promise<UnlockResult> {
  if (!globalThis.crypto?.subtle) return fail('no-webcrypto');
  const envelope = parseKeyring(keyring);
  if (typeof envelope === 'string') return fail(envelope);
  const { iterations } = envelope.kdf;
  if (iterations < ACCEPTED_ITERATIONS.min || iterations > ACCEPTED_ITERATIONS.max) return fail('damaged');
  const salt = fromBase64(envelope.salt);
  if (!salt) return fail('damaged');
  let kek: CryptoKey;
  try {
    kek = await deriveKeyEncryptionKey(passphrase, salt, iterations);
  } catch {
    return fail('no-webcrypto');
  }
  const plain = await decrypt(kek, envelope);
  if (plain === 'auth') return fail('wrong-passphrase');
  if (typeof plain === 'string') return fail(plain);
  const raw = readKeys(plain);
  if (!raw) return fail('damaged');
  try {
    // All at once: the imports are independent, and an audience may hold hundreds of keys.
    const imported = await Promise.all(raw.map(([, bytes]) => globalThis.crypto.subtle.importKey('raw', bytes, 'AES-GCM', options.extractable ?? false, ['decrypt'])));
    return { ok: true, keys: new Map(raw.map(([slug], i) => [slug, imported[i]!])) };
  } catch {
    return fail('damaged');
  }
}

/** The text of a page payload, opened with its content key and the `context` it was sealed with. */
export async function openPayload(key: CryptoKey, payload: unknown, context?: string): Promise<OpenResult> {
  if (!globalThis.crypto?.subtle) return fail('no-webcrypto');
  const envelope = parsePayload(payload);
  if (typeof envelope === 'string') return fail(envelope);
  const plain = await decrypt(key, envelope, context);
  // The key came from an unlocked keyring, so a failed tag means a page from another build or
  // damaged in transit, never a wrong passphrase.
  if (typeof plain === 'string') return fail('damaged');
  try {
    const bytes = envelope.compression === 'gzip' ? await gunzip(plain) : plain;
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return fail('damaged');
  }
}

/** The unpadded plaintext; `auth` when the tag does not match. */
async function decrypt(key: CryptoKey, envelope: Envelope, context?: string): Promise<Uint8Array<ArrayBuffer> | 'auth' | 'damaged'> {
  const iv = fromBase64(envelope.iv);
  const ciphertext = fromBase64(envelope.ciphertext);
  if (!iv || iv.length !== IV_BYTES || !ciphertext) return 'damaged';
  let padded: ArrayBuffer;
  try {
    padded = await globalThis.crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: additionalData(envelope, context) }, key, ciphertext);
  } catch {
    // OperationError: the tag did not match (wrong key, or any byte changed).
    return 'auth';
  }
  const data = unpad(new Uint8Array(padded));
  return data ? data.slice() : 'damaged';
}

function readKeys(plain: Uint8Array): [string, Uint8Array<ArrayBuffer>][] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plain));
  } catch {
    return undefined;
  }
  const keys = (parsed as { keys?: unknown } | null)?.keys;
  if (typeof keys !== 'object' || keys === null || Array.isArray(keys)) return undefined;
  const out: [string, Uint8Array<ArrayBuffer>][] = [];
  for (const [slug, value] of Object.entries(keys)) {
    const bytes = typeof value === 'string' ? fromBase64(value) : undefined;
    if (!bytes || bytes.length !== 32) return undefined;
    out.push([slug, bytes]);
  }
  return out;
}
