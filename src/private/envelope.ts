/**
 * The two encrypted files a private site carries, as versioned JSON: a page payload (one private
 * runbook, under its own content key) and a keyring (one per audience: every content key that
 * audience may use, under a key derived from its passphrase). Everything but the IV and the
 * ciphertext is bound into AES-GCM's additional data, so a header edited in transit (a lowered
 * iteration count, another compression) fails authentication instead of being believed.
 *
 * Parsing is hand-written rather than zod: this file ships to browsers, and a schema library
 * would cost more than the whole unlock.
 */

/** Bumped when the layout changes; readers refuse versions they do not know. */
export const ENVELOPE_VERSION = 1;
/** The only cipher of version 1. */
export const CIPHER = 'AES-256-GCM';
/** AES-GCM's recommended IV length: 96 bits, random per encryption. */
export const IV_BYTES = 12;

/** Key derivation of a keyring. `name` leaves room for Argon2id in a later version. */
export interface KdfParams {
  name: 'PBKDF2';
  hash: 'SHA-256';
  iterations: number;
}

/** One private runbook page, sealed under its content key. */
export interface PayloadEnvelope {
  v: typeof ENVELOPE_VERSION;
  kind: 'page';
  alg: typeof CIPHER;
  /** `gzip`: the plaintext was compressed before padding (ciphertext itself does not compress). */
  compression: 'gzip' | 'none';
  /** Base64 of the 12-byte IV. */
  iv: string;
  /** Base64 of the AES-GCM output: the padded plaintext then the 16-byte tag. */
  ciphertext: string;
}

/** One audience's content keys, sealed under the key derived from its passphrase. */
export interface KeyringEnvelope {
  v: typeof ENVELOPE_VERSION;
  kind: 'keyring';
  alg: typeof CIPHER;
  kdf: KdfParams;
  /** Base64 of the 16-byte PBKDF2 salt, new for every audience in every build. */
  salt: string;
  iv: string;
  ciphertext: string;
}

export type Envelope = PayloadEnvelope | KeyringEnvelope;
/** What of an envelope is known before encrypting: all but the IV and the ciphertext. */
export type EnvelopeHeader = Omit<PayloadEnvelope, 'iv' | 'ciphertext'> | Omit<KeyringEnvelope, 'iv' | 'ciphertext'>;

/** Why an envelope cannot be read: not ours or damaged, or from a version this code predates. */
export type EnvelopeProblem = 'damaged' | 'unsupported';

/**
 * The additional authenticated data of an envelope: its header, in a fixed order, and the
 * caller's `context` (a page's opaque slug), so a payload served under another page's address
 * fails to open rather than showing the wrong runbook.
 */
export function additionalData(header: EnvelopeHeader, context = ''): Uint8Array<ArrayBuffer> {
  const fields =
    header.kind === 'page'
      ? [header.v, header.kind, header.alg, header.compression, context]
      : [header.v, header.kind, header.alg, header.kdf.name, header.kdf.hash, header.kdf.iterations, header.salt, context];
  return new TextEncoder().encode(JSON.stringify(fields));
}

/** A page payload from parsed JSON (or its text), or the reason it is not one. */
export function parsePayload(input: unknown): PayloadEnvelope | EnvelopeProblem {
  const value = common(input, 'page');
  if (typeof value === 'string') return value;
  if (value.compression !== 'gzip' && value.compression !== 'none') return 'unsupported';
  return value as unknown as PayloadEnvelope;
}

/** A keyring from parsed JSON (or its text), or the reason it is not one. */
export function parseKeyring(input: unknown): KeyringEnvelope | EnvelopeProblem {
  const value = common(input, 'keyring');
  if (typeof value === 'string') return value;
  const kdf = value.kdf as Partial<KdfParams> | undefined;
  if (!isRecord(kdf) || typeof value.salt !== 'string') return 'damaged';
  if (kdf.name !== 'PBKDF2' || kdf.hash !== 'SHA-256') return 'unsupported';
  if (!Number.isSafeInteger(kdf.iterations)) return 'damaged';
  return value as unknown as KeyringEnvelope;
}

function common(input: unknown, kind: Envelope['kind']): Record<string, unknown> | EnvelopeProblem {
  let value = input;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return 'damaged';
    }
  }
  if (!isRecord(value) || typeof value.v !== 'number') return 'damaged';
  if (value.v !== ENVELOPE_VERSION) return value.v > ENVELOPE_VERSION ? 'unsupported' : 'damaged';
  if (value.kind !== kind || typeof value.iv !== 'string' || typeof value.ciphertext !== 'string') return 'damaged';
  if (value.alg !== CIPHER) return 'unsupported';
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
