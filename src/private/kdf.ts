/**
 * Passphrase → key-encryption key, with PBKDF2-SHA-256 through WebCrypto (the same code in Node
 * and in every browser, from a file:// offline edition too, with no WebAssembly for the page's
 * Content-Security-Policy to allow).
 *
 * Why not Argon2id, which is memory-hard and so far costlier to attack on GPUs per second of a
 * defender's time: WebCrypto has no Argon2, so it would need a WebAssembly build shipped with the
 * site (`'wasm-unsafe-eval'` in the CSP, one more dependency to keep), and a phone must spare its
 * 64 MiB for each unlock. The envelope names its KDF, so Argon2id can come in a later version.
 * The strength that matters most is the passphrase's own (`MIN_PASSPHRASE_LENGTH` in passphrases.ts).
 */

/**
 * PBKDF2 iterations of every keyring this build writes: OWASP's 2023 figure for PBKDF2-HMAC-SHA256.
 * docs/private-runbooks.md has the measured unlock times.
 */
export const PBKDF2_ITERATIONS = 600_000;

/**
 * Iteration counts a reader accepts. Lower ones are refused as damage rather than tried; higher
 * ones would freeze a phone for minutes, so a damaged file cannot do that either.
 */
export const ACCEPTED_ITERATIONS = { min: 100_000, max: 10_000_000 } as const;

/** Bytes of PBKDF2 salt: 128 bits, fresh for every audience in every build. */
export const SALT_BYTES = 16;

/**
 * The form of a passphrase that is hashed: Unicode NFC (a phone keyboard and a password manager
 * may encode "é" differently) without surrounding whitespace (phone keyboards append a space
 * after a suggested word). The build and the page both apply it, so they always agree.
 */
export function normalizePassphrase(passphrase: string): string {
  return passphrase.normalize('NFC').trim();
}

/** The AES-256-GCM key that seals a keyring, derived from `passphrase`. Never extractable. */
export async function deriveKeyEncryptionKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const subtle = globalThis.crypto.subtle;
  const material = await subtle.importKey('raw', new TextEncoder().encode(normalizePassphrase(passphrase)), 'PBKDF2', false, ['deriveKey']);
  return subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}
