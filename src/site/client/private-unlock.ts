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
import { keyringUrl, openRemembered, parseAudiences, STALE_MESSAGE, unlockPage, type LockedPage, type PrivateRunbook } from '../../private/private-page.ts';
import {
  exportContentKeys,
  forgetAudiences,
  keysForSlug,
  mergeRememberedKeys,
  noRememberedKeys,
  readRememberedKeys,
  rememberAudience,
  writeRememberedKeys,
  type RememberedKeys,
} from '../../private/remembered-keys.ts';
import { mountUnlockForm } from './private-form.ts';
import { CHANNEL, KEYS_ITEM, shareSessionKeys } from './private-mode.ts';
import { showPrivateRunbook, type ShowOptions } from './private-show.ts';

/** In localStorage: when "Lock" was last pressed in any tab. Keys unlocked before it are void. */
const LOCKED_AT_ITEM = 'lifeboat:private-locked-at';
/** How long a page waits for another tab's keys before asking for the passphrase. */
const ASK_MS = 150;

type Where = 'session' | 'device';
const storage = (where: Where) => (where === 'session' ? sessionStorage : localStorage);

function lockedAt(): number {
  try {
    return Number(localStorage.getItem(LOCKED_AT_ITEM)) || 0;
  } catch {
    return 0;
  }
}

function load(where: Where): RememberedKeys {
  try {
    return readRememberedKeys(storage(where).getItem(KEYS_ITEM), lockedAt());
  } catch {
    return noRememberedKeys();
  }
}

/** False when the browser refused (storage disabled or full). */
function save(where: Where, store: RememberedKeys): boolean {
  try {
    const text = writeRememberedKeys(store);
    if (text) storage(where).setItem(KEYS_ITEM, text);
    else storage(where).removeItem(KEYS_ITEM);
    return true;
  } catch {
    return false;
  }
}

/** The keys other open tabs hold for this session: the first answer, or none after `ASK_MS`. */
function askOtherTabs(): Promise<RememberedKeys> {
  if (typeof BroadcastChannel !== 'function') return Promise.resolve(noRememberedKeys());
  return new Promise((resolve) => {
    const channel = new BroadcastChannel(CHANNEL);
    const done = (store: RememberedKeys) => {
      channel.close();
      window.clearTimeout(timer);
      resolve(store);
    };
    const timer = window.setTimeout(() => done(noRememberedKeys()), ASK_MS);
    channel.onmessage = ({ data }: MessageEvent<{ type?: string; keys?: unknown } | null>) => {
      const store = data?.type === 'keys' && typeof data.keys === 'string' ? readRememberedKeys(data.keys, lockedAt()) : undefined;
      if (store && Object.keys(store.audiences).length) done(store);
    };
    channel.postMessage({ type: 'ask' });
  });
}

/** Forgets every key in every tab (session, device, and the tabs told), then shows this page locked. */
function lockEverywhere(): void {
  try {
    localStorage.setItem(LOCKED_AT_ITEM, String(Date.now()));
    localStorage.removeItem(KEYS_ITEM);
  } catch {
    // storage disabled: nothing was kept there
  }
  save('session', noRememberedKeys());
  if (typeof BroadcastChannel === 'function') {
    const channel = new BroadcastChannel(CHANNEL);
    channel.postMessage({ type: 'lock' });
    channel.close();
  }
  location.reload();
}

function readLockedPage(locked: HTMLElement): LockedPage {
  let payload: unknown;
  try {
    payload = JSON.parse(locked.querySelector('script[data-lb-payload]')?.textContent ?? '');
  } catch {
    payload = undefined; // openPayload calls it damaged
  }
  return { slug: locked.dataset.slug ?? '', audiences: parseAudiences(locked.dataset.audiences), keyrings: locked.dataset.keyrings ?? '/private/', payload };
}

async function fetchKeyring(url: string): Promise<unknown> {
  // Through the service worker like any file: offline, it answers from the copy it saved.
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
}

/** Back/forward: a page restored from the cache re-checks that keys for it still exist (or now do). */
function guardBackForward(slug: string, isOpen: () => boolean): void {
  window.addEventListener('pageshow', (event) => {
    if (!event.persisted) return;
    const held = keysForSlug(mergeRememberedKeys(load('session'), load('device')), slug).length > 0;
    if (held !== isOpen()) location.reload();
  });
}

export interface MountOptions {
  /** How to get an audience's keyring; by default fetched from the block's `data-keyrings`. */
  loadKeyring?: (audience: string) => Promise<unknown>;
  heading?: HTMLElement | null;
}

export async function mountUnlock(locked: HTMLElement, options: MountOptions = {}): Promise<void> {
  if (locked.dataset.lbMounted !== undefined) return;
  locked.dataset.lbMounted = '';
  const page = readLockedPage(locked);
  let open = false;
  guardBackForward(page.slug, () => open);
  const show = (runbook: PrivateRunbook, remembered: ShowOptions['remembered']) => {
    open = true;
    showPrivateRunbook(locked, runbook, { remembered, onLock: lockEverywhere, heading: options.heading });
    shareSessionKeys();
  };

  const session = load('session');
  const device = load('device');
  const mine = await openRemembered(mergeRememberedKeys(session, device), page);
  if (mine.ok) return show(mine.runbook, device.audiences[mine.audience] ? 'device' : 'session');
  const theirs = await askOtherTabs();
  const shared = await openRemembered(theirs, page);
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
    note: mine.stale.length || shared.stale.length ? STALE_MESSAGE : undefined,
    onSubmit: async (passphrase, onDevice) => {
      const result = await unlockPage(passphrase, page, loadKeyring);
      if (!result.ok) return result.message;
      const where: Where = onDevice ? 'device' : 'session';
      const keys = await exportContentKeys(result.keys);
      const saved = save(where, rememberAudience(load(where), result.audience, keys, Date.now()));
      // One place per audience: ticking the box moves it out of the session, and back.
      save(where === 'device' ? 'session' : 'device', forgetAudiences(load(where === 'device' ? 'session' : 'device'), [result.audience]));
      show(result.runbook, saved ? where : 'none');
      return undefined;
    },
  });
}
