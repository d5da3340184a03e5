/**
 * Registers the service worker and keeps the reader informed: how much of the site is saved
 * for offline use, and — when a newer build has been deployed — an offer to switch to it, so
 * nobody reads a silently stale copy. Checks for a new build on load, when the tab becomes
 * visible again, and every 30 minutes.
 */
interface Status {
  cached: number;
  total: number;
  buildId: string;
}

/** Asks a service worker something and waits for its answer on a private channel. */
function ask(worker: ServiceWorker, message: { type: string }): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => resolve(event.data);
    window.setTimeout(() => reject(new Error('no answer')), 5000);
    worker.postMessage(message, [channel.port2]);
  });
}

/*
 * The platform's service worker API directly: workbox-window did the same in 6 KB of
 * transpiled code on every page (2.5 KB compressed, a tenth of the page-weight budget).
 */
export function initOffline(swUrl: string): void {
  const indicator = document.querySelector<HTMLElement>('[data-lb-offline-status]');
  if (!('serviceWorker' in navigator)) {
    if (indicator) indicator.textContent = 'This browser cannot keep the site for offline use; download the single-file copy instead.';
    return;
  }
  const container = navigator.serviceWorker;
  const showStatus = async () => {
    if (!indicator) return;
    try {
      const worker = (await container.ready).active;
      if (!worker) throw new Error('not active yet');
      const status = (await ask(worker, { type: 'LIFEBOAT_STATUS' })) as Status;
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

  // A new build installed while this page is served by the old one waits; offer to switch.
  const offerWaiting = (registration: ServiceWorkerRegistration) => {
    const waiting = registration.waiting;
    if (!waiting || !container.controller) return;
    offerUpdate(() => {
      container.addEventListener('controllerchange', () => window.location.reload(), { once: true });
      waiting.postMessage({ type: 'SKIP_WAITING' });
    });
  };
  void container.register(swUrl).then((registration) => {
    offerWaiting(registration);
    registration.addEventListener('updatefound', () => {
      const installing = registration.installing;
      installing?.addEventListener('statechange', () => {
        if (installing.state === 'installed') offerWaiting(registration);
        if (installing.state === 'activated') void showStatus();
      });
    });
    void showStatus();
    const update = () => void registration.update().catch(() => undefined); // offline: try again later
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') update();
    });
    window.setInterval(update, 30 * 60_000);
  });
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
