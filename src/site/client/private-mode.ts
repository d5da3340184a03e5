/**
 * Private runbooks' entry in every page's script (issue 24). A private runbook's page holds a
 * locked block (`[data-lb-locked]`) where the runbook would be; only there does the unlock load
 * (private-unlock.ts and the decryption), to open the page with remembered keys or show the
 * passphrase form. Every other page carries this file alone: a query for the block and, in a tab
 * holding keys for this browser session, an answer to other tabs that ask for them. sessionStorage
 * is a tab's own, so without the answer every new tab would ask for the passphrase again.
 */
import type { MountOptions } from './private-unlock.ts';

/** Where remembered keys are kept, in sessionStorage or localStorage (src/private/remembered-keys.ts). */
export const KEYS_ITEM = 'lifeboat:private-keys';
/** Tabs ask each other for keys (`ask` → `keys`) and tell each other to `lock` on this channel. */
export const CHANNEL = 'lifeboat:private';

const sessionKeys = () => {
  try {
    return sessionStorage.getItem(KEYS_ITEM);
  } catch {
    return null; // storage disabled: nothing remembered to share
  }
};

let channel: BroadcastChannel | undefined;
/** Set by the single-file edition (private-storage.ts keepKeysInMemory): no tab is told anything. */
let memoryOnly = false;
export const shareNothing = () => {
  memoryOnly = true;
};

/**
 * Answers `ask` with this tab's session keys; on `lock`, forgets them, and a page showing a
 * private runbook reloads, locked. Opened only once this tab holds keys: an open channel may keep
 * a page out of the back/forward cache.
 */
export function shareSessionKeys(): void {
  if (channel || memoryOnly || typeof BroadcastChannel !== 'function') return;
  channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = ({ data }: MessageEvent<{ type?: string } | null>) => {
    const keys = sessionKeys();
    if (data?.type === 'ask' && keys) channel!.postMessage({ type: 'keys', keys });
    if (data?.type !== 'lock') return;
    try {
      sessionStorage.removeItem(KEYS_ITEM);
    } catch {
      // nothing was stored
    }
    if (document.querySelector('[data-lb-unlocked]')) location.reload();
  };
}

/**
 * `root`: where the page's runbook is (the single-file edition renders one at a time into a view);
 * `options`: how such a host fetches keyrings, names its heading, keeps its URL (private-unlock.ts).
 */
export function initPrivateMode(root: ParentNode = document, options?: MountOptions): void {
  if (!memoryOnly && sessionKeys()) shareSessionKeys();
  const locked = root.querySelector<HTMLElement>('[data-lb-locked]');
  if (locked) void import('./private-unlock.ts').then((unlock) => unlock.mountUnlock(locked, options));
}
