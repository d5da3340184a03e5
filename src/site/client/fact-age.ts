/**
 * Ages of facts, computed when the page is read: "3 h ago", flagged when older than the site's
 * `factsMaxAge`. Re-evaluated every minute so a page left open during an incident stays honest.
 */
export function showFactAges(): void {
  const update = () => {
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
      time.closest('li')?.classList.toggle('lb-facts-old', old);
    }
  };
  update();
  window.setInterval(update, 60_000);
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
