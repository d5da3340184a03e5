/**
 * Registers the service worker and keeps the reader informed: how much of the site is saved
 * for offline use, and — when a newer build has been deployed — an offer to switch to it, so
 * nobody reads a silently stale copy. Checks for a new build on load, when the tab becomes
 * visible again, and every 30 minutes.
 */
import { Workbox } from 'workbox-window';

interface Status {
  cached: number;
  total: number;
  buildId: string;
}

export function initOffline(swUrl: string): void {
  const indicator = document.querySelector<HTMLElement>('[data-lb-offline-status]');
  if (!('serviceWorker' in navigator)) {
    if (indicator) indicator.textContent = 'This browser cannot keep the site for offline use; download the single-file copy instead.';
    return;
  }
  const wb = new Workbox(swUrl);
  const showStatus = async () => {
    if (!indicator) return;
    try {
      const status = (await wb.messageSW({ type: 'LIFEBOAT_STATUS' })) as Status;
      const ready = status.cached >= status.total;
      indicator.textContent = ready
        ? `Available offline: all ${status.total} files are saved in this browser.`
        : `Saving for offline use: ${status.cached} of ${status.total} files…`;
      indicator.dataset.ready = String(ready);
      if (!ready) window.setTimeout(showStatus, 1500);
    } catch {
      indicator.textContent = 'Saving for offline use…';
      window.setTimeout(showStatus, 1500);
    }
  };

  wb.addEventListener('waiting', () => offerUpdate(() => {
    wb.addEventListener('controlling', () => window.location.reload());
    wb.messageSkipWaiting();
  }));
  wb.addEventListener('activated', () => void showStatus());
  void wb.register().then(() => showStatus());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void wb.update();
  });
  window.setInterval(() => void wb.update(), 30 * 60_000);
}

/** A banner that stays until the reader acts: a newer build exists. */
function offerUpdate(apply: () => void): void {
  if (document.querySelector('[data-lb-update]')) return;
  const banner = document.createElement('div');
  banner.className = 'lb-update';
  banner.dataset.lbUpdate = '';
  banner.setAttribute('role', 'alert');
  const text = document.createElement('span');
  text.textContent = 'A newer version of these runbooks has been published.';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'lb-button';
  button.textContent = 'Show the new version';
  button.addEventListener('click', apply);
  banner.append(text, button);
  document.body.append(banner);
  button.focus();
}
