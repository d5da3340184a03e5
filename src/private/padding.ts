/**
 * Length padding before encryption. AES-GCM ciphertext is exactly as long as its plaintext (plus
 * the 16-byte tag), so without padding anyone holding the public ciphertext learns each private
 * runbook's length to the byte, enough to tell a two-step runbook from a long break-glass
 * procedure or to match a page against a guessed text.
 *
 * The ladder is Padmé (Nikitin et al., "Reducing Metadata Leakage from Encrypted Files and
 * Communication with PURBs", PETS 2019) with a 1 KiB floor: a length is rounded up so that only
 * its top few bits remain. Between 2^e and 2^(e+1) bytes there are then about 2e sizes (16
 * between 8 and 16 KiB, 512 bytes apart), it reveals O(log log n) bits, and above the floor it
 * costs at most 6.25%. A power-of-two ladder would reveal even less but cost up to 100%, and
 * ciphertext does not compress: the padding is paid in full in a private page's first load.
 * Every page under 1 KiB pads to 1 KiB.
 *
 * Layout of the padded plaintext: a 4-byte big-endian length, the data, then zero bytes.
 */

/** Every padded plaintext is at least this long. */
export const MIN_PADDED_LENGTH = 1024;

const HEADER = 4;

/** The padded length for `length` bytes of data (the 4-byte length header included). */
export function paddedLength(length: number): number {
  const n = Math.max(MIN_PADDED_LENGTH, length + HEADER);
  const e = Math.floor(Math.log2(n));
  const s = Math.floor(Math.log2(e)) + 1;
  // `2 ** k`, not `1 << k`: pages past 2 GiB are absurd, but bit operators would wrap at 2^31.
  const step = 2 ** (e - s);
  return Math.ceil(n / step) * step;
}

/** `data` with its length in front and zeros behind, `paddedLength(data.length)` bytes long. */
export function pad(data: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(paddedLength(data.length));
  new DataView(out.buffer).setUint32(0, data.length);
  out.set(data, HEADER);
  return out;
}

/** The data inside a padded plaintext, or `undefined` when the layout is not one `pad` writes. */
export function unpad(padded: Uint8Array): Uint8Array | undefined {
  if (padded.length < HEADER) return undefined;
  const length = new DataView(padded.buffer, padded.byteOffset, padded.byteLength).getUint32(0);
  if (length > padded.length - HEADER) return undefined;
  for (let i = HEADER + length; i < padded.length; i++) if (padded[i] !== 0) return undefined;
  return padded.subarray(HEADER, HEADER + length);
}
