/** Durations as authors write them (`1h30m`, `45s`), in seconds and back. */

const UNIT_SECONDS: Record<string, number> = { d: 86_400, h: 3_600, m: 60, s: 1 };

/** Seconds in a duration that already passed `DurationSchema`. */
export function durationSeconds(duration: string): number {
  let total = 0;
  for (const [, amount, unit] of duration.matchAll(/(\d+)([dhms])/g)) total += Number(amount) * UNIT_SECONDS[unit!]!;
  return total;
}

/** Formats seconds back into the compact form authors write (`5400` → `1h30m`). */
export function formatDuration(seconds: number): string {
  if (seconds <= 0) return '0';
  let rest = seconds;
  let out = '';
  for (const [unit, size] of Object.entries(UNIT_SECONDS)) {
    const amount = Math.floor(rest / size);
    if (amount > 0) out += `${amount}${unit}`;
    rest -= amount * size;
  }
  return out;
}
