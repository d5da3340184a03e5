// @ts-check
/**
 * `npm run check`: validate every runbook, then check it against the collected cluster facts.
 * The program is src/cli/check-main.ts; this starts it bundled (see src/cli/bundled-entry.js).
 */
import { bundledEntry } from '../src/cli/bundled-entry.js';

await import((await bundledEntry(new URL('../src/cli/check-main.ts', import.meta.url))).href);
