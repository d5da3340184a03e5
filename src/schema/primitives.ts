/**
 * Small validated value types shared by the runbook and configuration schemas. Each regular
 * expression is exported so the error mapper can tell which one failed and pick the right code.
 */
import { z } from 'zod';

/** `0`, `90s`, `15m`, `4h`, `1h30m`, `2d`: whole units, largest first. */
export const DURATION_PATTERN = /^(?:0|(?=\d)(?:\d+d)?(?:\d+h)?(?:\d+m)?(?:\d+s)?)$/;
/** Lowercase slug: ids become URLs and anchors. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A human duration such as `15m`, `4h`, `1h30m` or `0`. YAML's bare `0` is accepted too. */
export const DurationSchema = z
  .union([z.literal(0), z.string().regex(DURATION_PATTERN)])
  .transform((v) => String(v))
  .describe('A duration: a whole number with a unit (d, h, m, s), largest first, e.g. "15m", "4h", "1h30m"; zero is "0".');

/** Runbook, step and decision ids: lowercase letters, digits and single hyphens. */
export const IdSchema = z
  .string()
  .max(80)
  .regex(ID_PATTERN)
  .describe('A lowercase slug (letters, digits, hyphens), e.g. "restore-ledger-db". Used in URLs, so keep it stable.');

/** A calendar date, `YYYY-MM-DD`. Kept as a string so it reads the same in every time zone. */
export const DateSchema = z.iso.date().describe('A calendar date, YYYY-MM-DD.');

// Kept free of zod so the page's scripts (drill mode) can use them too.
export { durationSeconds, formatDuration } from '../util/duration.ts';

/** Slugifies free text into an id, for hints ("Restore DB" → "restore-db"). */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}
