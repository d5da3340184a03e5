import { describe, expect, it } from 'vitest';
import { openPayload, unlock } from './open.ts';
import {
  exportContentKeys,
  forgetAudiences,
  importContentKey,
  keysForSlug,
  mergeRememberedKeys,
  noRememberedKeys,
  readRememberedKeys,
  rememberAudience,
  rememberedAudiences,
  writeRememberedKeys,
} from './remembered-keys.ts';
import { generateContentKey, sealKeyring, sealPayload } from './seal.ts';

const raw = (byte: number) => Buffer.alloc(32, byte).toString('base64');

describe('remembered keys', () => {
  it('round-trips an unlock: exported raw, stored as text, read back, imported, and the page opens', async () => {
    const key = await generateContentKey();
    const payload = await sealPayload(key, 'the page', { context: 'slug-a' });
    const keyring = await sealKeyring('correct horse battery staple', new Map([['slug-a', key], ['slug-b', await generateContentKey()]]), { iterations: 100_000 });
    const unlocked = await unlock('correct horse battery staple', keyring, { extractable: true });
    if (!unlocked.ok) throw new Error(unlocked.message);

    const exported = await exportContentKeys(unlocked.keys);
    expect(Object.keys(exported).sort()).toEqual(['slug-a', 'slug-b']);
    const text = writeRememberedKeys(rememberAudience(noRememberedKeys(), 'sre', exported, 1000))!;
    const read = readRememberedKeys(text);
    expect(read).toEqual({ v: 1, audiences: { sre: { at: 1000, keys: exported } } });

    const [found] = keysForSlug(read, 'slug-a', ['sre']);
    const imported = await importContentKey(found!.raw);
    expect(imported?.extractable).toBe(false);
    expect(await openPayload(imported!, payload, 'slug-a')).toEqual({ ok: true, text: 'the page' });
  });

  it('reads nothing from text that is not a store, and drops keys that are not 32 bytes of base64', () => {
    for (const text of [null, '', 'not json', '[]', '{"v":2,"audiences":{}}', '{"v":1}']) expect(readRememberedKeys(text)).toEqual(noRememberedKeys());
    const text = JSON.stringify({ v: 1, audiences: { sre: { at: 5, keys: { a: raw(1), b: 'short', c: 7 } }, ops: { at: 5, keys: { d: 'x' } }, bad: { keys: {} } } });
    expect(readRememberedKeys(text)).toEqual({ v: 1, audiences: { sre: { at: 5, keys: { a: raw(1) } } } });
    expect(writeRememberedKeys(noRememberedKeys())).toBeUndefined();
  });

  it('forgets every audience unlocked before the last Lock, so a tab that slept through it cannot bring keys back', () => {
    const text = JSON.stringify({ v: 1, audiences: { sre: { at: 100, keys: { a: raw(1) } }, payments: { at: 300, keys: { b: raw(2) } } } });
    expect(Object.keys(readRememberedKeys(text, 200).audiences)).toEqual(['payments']);
    expect(Object.keys(readRememberedKeys(text, 300).audiences)).toEqual([]);
  });

  it('merges stores by audience, the latest unlock winning, and forgets audiences by name', () => {
    const older = rememberAudience(noRememberedKeys(), 'sre', { a: raw(1) }, 100);
    const newer = rememberAudience(rememberAudience(noRememberedKeys(), 'sre', { a: raw(2) }, 200), 'payments', { b: raw(3) }, 150);
    expect(mergeRememberedKeys(older, newer)).toEqual(newer);
    expect(mergeRememberedKeys(newer, older)).toEqual(newer);
    expect(forgetAudiences(newer, ['sre'])).toEqual({ v: 1, audiences: { payments: { at: 150, keys: { b: raw(3) } } } });
  });

  it('offers the page’s own audiences’ keys first, each distinct key once, and names the page’s audiences it holds', () => {
    let store = rememberAudience(noRememberedKeys(), 'ops', { page: raw(9) }, 1);
    store = rememberAudience(store, 'sre', { page: raw(1), other: raw(4) }, 1);
    store = rememberAudience(store, 'payments', { page: raw(1) }, 1);
    expect(keysForSlug(store, 'page', ['payments', 'sre'])).toEqual([
      { audience: 'payments', raw: raw(1) },
      { audience: 'ops', raw: raw(9) },
    ]);
    expect(keysForSlug(store, 'missing', ['sre'])).toEqual([]);
    expect(rememberedAudiences(store, ['sre', 'db'])).toEqual(['sre']);
  });

  it('refuses to import what is not a raw AES-256 key', async () => {
    expect(await importContentKey('short')).toBeUndefined();
    expect(await importContentKey(Buffer.alloc(16).toString('base64'))).toBeUndefined();
  });
});
