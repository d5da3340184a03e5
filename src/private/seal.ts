/**
 * The build's side: a random content key per private runbook, each page sealed under its key,
 * and per audience one keyring holding the keys of the runbooks it may read.
 *
 * How content keys are wrapped: the whole map (opaque slug → raw key) is one AES-GCM message
 * under the audience's key-encryption key, rather than one AES-KW wrap per key. AES-KW (RFC 3394)
 * would do for a single key, but a per-key list would publish which slugs each audience can
 * open and how many there are; one padded message hides both, needs one decryption to unlock
 * everything, carries a 128-bit tag (AES-KW checks 64 bits), and keeps a single cipher in the
 * code. Each key-encryption key is derived from a fresh salt and encrypts exactly once, so the
 * random 96-bit IV can never repeat under it.
 */
import { toBase64 } from './base64.ts';
import { gzip } from './compression.ts';
import { additionalData, CIPHER, ENVELOPE_VERSION, IV_BYTES, type KeyringEnvelope, type PayloadEnvelope } from './envelope.ts';
import { deriveKeyEncryptionKey, PBKDF2_ITERATIONS, SALT_BYTES } from './kdf.ts';
import { pad } from './padding.ts';

/** A new random 256-bit AES-GCM content key, extractable so the build can put it in keyrings. */
export function generateContentKey(): Promise<CryptoKey> {
  return globalThis.crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']) as Promise<CryptoKey>;
}

/**
 * Seals one private page (its HTML or JSON, as text) under `key`. `context` is the page's
 * opaque slug: `openPayload` must be given the same one.
 */
export async function sealPayload(
  key: CryptoKey,
  text: string,
  options: { context?: string; compression?: PayloadEnvelope['compression'] } = {},
): Promise<PayloadEnvelope> {
  const compression = options.compression ?? 'gzip';
  const bytes = new TextEncoder().encode(text);
  const plain = pad(compression === 'gzip' ? await gzip(bytes) : bytes);
  const iv = randomBytes(IV_BYTES);
  const header = { v: ENVELOPE_VERSION, kind: 'page', alg: CIPHER, compression } as const;
  const ciphertext = await encrypt(key, iv, plain, additionalData(header, options.context));
  return { ...header, iv: toBase64(iv), ciphertext: toBase64(ciphertext) };
}

/**
 * Seals the content keys an audience may use (by opaque slug) under `passphrase`, with a fresh
 * salt: the same passphrase gives a different keyring in every build.
 */
export async function sealKeyring(
  passphrase: string,
  keys: ReadonlyMap<string, CryptoKey>,
  options: { iterations?: number } = {},
): Promise<KeyringEnvelope> {
  const raw: Record<string, string> = {};
  for (const [slug, key] of keys) raw[slug] = toBase64(new Uint8Array(await globalThis.crypto.subtle.exportKey('raw', key)));
  const salt = randomBytes(SALT_BYTES);
  const iv = randomBytes(IV_BYTES);
  const kdf = { name: 'PBKDF2', hash: 'SHA-256', iterations: options.iterations ?? PBKDF2_ITERATIONS } as const;
  const header = { v: ENVELOPE_VERSION, kind: 'keyring', alg: CIPHER, kdf, salt: toBase64(salt) } as const;
  const kek = await deriveKeyEncryptionKey(passphrase, salt, kdf.iterations);
  const plain = pad(new TextEncoder().encode(JSON.stringify({ keys: raw })));
  const ciphertext = await encrypt(kek, iv, plain, additionalData(header));
  return { ...header, iv: toBase64(iv), ciphertext: toBase64(ciphertext) };
}

function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  return globalThis.crypto.getRandomValues(new Uint8Array(length));
}

async function encrypt(key: CryptoKey, iv: Uint8Array<ArrayBuffer>, plain: Uint8Array<ArrayBuffer>, aad: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  return new Uint8Array(await globalThis.crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad }, key, plain));
}
