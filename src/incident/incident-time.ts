/**
 * One time convention for incidents, on screen and in exports: UTC, with the reader's local time
 * beside it ("14:03 UTC (15:03 local)"), since the people in an outage and its postmortem are
 * rarely in one time zone. Exports carry ISO UTC as well.
 */

/** "1:05" / "1:05:09" elapsed or remaining; negative values (an overrun) get a minus sign. */
export function clockText(seconds: number): string {
  const sign = seconds < 0 ? '−' : '';
  const s = Math.abs(Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  return `${sign}${h ? `${h}:` : ''}${String(m).padStart(h ? 2 : 1, '0')}:${String(r).padStart(2, '0')}`;
}

const hhmm = (iso: string, timeZone?: string, seconds = false) =>
  new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', ...(seconds ? { second: '2-digit' } : {}), hourCycle: 'h23', timeZone });

/** "14:03 UTC (15:03 local)"; `timeZone` is the reader's (the browser's when left out). */
export function utcWithLocal(iso: string, options: { seconds?: boolean; timeZone?: string } = {}): string {
  return `${hhmm(iso, 'UTC', options.seconds)} UTC (${hhmm(iso, options.timeZone, options.seconds)} local)`;
}

/** "2026-11-22 14:03 UTC": the date too, for an incident's start and end. */
export function utcDateTime(iso: string): string {
  return `${iso.slice(0, 10)} ${hhmm(iso, 'UTC')} UTC`;
}

/** Seconds from `from` to `to` (ISO times). */
export const secondsBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 1000;
