/**
 * The URL slug of a private runbook, so that its address does not spell its id
 * (`/runbooks/break-glass-root-account/` says what the page is before anyone unlocks it).
 *
 * slug = base32(HMAC-SHA-256(key = `private.slugSalt`, "lifeboat-private-slug/v1\0" + id))[:16]
 *
 * Why a salt from the configuration, and not something else:
 * - Not a plain hash of the id: ids are short, guessable words, and anyone can hash a list of
 *   guesses and compare. Keyed by a value that is never published, the slug is a pseudorandom
 *   name for whoever does not hold the repository.
 * - Not keyed by the passphrases: a runbook may be read by several audiences, and rotating a
 *   passphrase would move every page, breaking bookmarks and the QR codes in printed binders.
 * - Not random per build: addresses would change on every deploy for the same reasons.
 * A committed salt keeps addresses stable until the salt itself is changed on purpose. It is as
 * secret as the runbooks' ids: the repository holds both, the built site neither.
 *
 * 16 base32 characters are 80 bits: two of even 10,000 private runbooks share a slug with odds
 * of about 1 in 2.4 × 10^16.
 */

import { InternalError } from '../errors/create-issue.ts';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
const SLUG_LENGTH = 16;
const DOMAIN = 'lifeboat-private-slug/v1\0';

/** Settings that decide a private runbook's slug (`private` in lifeboat.config.yaml). */
export interface SlugSettings {
  /** Secret of the project that keys the slugs; required while `idsAreSecret`. */
  slugSalt?: string;
  /** `false`: private runbooks keep their id as slug, like public ones. */
  idsAreSecret: boolean;
}

/** The slug a private runbook is published under. */
export async function privateSlug(id: string, settings: SlugSettings): Promise<string> {
  if (!settings.idsAreSecret) return id;
  // The configuration schema requires the salt while ids are secret, so this is a bug.
  if (!settings.slugSalt) throw new InternalError('privateSlug was called without private.slugSalt while private.idsAreSecret is true.');
  const encoder = new TextEncoder();
  const subtle = globalThis.crypto.subtle;
  const key = await subtle.importKey('raw', encoder.encode(settings.slugSalt), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = new Uint8Array(await subtle.sign('HMAC', key, encoder.encode(DOMAIN + id)));
  return base32(mac).slice(0, SLUG_LENGTH);
}

/** RFC 4648 base32 in lower case, without padding. */
function base32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  return bits > 0 ? out + ALPHABET[(buffer << (5 - bits)) & 31] : out;
}
