/**
 * A private runbook's page as the build publishes it, and how the reader opens it: with keys
 * remembered from an earlier unlock, or with a passphrase tried against each audience the page
 * names. No DOM here (site/client/private-unlock.ts is the page's side), so all of it runs in
 * Node's tests with real keyrings.
 *
 * The page's locked block carries its opaque slug, its audiences, and where the keyrings are
 * (`<keyrings><audience>.json`) with the sealed payload beside them (`<keyrings><slug>.json`),
 * whose plaintext is
 * `{ "v": 1, "id", "title", "html" }`: `html` is the runbook block a public page would have had.
 */
import { openFailure, openPayload, unlock, type OpenFailure } from './open.ts';
import { importContentKey, keysForSlug, rememberedAudiences, type RememberedKeys } from './remembered-keys.ts';
import { parsePrivateSearchText, searchContext, type PrivateSearchText } from './sealed-page.ts';

/** What a locked block says about its page. */
export interface LockedPage {
  slug: string;
  audiences: string[];
  /** The folder of the keyrings, e.g. `/private/`. */
  keyrings: string;
  /**
   * The sealed page (a `PayloadEnvelope`, not yet checked): fetched from beside the keyrings on
   * the web, where a locked page's first load should not carry it; inline in the offline edition.
   * Rejects when it cannot be had.
   */
  payload: () => Promise<unknown>;
}

/** A private runbook, opened. */
export interface PrivateRunbook {
  id: string;
  title: string;
  /** The runbook block, exactly as a public page carries it. */
  html: string;
}

/** A failure of the page's own: `unreachable` when no keyring could be fetched. */
export interface PageFailure {
  ok: false;
  reason: OpenFailure['reason'] | 'unreachable' | 'outdated';
  message: string;
}

/**
 * What a host's keyring or payload loader throws when the file is gone (HTTP 404): the page is
 * of an older build, whose keyrings the next deploy deleted (seal-pages.ts), not offline.
 */
export class OutdatedPage extends Error {
  override name = 'OutdatedPage';
}

const OUTDATED: PageFailure = {
  ok: false,
  reason: 'outdated',
  message: 'This page is from an older build of the site, whose keys are gone: reload it, then unlock.',
};

export type UnlockPageResult = { ok: true; runbook: PrivateRunbook; audience: string; keys: Map<string, CryptoKey> } | PageFailure;

/** Shown over the form when remembered keys no longer open the page. */
export const STALE_MESSAGE = 'These runbooks were re-encrypted since your last unlock: enter the passphrase again.';

const UNREACHABLE: PageFailure = {
  ok: false,
  reason: 'unreachable',
  message: 'The keys of this runbook could not be fetched, so the passphrase was not tried: check the connection, then try again.',
};

/** The audiences of `data-audiences` (a JSON array of names), the malformed left out. */
export function parseAudiences(text: string | undefined): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return [...new Set(parsed.filter((name): name is string => typeof name === 'string' && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(name)))];
}

/** Where an audience's keyring is: `<folder><audience>.json`. */
export function keyringUrl(folder: string, audience: string): string {
  return `${folder.endsWith('/') ? folder : `${folder}/`}${encodeURIComponent(audience)}.json`;
}

/** The runbook in a payload's plaintext, or `undefined` when it is not one. */
export function parsePrivateRunbook(text: string): PrivateRunbook | undefined {
  try {
    const { v, id, title, html } = JSON.parse(text) as Partial<PrivateRunbook> & { v?: unknown };
    if (v !== 1 || typeof id !== 'string' || typeof title !== 'string' || typeof html !== 'string') return undefined;
    return { id, title, html };
  } catch {
    return undefined;
  }
}

/** What a locked page's `<title>` and h1 say in place of the runbook's title. */
export const LOCKED_TITLE = 'Private runbook';

/** "Private runbook · Site" → "<title> · Site": the site's part of the locked page's title is kept as it is. */
export function unlockedTitle(lockedTitle: string, title: string): string {
  if (lockedTitle.startsWith(LOCKED_TITLE)) return `${title}${lockedTitle.slice(LOCKED_TITLE.length)}`;
  const at = lockedTitle.search(/ [·|] /);
  return at === -1 ? title : `${title}${lockedTitle.slice(at)}`;
}

async function openWith(key: CryptoKey, page: LockedPage): Promise<PrivateRunbook | OpenFailure> {
  let payload: unknown;
  try {
    payload = await page.payload();
  } catch {
    return openFailure('damaged');
  }
  const opened = await openPayload(key, payload, page.slug);
  if (!opened.ok) return opened;
  return parsePrivateRunbook(opened.text) ?? openFailure('damaged');
}

/**
 * The page opened with a remembered key, or the audiences whose remembered keys failed to open
 * it (`stale`: keys of an older build, to forget; empty when nothing was remembered for it).
 */
export async function openRemembered(
  store: RememberedKeys,
  page: LockedPage,
): Promise<{ ok: true; runbook: PrivateRunbook; audience: string } | { ok: false; stale: string[] }> {
  for (const { audience, raw } of keysForSlug(store, page.slug, page.audiences)) {
    const key = await importContentKey(raw);
    const runbook = key && (await openWith(key, page));
    if (runbook && !('ok' in runbook)) return { ok: true, runbook, audience };
  }
  return { ok: false, stale: rememberedAudiences(store, page.audiences) };
}

/**
 * Tries `passphrase` against every audience of the page at once (each keyring is fetched, then
 * one PBKDF2 derivation); the first that opens the page wins. The keys come back extractable,
 * to be remembered. When none opens it, the most telling failure.
 */
export async function unlockPage(passphrase: string, page: LockedPage, loadKeyring: (audience: string) => Promise<unknown>): Promise<UnlockPageResult> {
  const attempts = page.audiences.map(async (audience): Promise<UnlockPageResult> => {
    let keyring: unknown;
    try {
      keyring = await loadKeyring(audience);
    } catch (error) {
      return error instanceof OutdatedPage ? OUTDATED : UNREACHABLE;
    }
    const unlocked = await unlock(passphrase, keyring, { extractable: true });
    if (!unlocked.ok) return unlocked;
    // A keyring of this page's audience lacks its key only when the two come from different builds.
    const key = unlocked.keys.get(page.slug);
    const runbook = key ? await openWith(key, page) : openFailure('damaged');
    return 'ok' in runbook ? runbook : { ok: true, runbook, audience, keys: unlocked.keys };
  }).map((attempt) => attempt.catch(() => openFailure('damaged')));
  if (!attempts.length) return openFailure('damaged');
  return firstSuccess(attempts, pickFailure);
}

/** The first attempt that succeeds, or `otherwise` of all of them once every one has failed. */
export function firstSuccess<T extends { ok: boolean }>(attempts: Promise<T>[], otherwise: (failures: T[]) => T): Promise<T> {
  return new Promise((resolve) => {
    const failures: T[] = [];
    for (const attempt of attempts)
      void attempt.then((result) => {
        if (result.ok) resolve(result);
        else if (failures.push(result) === attempts.length) resolve(otherwise(failures));
      });
  });
}

/**
 * The failure to show when every audience failed. A right passphrase whose page does not open
 * (`damaged`) says more than the wrong passphrases of the other audiences; a keyring that could
 * not be fetched means the passphrase may be right but was never tried.
 */
export function pickFailure(failures: UnlockPageResult[]): PageFailure {
  const order: PageFailure['reason'][] = ['no-webcrypto', 'outdated', 'damaged', 'unsupported', 'unreachable', 'wrong-passphrase'];
  const ranked = (failures.filter((f) => !f.ok) as PageFailure[]).sort((a, b) => order.indexOf(a.reason) - order.indexOf(b.reason));
  return ranked[0] ?? openFailure('damaged');
}

/**
 * An audience's sealed search file opened with the search key remembered from its keyring (the
 * site's search dialog and the single-file edition both use it), or `undefined`: no key, a key
 * of another build, or not a search file.
 */
export async function openSearchText(audience: string, rawKey: string | undefined, sealed: unknown): Promise<PrivateSearchText | undefined> {
  const key = rawKey ? await importContentKey(rawKey) : undefined;
  const opened = key ? await openPayload(key, sealed, searchContext(audience)) : undefined;
  return opened?.ok ? parsePrivateSearchText(opened.text) : undefined;
}
