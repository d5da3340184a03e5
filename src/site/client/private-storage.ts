/**
 * Where the page keeps the keys of an unlock: sessionStorage for the browser session, localStorage
 * for "Remember on this device", other open tabs asked over a BroadcastChannel, and the time of the
 * last "Lock" (in localStorage) that voids whatever any tab kept from before it. What the stored
 * text means is src/private/remembered-keys.ts's business.
 */
import { mergeRememberedKeys, noRememberedKeys, readRememberedKeys, writeRememberedKeys, type RememberedKeys } from '../../private/remembered-keys.ts';
import { CHANNEL, KEYS_ITEM } from './private-mode.ts';

/** In localStorage: when "Lock" was last pressed in any tab. Keys unlocked before it are void. */
const LOCKED_AT_ITEM = 'lifeboat:private-locked-at';
/** How long a page waits for another tab's keys before asking for the passphrase. */
const ASK_MS = 150;

export type Where = 'session' | 'device';

/**
 * The single-file edition keeps keys in memory only: every `file://` page of a browser profile
 * shares one localStorage (and a tab's pages one sessionStorage), so keys stored there could be
 * read by any local HTML file opened later, and a tab would hand them to one that asked. In memory
 * they last until the file is closed or reloaded, and no other page can reach them.
 */
let memory: Map<Where, string> | undefined;
export function keepKeysInMemory(): void {
  memory ??= new Map();
}
export const keysInMemory = () => memory !== undefined;

const storage = (where: Where): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> =>
  memory
    ? { getItem: () => memory!.get(where) ?? null, setItem: (_key, value) => void memory!.set(where, value), removeItem: () => void memory!.delete(where) }
    : where === 'session'
      ? sessionStorage
      : localStorage;

function lockedAt(): number {
  if (memory) return 0;
  try {
    return Number(localStorage.getItem(LOCKED_AT_ITEM)) || 0;
  } catch {
    return 0;
  }
}

/** The keys kept in one place, less those from before the last Lock. */
export function load(where: Where): RememberedKeys {
  try {
    return readRememberedKeys(storage(where).getItem(KEYS_ITEM), lockedAt());
  } catch {
    return noRememberedKeys();
  }
}

/** Writes `store` (or removes the item when it is empty); false when the browser refused (storage disabled or full). */
export function save(where: Where, store: RememberedKeys): boolean {
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
export function askOtherTabs(): Promise<RememberedKeys> {
  if (memory || typeof BroadcastChannel !== 'function') return Promise.resolve(noRememberedKeys());
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
export function lockEverywhere(): void {
  // In memory, the reload forgets them.
  if (memory) return location.reload();
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

/** Every key this tab can find without asking: the session's and the device's. */
export const remembered = (): RememberedKeys => mergeRememberedKeys(load('session'), load('device'));
