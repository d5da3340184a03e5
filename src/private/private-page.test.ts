import { describe, expect, it } from 'vitest';
import {
  firstSuccess,
  keyringUrl,
  openRemembered,
  OutdatedPage,
  parseAudiences,
  parsePrivateRunbook,
  pickFailure,
  STALE_MESSAGE,
  unlockedTitle,
  unlockPage,
  type LockedPage,
  type PageFailure,
} from './private-page.ts';
import { exportContentKeys, noRememberedKeys, rememberAudience } from './remembered-keys.ts';
import { generateContentKey, sealKeyring, sealPayload } from './seal.ts';

const FAST = { iterations: 100_000 };
const SLUG = 'k3q7abcdm2x5zzpq';
const RUNBOOK = { v: 1, id: 'break-glass', title: 'Break glass', html: '<div class="lb-runbook" data-runbook="break-glass"><p>aws sts</p></div>' };

/** One build: a page readable by sre and payments, and their keyrings (ops reads something else). */
async function build() {
  const key = await generateContentKey();
  const other = await generateContentKey();
  const sealed = await sealPayload(key, JSON.stringify(RUNBOOK), { context: SLUG });
  const page: LockedPage = {
    slug: SLUG,
    audiences: ['sre', 'payments'],
    keyrings: '/private/',
    payload: async () => sealed,
  };
  const keyrings: Record<string, unknown> = {
    sre: await sealKeyring('sre passphrase one', new Map([[SLUG, key], ['other', other]]), FAST),
    payments: await sealKeyring('payments passphrase', new Map([[SLUG, key]]), FAST),
    ops: await sealKeyring('ops passphrase', new Map([['other', other]]), FAST),
  };
  return { page, keyrings, load: async (audience: string) => keyrings[audience] };
}

describe('the locked block', () => {
  it('names its audiences as a JSON array; anything else names none', () => {
    expect(parseAudiences('["sre","payments","sre"]')).toEqual(['sre', 'payments']);
    expect(parseAudiences('["sre","../x","Ops",3]')).toEqual(['sre']);
    for (const text of [undefined, '', 'sre', '{"sre":1}']) expect(parseAudiences(text)).toEqual([]);
  });

  it('finds keyrings in its folder, with or without the slash', () => {
    expect(keyringUrl('/private/', 'sre')).toBe('/private/sre.json');
    expect(keyringUrl('/docs/private', 'db-admins')).toBe('/docs/private/db-admins.json');
  });

  it('reads the payload’s runbook, and keeps the site’s part of the title', () => {
    expect(parsePrivateRunbook(JSON.stringify(RUNBOOK))).toEqual({ id: 'break-glass', title: 'Break glass', html: RUNBOOK.html });
    expect(parsePrivateRunbook('{"v":2,"id":"a","title":"b","html":"c"}')).toBeUndefined();
    expect(parsePrivateRunbook('<html>')).toBeUndefined();
    expect(unlockedTitle('Private runbook · Acme · Runbooks', 'Break glass')).toBe('Break glass · Acme · Runbooks');
    expect(unlockedTitle('Private runbook', 'Break glass')).toBe('Break glass');
    expect(unlockedTitle('Locked | Acme', 'Break glass')).toBe('Break glass | Acme');
  });
});

describe('unlocking a page with a passphrase', () => {
  it('opens it with any of its audiences’ passphrases, and hands back all that audience’s keys', async () => {
    const { page, load } = await build();
    const sre = await unlockPage('sre passphrase one', page, load);
    expect(sre.ok && [sre.audience, sre.runbook.title, [...sre.keys.keys()].sort()]).toEqual(['sre', 'Break glass', ['k3q7abcdm2x5zzpq', 'other']]);
    expect(sre.ok && [...sre.keys.values()].every((key) => key.extractable)).toBe(true);
    const payments = await unlockPage('payments passphrase', page, load);
    expect(payments.ok && payments.audience).toBe('payments');
  });

  it('answers a wrong passphrase with open.ts’s one line, and never tries an audience the page does not name', async () => {
    const { page, load } = await build();
    const asked: string[] = [];
    const result = await unlockPage('ops passphrase', page, (audience) => (asked.push(audience), load(audience)));
    expect(result).toEqual({ ok: false, reason: 'wrong-passphrase', message: 'That passphrase does not unlock these runbooks.' });
    expect(asked.sort()).toEqual(['payments', 'sre']);
  });

  it('says the page is of an older build when its keyring is gone (deleted by the next deploy), and asks for a reload', async () => {
    const { page } = await build();
    const result = await unlockPage('sre passphrase one', page, () => Promise.reject(new OutdatedPage('/private/0123456789abcdef/sre.json')));
    expect(result).toEqual({ ok: false, reason: 'outdated', message: 'This page is from an older build of the site, whose keys are gone: reload it, then unlock.' });
  });

  it('says the keys could not be fetched when a keyring is out of reach, rather than blaming the passphrase', async () => {
    const { page, load } = await build();
    const result = await unlockPage('payments passphrase', page, (audience) => (audience === 'payments' ? Promise.reject(new TypeError('offline')) : load(audience)));
    expect(result).toMatchObject({ ok: false, reason: 'unreachable' });
    expect((result as PageFailure).message).toMatch(/^The keys of this runbook could not be fetched/);
  });

  it('calls a page of another build than its keyring damaged', async () => {
    const { load } = await build();
    const newer = await build();
    expect(await unlockPage('sre passphrase one', newer.page, load)).toMatchObject({ ok: false, reason: 'damaged' });
  });

  it('takes the first audience that opens the page, without waiting for the others', async () => {
    const never = new Promise<{ ok: boolean }>(() => undefined);
    expect(await firstSuccess([never, Promise.resolve({ ok: true })], () => ({ ok: false }))).toEqual({ ok: true });
    expect(pickFailure([{ ok: false, reason: 'wrong-passphrase', message: 'w' }, { ok: false, reason: 'damaged', message: 'd' }]).reason).toBe('damaged');
  });
});

describe('opening a page with remembered keys', () => {
  it('opens it silently with an audience’s keys remembered from the same build', async () => {
    const { page, keyrings } = await build();
    const { unlock } = await import('./open.ts');
    const unlocked = await unlock('payments passphrase', keyrings.payments, { extractable: true });
    if (!unlocked.ok) throw new Error(unlocked.message);
    const store = rememberAudience(noRememberedKeys(), 'payments', await exportContentKeys(unlocked.keys), 1);
    expect(await openRemembered(store, page)).toMatchObject({ ok: true, audience: 'payments', runbook: { id: 'break-glass' } });
  });

  it('tells keys of an older build (re-encrypted since) from no keys at all', async () => {
    const older = await build();
    const newer = await build();
    const { unlock } = await import('./open.ts');
    const unlocked = await unlock('sre passphrase one', older.keyrings.sre, { extractable: true });
    if (!unlocked.ok) throw new Error(unlocked.message);
    const store = rememberAudience(noRememberedKeys(), 'sre', await exportContentKeys(unlocked.keys), 1);
    expect(await openRemembered(store, newer.page)).toEqual({ ok: false, stale: ['sre'] });
    expect(await openRemembered(noRememberedKeys(), newer.page)).toEqual({ ok: false, stale: [] });
    // Keys of an audience the page does not name are not its business.
    expect(await openRemembered(rememberAudience(noRememberedKeys(), 'ops', { other: 'A'.repeat(43) + '=' }, 1), newer.page)).toEqual({ ok: false, stale: [] });
    expect(STALE_MESSAGE).toBe('These runbooks were re-encrypted since your last unlock: enter the passphrase again.');
  });
});
