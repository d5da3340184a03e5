import { describe, expect, it } from 'vitest';
import { CHIP_TEXT, isReady, offlineBannerText, readinessText } from './offline-text.ts';

const NOW = Date.parse('2026-12-05T08:00:00Z');
const built = { iso: '2026-11-22T08:00:00.000Z', text: '2026-11-22 08:00 UTC' };
const facts = { iso: '2026-12-05T05:30:00.000Z', text: '2026-12-05 05:30 UTC' };

describe('offlineBannerText', () => {
  it('says the site cannot be reached, and how old the saved copy and its facts are', () => {
    expect(offlineBannerText({ built, facts, status: { cached: 138, total: 138 }, now: NOW })).toBe(
      'Offline: the site cannot be reached, so this is the copy saved in this browser, built 2026-11-22 08:00 UTC (13 days ago). Cluster facts as of 2026-12-05 05:30 UTC (2 h 30 min ago).',
    );
  });

  it('warns when the site was not saved completely before the connection was lost', () => {
    expect(offlineBannerText({ built, status: { cached: 40, total: 138 }, now: NOW })).toBe(
      'Offline: the site cannot be reached, so this is the copy saved in this browser, built 2026-11-22 08:00 UTC (13 days ago). Only 40 of 138 files were saved before the connection was lost: some pages may not open.',
    );
  });

  it('still says it is offline on a page with no build time and before the service worker answers', () => {
    expect(offlineBannerText({ now: NOW })).toBe('Offline: the site cannot be reached, so this is the copy saved in this browser.');
  });
});

describe('readiness', () => {
  it('counts the saved files until all are saved', () => {
    expect(isReady({ cached: 137, total: 138 })).toBe(false);
    expect(readinessText({ cached: 40, total: 138 })).toBe('Saving for offline use: 40 of 138 files…');
    expect(readinessText({ cached: 138, total: 138 })).toBe('Available offline: all 138 files are saved in this browser.');
  });

  it('has a few words for the header in each state', () => {
    expect(CHIP_TEXT).toEqual({ saving: 'Saving for offline use', ready: 'Saved for offline use', offline: 'Offline', unsupported: 'Not saved for offline use' });
  });
});
