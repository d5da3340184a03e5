/**
 * The unlock of a private runbook's page, loaded by private-mode.ts only on such a page. It opens
 * the page silently with keys this tab, this device or another open tab remembers, else shows the
 * passphrase form (private-form.ts); once open, the runbook takes the locked block's place
 * (private-show.ts). Keys are remembered for the browser session (sessionStorage) unless the
 * reader asks for this device (localStorage); "Lock" forgets them everywhere.
 *
 * Every way in is guarded: a direct load or a reload runs this; a page restored from the
 * back/forward cache checks that its keys still exist, else reloads, locked; print shows the
 * locked block as "Private runbook: locked" (lifeboat.css).
 */
import { keyringUrl, openRemembered, OutdatedPage, parseAudiences, STALE_MESSAGE, unlockPage, type LockedPage, type PrivateRunbook } from '../../private/private-page.ts';
import { exportContentKeys, forgetAudiences, keysForSlug, mergeRememberedKeys, rememberAudience, type RememberedKeys } from '../../private/remembered-keys.ts';
import { mountUnlockForm } from './private-form.ts';
import { shareSessionKeys } from './private-mode.ts';
import type { ShowOptions } from './private-show.ts';
import { askOtherTabs, keysInMemory, load, lockEverywhere, remembered, save, type Where } from './private-storage.ts';

function readLockedPage(locked: HTMLElement): LockedPage {
  const slug = locked.dataset.slug ?? '';
  const keyrings = locked.dataset.keyrings ?? '/private/';
  const inline = locked.querySelector('script[data-lb-payload]')?.textContent;
  // On the web the payload is a file beside the keyrings, fetched once, when a key is at hand (a
  // locked page's first load stays light); the offline edition carries it inline.
  let fetched: Promise<unknown> | undefined;
  const payload = () => (fetched ??= inline !== undefined ? Promise.resolve().then(() => JSON.parse(inline)) : fetchKeyring(`${keyrings}${encodeURIComponent(slug)}.json`));
  return { slug, audiences: parseAudiences(locked.dataset.audiences), keyrings, payload };
}

async function fetchKeyring(url: string): Promise<unknown> {
  // Through the service worker like any file: offline, it answers from the copy it saved.
  const response = await fetch(url);
  if (response.status === 404) throw new OutdatedPage(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
}

/**
 * The runbook's behaviour (private-show.ts: copy buttons, decision trees…) loads only once a key is
 * at hand, in parallel with the decryption: a locked page's first load carries the form and the
 * crypto alone.
 */
let showing: Promise<typeof import('./private-show.ts')> | undefined;
const loadShow = () => (showing ??= import('./private-show.ts'));

/** Back/forward: a page restored from the cache re-checks that keys for it still exist (or now do). */
function guardBackForward(slug: string, isOpen: () => boolean): void {
  window.addEventListener('pageshow', (event) => {
    if (!event.persisted) return;
    const held = keysForSlug(remembered(), slug).length > 0;
    if (held !== isOpen()) location.reload();
  });
}

export interface MountOptions {
  /** How to get an audience's keyring; by default fetched from the block's `data-keyrings`. */
  loadKeyring?: (audience: string) => Promise<unknown>;
  /** The heading that says "Private runbook" until unlocked; by default the page's `h1#_top`. */
  heading?: HTMLElement | null;
  /** False where the URL's hash belongs to someone else (the single-file edition's views). */
  urlUpdates?: boolean;
  /** What to show of an opened runbook; by default its block as it is (the edition prefixes its ids). */
  prepare?: (runbook: PrivateRunbook) => PrivateRunbook;
  /** Told once the runbook is open, whether or not the block is still in the document. */
  onOpen?: (runbook: PrivateRunbook) => void;
}

/**
 * Opens the page behind `locked` with remembered keys, or puts the passphrase form into it. Once
 * per block: a second call does nothing.
 */
export async function mountUnlock(locked: HTMLElement, options: MountOptions = {}): Promise<void> {
  if (locked.dataset.lbMounted !== undefined) return;
  locked.dataset.lbMounted = '';
  const page = readLockedPage(locked);
  let open = false;
  guardBackForward(page.slug, () => open);
  const show = async (runbook: PrivateRunbook, kept: ShowOptions['remembered']) => {
    const { showPrivateRunbook } = await loadShow();
    open = true;
    // A host with views (the edition) may have moved on to another one while the key was found.
    if (locked.isConnected)
      showPrivateRunbook(locked, options.prepare ? options.prepare(runbook) : runbook, { remembered: kept, onLock: lockEverywhere, heading: options.heading, urlUpdates: options.urlUpdates });
    shareSessionKeys();
    options.onOpen?.(runbook);
  };
  const tryRemembered = (store: RememberedKeys) => {
    if (keysForSlug(store, page.slug).length) void loadShow();
    return openRemembered(store, page);
  };

  const session = load('session');
  const device = load('device');
  const mine = await tryRemembered(mergeRememberedKeys(session, device));
  if (mine.ok) return show(mine.runbook, keysInMemory() ? 'memory' : device.audiences[mine.audience] ? 'device' : 'session');
  const theirs = await askOtherTabs();
  const shared = await tryRemembered(theirs);
  if (shared.ok) {
    save('session', mergeRememberedKeys(session, theirs));
    return show(shared.runbook, 'session');
  }
  // Keys that no longer open the page are of an older build: the runbooks were re-encrypted since.
  if (mine.stale.length) {
    save('session', forgetAudiences(session, mine.stale));
    save('device', forgetAudiences(device, mine.stale));
  }

  const loadKeyring = options.loadKeyring ?? ((audience: string) => fetchKeyring(keyringUrl(page.keyrings, audience)));
  mountUnlockForm(locked, {
    audiences: page.audiences,
    rememberable: !keysInMemory(),
    note: mine.stale.length || shared.stale.length ? STALE_MESSAGE : undefined,
    onSubmit: async (passphrase, onDevice) => {
      void loadShow();
      const result = await unlockPage(passphrase, page, loadKeyring);
      if (!result.ok) return result.message;
      const where: Where = onDevice ? 'device' : 'session';
      const other: Where = onDevice ? 'session' : 'device';
      let saved = false;
      try {
        saved = save(where, rememberAudience(load(where), result.audience, await exportContentKeys(result.keys), Date.now()));
        // An audience is kept in one place: on the device when the box is ticked, else for the session.
        save(other, forgetAudiences(load(other), [result.audience]));
      } catch {
        // not exportable here: the page opens, remembered nowhere
      }
      await show(result.runbook, !saved ? 'none' : keysInMemory() ? 'memory' : where);
      return undefined;
    },
  });
}
