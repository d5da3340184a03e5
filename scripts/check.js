// @ts-check
/**
 * `npm run check`: validate every runbook, then check it against the collected cluster facts.
 * The program is `main()` of src/cli/check-main.ts; this runs it bundled (see src/cli/bundled-entry.js).
 */
import { runBundled } from '../src/cli/bundled-entry.js';

await runBundled(new URL('../src/cli/check-main.ts', import.meta.url));
