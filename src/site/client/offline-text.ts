/**
 * The words of the offline indicators (offline.ts), kept apart from the DOM so they can be tested
 * as plain functions: the short state in the header, the footer's count, and the banner shown
 * when the site cannot be reached.
 */
import { describeAge } from './fact-age.ts';

/** What the service worker reports (src/sw/service-worker.ts, `LIFEBOAT_STATUS`). */
export interface OfflineStatus {
  cached: number;
  total: number;
  buildId: string;
  /** Paths of the downloads (edition, PDFs) saved in this browser. */
  downloads: string[];
}

export type OfflineState = 'saving' | 'ready' | 'offline' | 'unsupported';

/** The header's few words for each state (narrow screens show only the mark before them). */
export const CHIP_TEXT: Record<OfflineState, string> = {
  saving: 'Saving for offline use',
  ready: 'Saved for offline use',
  offline: 'Offline',
  unsupported: 'Not saved for offline use',
};

export function isReady(status: Pick<OfflineStatus, 'cached' | 'total'>): boolean {
  return status.cached >= status.total;
}

/** The footer's line: how much of the site is saved. */
export function readinessText(status: Pick<OfflineStatus, 'cached' | 'total'>): string {
  return isReady(status)
    ? `Available offline: all ${status.total} files are saved in this browser.`
    : `Saving for offline use: ${status.cached} of ${status.total} files…`;
}

/** A time shown on the page (`<time datetime>` and its text, e.g. "2026-11-22 08:00 UTC"). */
export interface ShownTime {
  iso: string;
  text: string;
}

const ago = (time: ShownTime, now: number) => `${time.text} (${describeAge(Math.max(0, (now - Date.parse(time.iso)) / 1000))} ago)`;

/**
 * The banner under the header while the site cannot be reached: what the reader is looking at and
 * how old it is. `facts` is the oldest collection time of the cluster facts on the page, if any.
 */
export function offlineBannerText(options: { built?: ShownTime; facts?: ShownTime; status?: Pick<OfflineStatus, 'cached' | 'total'>; now: number }): string {
  const { built, facts, status, now } = options;
  const parts = [`Offline: the site cannot be reached, so this is the copy saved in this browser${built ? `, built ${ago(built, now)}` : ''}.`];
  if (facts) parts.push(`Cluster facts as of ${ago(facts, now)}.`);
  if (status && !isReady(status)) parts.push(`Only ${status.cached} of ${status.total} files were saved before the connection was lost: some pages may not open.`);
  return parts.join(' ');
}

/** Appended to a download link offline when this browser has not saved the file. */
export const NOT_SAVED_LABEL = ' — not available offline: download it while online';
