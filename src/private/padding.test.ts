import { describe, expect, it } from 'vitest';
import { MIN_PADDED_LENGTH, pad, paddedLength, unpad } from './padding.ts';

describe('padding', () => {
  it('round-trips any length, the empty page included', () => {
    for (const length of [0, 1, 1019, 1020, 1021, 4096, 70_000]) {
      const data = Uint8Array.from({ length }, (_, i) => (i * 7 + 1) % 256);
      const padded = pad(data);
      expect(padded.length).toBe(paddedLength(length));
      expect(unpad(padded)).toEqual(data);
    }
  });

  it('gives every length in a bucket the same size, so the ciphertext hides where in it a page falls', () => {
    expect(new Set([0, 10, 500, 1020].map(paddedLength))).toEqual(new Set([MIN_PADDED_LENGTH]));
    // Between 8 and 16 KiB the buckets are 512 bytes wide.
    expect(new Set([8193, 8300, 8704].map((n) => paddedLength(n - 4)))).toEqual(new Set([8704]));
    expect(paddedLength(8701)).toBe(9216);
  });

  it('never shrinks, never costs more than 6.25% above the floor, and has few sizes per doubling', () => {
    const sizes = new Set<number>();
    let previous = 0;
    for (let length = 0; length <= 300_000; length += 37) {
      const padded = paddedLength(length);
      expect(padded).toBeGreaterThanOrEqual(Math.max(previous, length + 4));
      if (length + 4 > MIN_PADDED_LENGTH) expect(padded / (length + 4)).toBeLessThanOrEqual(1.0625);
      if (length >= 16_384 && length < 32_768) sizes.add(padded);
      previous = padded;
    }
    expect(sizes.size).toBeLessThanOrEqual(17);
  });

  it('refuses layouts pad never writes', () => {
    const padded = pad(new TextEncoder().encode('restore the ledger'));
    const lying = padded.slice();
    lying[0] = 255;
    expect(unpad(lying)).toBeUndefined();
    const dirty = padded.slice();
    dirty[dirty.length - 1] = 1;
    expect(unpad(dirty)).toBeUndefined();
    expect(unpad(new Uint8Array(3))).toBeUndefined();
  });
});
