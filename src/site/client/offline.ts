/**
 * Registers the service worker and keeps the reader informed: a few words in the header (saving,
 * saved for offline use, offline), how much of the site is saved (footer), a banner under the
 * header while the site cannot be reached (offline-text.ts), labels on downloads this browser
 * has not saved, and — when a newer build has been deployed — an offer to switch to it, so nobody
 * reads a silently stale copy. Checks for a new build on load, when the tab becomes visible
 * again, and every 30 minutes.
 */
import { isDownload } from '../../sw/is-download.ts';
import { CHIP_TEXT, isReady, NOT_SAVED_LABEL, offlineBannerText, readinessText, type OfflineState, type OfflineStatus, type ShownTime } from './offline-text.ts';

/** Asks a service worker something and waits for its answer on a private channel. */
function ask(worker: ServiceWorker, message: { type: string }): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => resolve(event.data);
    window.setTimeout(() => reject(new Error('no answer')), 5000);
    worker.postMessage(message, [channel.port2]);
  });
}

const shown = (time: HTMLTimeElement | undefined): ShownTime | undefined => time && { iso: time.dateTime, text: time.textContent ?? time.dateTime };

/** The oldest collection time of the cluster facts on the page (the build's own time apart). */
function oldestFacts(): ShownTime | undefined {
  const times = [...document.querySelectorAll<HTMLTimeElement>('main time[data-lb-age]')].filter((t) => !t.closest('.lb-build-info'));
  return shown(times.sort((a, b) => Date.parse(a.dateTime) - Date.parse(b.dateTime))[0]);
}

/** The header's state: built here, not written into every page. */
function addChip(): HTMLElement | undefined {
  const search = document.querySelector('header site-search')?.parentElement;
  if (!search) return undefined;
  const chip = document.createElement('span');
  chip.className = 'lb-offline-chip';
  chip.dataset.lbOfflineChip = '';
  chip.innerHTML = '<span class="lb-offline-chip-text"></span>';
  search.append(chip);
  return chip;
}

/**
 * Offline, each link to a download this browser has not saved says so before it is followed.
 * And no link is a download (`download` set aside until back online): Chromium hands a download
 * to its download manager, which goes to the network and fails, so the saved copy opens in the
 * tab instead — the edition works there, and can be saved from there — as does the worker's
 * explanation of a file not saved.
 */
function labelDownloads(offline: boolean, saved: readonly string[]): void {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[href]')) {
    if (link.origin !== location.origin || !isDownload(link.pathname)) continue;
    const label = link.querySelector<HTMLElement>('.lb-not-saved');
    if (offline && !saved.includes(link.pathname)) {
      if (!label) link.insertAdjacentHTML('beforeend', `<span class="lb-not-saved">${NOT_SAVED_LABEL}</span>`);
    } else label?.remove();
    if (offline && link.hasAttribute('download')) {
      link.dataset.lbDownload = link.getAttribute('download')!;
      link.removeAttribute('download');
    } else if (!offline && link.dataset.lbDownload !== undefined) {
      link.setAttribute('download', link.dataset.lbDownload);
      delete link.dataset.lbDownload;
    }
  }
}

/*
 * The platform's service worker API directly: workbox-window did the same in 6 KB of
 * transpiled code on every page (2.5 KB compressed, a tenth of the page-weight budget).
 */
export function initOffline(swUrl: string): void {
  const indicator = document.querySelector<HTMLElement>('[data-lb-offline-status]');
  const chip = addChip();
  let status: OfflineStatus | undefined;
  // False once a request to the site failed (the host down with the network up), until one works.
  let reachable = true;
  const supported = 'serviceWorker' in navigator;

  const render = () => {
    const offline = !navigator.onLine || !reachable;
    const state: OfflineState = offline ? 'offline' : !supported ? 'unsupported' : status && isReady(status) ? 'ready' : 'saving';
    if (chip) {
      chip.dataset.state = state;
      chip.firstElementChild!.textContent = CHIP_TEXT[state];
    }
    let banner = document.querySelector<HTMLElement>('[data-lb-offline-banner]');
    if (offline) {
      if (!banner) {
        banner = document.createElement('p');
        banner.className = 'lb-offline-banner';
        banner.dataset.lbOfflineBanner = '';
        banner.setAttribute('role', 'status');
        document.querySelector('main')?.prepend(banner);
      }
      banner.textContent = offlineBannerText({ built: shown(document.querySelector<HTMLTimeElement>('.lb-build-info time') ?? undefined), facts: oldestFacts(), status, now: Date.now() });
    } else banner?.remove();
    labelDownloads(offline, status?.downloads ?? []);
  };
  /**
   * Whether the site answers: a bodiless request past every cache (sw.js is never precached).
   * While it does not, asked again every 10 s: a host that comes back fires no `online` event.
   */
  let retry = 0;
  const probe = async () => {
    window.clearTimeout(retry);
    reachable = await fetch(swUrl, { method: 'HEAD', cache: 'no-store', signal: AbortSignal.timeout(10_000) }).then(
      () => true,
      () => false,
    );
    if (!reachable) retry = window.setTimeout(probe, 10_000);
    render();
  };
  window.addEventListener('offline', render);
  window.addEventListener('online', () => void probe());
  render();

  if (!supported) {
    if (indicator) indicator.textContent = 'This browser cannot keep the site for offline use; download the single-file copy instead.';
    return;
  }
  const container = navigator.serviceWorker;
  // A page served from the saved copy may be the only sign the site is gone: ask the site.
  if (container.controller) void probe();
  const showStatus = async () => {
    try {
      const worker = (await container.ready).active;
      if (!worker) throw new Error('not active yet');
      status = (await ask(worker, { type: 'LIFEBOAT_STATUS' })) as OfflineStatus;
      if (indicator) {
        indicator.textContent = readinessText(status);
        indicator.dataset.ready = String(isReady(status));
      }
      render();
      if (!isReady(status)) window.setTimeout(showStatus, 1500);
    } catch {
      if (indicator) indicator.textContent = 'Saving for offline use…';
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
    // Offline: try again later, and say the site cannot be reached meanwhile.
    const update = () =>
      void registration.update().then(
        () => ((reachable = true), render()),
        () => probe(),
      );
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
