import { afterEach, describe, expect, it, vi } from 'vitest';
import { fromBase64 } from './base64.ts';
import type { KeyringEnvelope, PayloadEnvelope } from './envelope.ts';
import { PBKDF2_ITERATIONS } from './kdf.ts';
import { openPayload, unlock } from './open.ts';
import { generateContentKey, sealKeyring, sealPayload } from './seal.ts';

// The lowest count readers accept, so the suite stays fast; one test checks the real default.
const FAST = { iterations: 100_000 };
const PASSPHRASE = 'correct horse battery staple';
const MARKER = 'ZQX-PRIVATE-MARKER-4711';
const PAGE = `<h1>Break-glass ${MARKER}</h1><pre>aws sts assume-role --role-arn arn:aws:iam::123456789012:role/${MARKER}</pre>`;

async function sealedSite() {
  const key = await generateContentKey();
  const payload = await sealPayload(key, PAGE, { context: 'k3q7abcdm2x5zzpq' });
  const keyring = await sealKeyring(PASSPHRASE, new Map([['k3q7abcdm2x5zzpq', key]]), FAST);
  return { key, payload, keyring };
}

/** A copy of `envelope` with one bit of its ciphertext flipped. */
function flipBit<E extends { ciphertext: string }>(envelope: E, at = 0): E {
  const bytes = fromBase64(envelope.ciphertext)!;
  bytes[at]! ^= 1;
  return { ...envelope, ciphertext: Buffer.from(bytes).toString('base64') };
}

afterEach(() => vi.unstubAllGlobals());

describe('sealing and opening private runbooks', () => {
  it('round-trips: the right passphrase unlocks the keyring, whose key opens the page', async () => {
    const { payload, keyring } = await sealedSite();
    const unlocked = await unlock(PASSPHRASE, JSON.parse(JSON.stringify(keyring)));
    expect(unlocked.ok && [...unlocked.keys.keys()]).toEqual(['k3q7abcdm2x5zzpq']);
    const key = unlocked.ok ? unlocked.keys.get('k3q7abcdm2x5zzpq')! : undefined!;
    expect(key.extractable).toBe(false);
    expect(await openPayload(key, JSON.stringify(payload), 'k3q7abcdm2x5zzpq')).toEqual({ ok: true, text: PAGE });
  });

  it('writes the configured PBKDF2 iterations and a fresh salt and IV every time', async () => {
    const key = await generateContentKey();
    const [a, b] = [await sealKeyring(PASSPHRASE, new Map([['s', key]])), await sealKeyring(PASSPHRASE, new Map([['s', key]]))];
    expect(a.kdf).toEqual({ name: 'PBKDF2', hash: 'SHA-256', iterations: PBKDF2_ITERATIONS });
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(fromBase64(a.salt)).toHaveLength(16);
    expect(fromBase64(a.iv)).toHaveLength(12);
    expect([a.salt === b.salt, a.iv === b.iv, a.ciphertext === b.ciphertext]).toEqual([false, false, false]);
  });

  it('answers a wrong passphrase with one clear line, never an exception', async () => {
    const { keyring } = await sealedSite();
    expect(await unlock('correct horse battery stapler', keyring)).toEqual({
      ok: false,
      reason: 'wrong-passphrase',
      message: 'That passphrase does not unlock these runbooks.',
    });
    expect(await unlock('', keyring)).toMatchObject({ ok: false, reason: 'wrong-passphrase' });
  });

  it('accepts the passphrase as a phone types it: another Unicode form, a trailing space', async () => {
    const key = await generateContentKey();
    const keyring = await sealKeyring('Crème brûlée à la 2026', new Map([['s', key]]), FAST);
    const typed = 'Crème brûlée à la 2026'.normalize('NFD') + ' ';
    expect((await unlock(typed, keyring)).ok).toBe(true);
  });

  it('refuses a page or keyring changed by one bit, and a page served under another address', async () => {
    const { key, payload, keyring } = await sealedSite();
    for (const at of [0, 500, fromBase64(payload.ciphertext)!.length - 1]) {
      expect(await openPayload(key, flipBit(payload, at), 'k3q7abcdm2x5zzpq')).toMatchObject({ ok: false, reason: 'damaged' });
    }
    expect(await openPayload(key, payload, 'another0slug0abc')).toMatchObject({ ok: false, reason: 'damaged' });
    expect(await openPayload(key, { ...payload, compression: 'none' }, 'k3q7abcdm2x5zzpq')).toMatchObject({ ok: false, reason: 'damaged' });
    // A damaged keyring cannot be told from a wrong passphrase: both fail the same tag.
    expect(await unlock(PASSPHRASE, flipBit(keyring, 7))).toMatchObject({ ok: false, reason: 'wrong-passphrase' });
    const otherKey = await generateContentKey();
    expect(await openPayload(otherKey, payload, 'k3q7abcdm2x5zzpq')).toMatchObject({ ok: false, reason: 'damaged' });
  });

  it('refuses headers it cannot trust before spending a derivation on them', async () => {
    const { payload, keyring } = await sealedSite();
    const results = await Promise.all([
      unlock(PASSPHRASE, { ...keyring, kdf: { ...keyring.kdf, iterations: 1000 } }),
      unlock(PASSPHRASE, { ...keyring, kdf: { ...keyring.kdf, iterations: 1e9 } }),
      unlock(PASSPHRASE, { ...keyring, v: 2 }),
      unlock(PASSPHRASE, { ...keyring, kdf: { ...keyring.kdf, name: 'Argon2id' } }),
      unlock(PASSPHRASE, payload),
      unlock(PASSPHRASE, '{"v":1,'),
      unlock(PASSPHRASE, null),
      unlock(PASSPHRASE, { ...keyring, salt: 'not base64!' }),
    ]);
    expect(results.map((r) => !r.ok && r.reason)).toEqual(['damaged', 'damaged', 'unsupported', 'unsupported', 'damaged', 'damaged', 'damaged', 'damaged']);
    // An iteration count changed within the accepted range derives another key: the tag fails.
    expect(await unlock(PASSPHRASE, { ...keyring, kdf: { ...keyring.kdf, iterations: 100_001 } })).toMatchObject({ reason: 'wrong-passphrase' });
  });

  it('says so when the page is not in a secure context and WebCrypto is missing', async () => {
    const { keyring } = await sealedSite();
    vi.stubGlobal('crypto', undefined);
    expect(await unlock(PASSPHRASE, keyring)).toMatchObject({ ok: false, reason: 'no-webcrypto', message: expect.stringContaining('https://') });
  });

  it('gives two audiences the same content key, each under its own passphrase', async () => {
    const key = await generateContentKey();
    const payload = await sealPayload(key, PAGE, { context: 'shared' });
    const sre = await sealKeyring('sre passphrase, long enough', new Map([['shared', key]]), FAST);
    const payments = await sealKeyring('payments passphrase, long too', new Map([['shared', key], ['only-payments', await generateContentKey()]]), FAST);
    const a = await unlock('sre passphrase, long enough', sre, { extractable: true });
    const b = await unlock('payments passphrase, long too', payments, { extractable: true });
    if (!a.ok || !b.ok) throw new Error('unlock failed');
    const raw = async (k: CryptoKey) => new Uint8Array(await crypto.subtle.exportKey('raw', k));
    expect(await raw(a.keys.get('shared')!)).toEqual(await raw(b.keys.get('shared')!));
    expect(await raw(a.keys.get('shared')!)).toEqual(await raw(key));
    expect([...a.keys.keys()]).toEqual(['shared']);
    expect(await openPayload(a.keys.get('shared')!, payload, 'shared')).toEqual({ ok: true, text: PAGE });
    expect(await openPayload(b.keys.get('shared')!, payload, 'shared')).toEqual({ ok: true, text: PAGE });
    // Neither passphrase opens the other audience's keyring.
    expect(await unlock('sre passphrase, long enough', payments)).toMatchObject({ reason: 'wrong-passphrase' });
  });

  it('pads pages so that lengths within a bucket give the same ciphertext length', async () => {
    const key = await generateContentKey();
    const sizes = async (lengths: number[], compression: PayloadEnvelope['compression']) =>
      new Set(await Promise.all(lengths.map(async (n) => (await sealPayload(key, randomText(n), { compression })).ciphertext.length)));
    expect(await sizes([10, 200, 900, 1000], 'none')).toHaveProperty('size', 1);
    expect(await sizes([8300, 8500, 8650], 'none')).toHaveProperty('size', 1);
    // Compressed pages are padded after compression: a short page and a longer one still match.
    expect(await sizes([100, 700, 1200], 'gzip')).toHaveProperty('size', 1);
  });

  it('leaves no plaintext marker in the serialized envelopes, nor in their decoded bytes', async () => {
    const key = await generateContentKey();
    const slug = `${MARKER}-slug`;
    const envelopes: (PayloadEnvelope | KeyringEnvelope)[] = [
      await sealPayload(key, PAGE, { context: slug }),
      await sealPayload(key, PAGE, { context: slug, compression: 'none' }),
      await sealKeyring(PASSPHRASE, new Map([[slug, key]]), FAST),
    ];
    const needles = [MARKER, 'Break-glass', '123456789012'].flatMap((text) => [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le')]);
    for (const envelope of envelopes) {
      const serialized = Buffer.from(JSON.stringify(envelope));
      const decoded = Object.values(envelope)
        .filter((value): value is string => typeof value === 'string')
        .map((value) => Buffer.from(value, 'base64'));
      for (const haystack of [serialized, ...decoded]) {
        for (const needle of needles) expect(haystack.includes(needle), `${needle} in ${envelope.kind}`).toBe(false);
      }
    }
  });
});

function randomText(length: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return Array.from(bytes, (b) => String.fromCharCode(97 + (b % 26))).join('');
}
