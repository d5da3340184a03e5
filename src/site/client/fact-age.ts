/**
 * Ages of facts (and of the build), computed when the page is read: "3 h ago", flagged when
 * older than the site's `factsMaxAge`, with a banner at the top of the page. Re-evaluated every
 * minute so a page left open during an incident stays honest.
 */
export function showFactAges(): void {
  updateFactAges();
  window.setInterval(updateFactAges, 60_000);
}

/** One pass over the page's ages; call again after new content is put into the page. */
export function updateFactAges(): void {
  let oldest = 0;
  for (const time of document.querySelectorAll<HTMLTimeElement>('time[data-lb-age]')) {
    const seconds = Math.max(0, (Date.now() - Date.parse(time.dateTime)) / 1000);
    const maxAge = Number(time.dataset.maxAge ?? Infinity);
    let label = time.nextElementSibling?.classList.contains('lb-age') ? (time.nextElementSibling as HTMLElement) : undefined;
    if (!label) {
      label = document.createElement('span');
      label.className = 'lb-age';
      time.after(label);
    }
    const old = seconds > maxAge;
    label.textContent = ` (${describeAge(seconds)} ago${old ? ', older than the site accepts' : ''})`;
    // A provenance line, or a command filled in from those facts (copy.ts warns before copying it).
    time.closest('li, .lb-command')?.classList.toggle('lb-facts-old', old);
    if (old) oldest = Math.max(oldest, seconds);
  }
  staleBanner(oldest);
}

/** The banner over the content when any fact on the page is older than allowed (or removes it). */
function staleBanner(oldestSeconds: number): void {
  let banner = document.querySelector<HTMLElement>('[data-lb-stale-facts]');
  if (!oldestSeconds) {
    banner?.remove();
    return;
  }
  if (!banner) {
    banner = document.createElement('p');
    banner.className = 'lb-stale-banner';
    banner.dataset.lbStaleFacts = '';
    banner.setAttribute('role', 'note');
    document.querySelector('main .sl-markdown-content, main')?.prepend(banner);
  }
  banner.textContent = `The cluster facts on this page are ${describeAge(oldestSeconds)} old, older than this site accepts: what exists in the clusters may have changed since.`;
}

/** 45 s → "under a minute", 5400 s → "1 h 30 min", 3 days → "3 days". */
export function describeAge(seconds: number): string {
  if (seconds < 60) return 'under a minute';
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  return `${Math.floor(hours / 24)} days`;
}
