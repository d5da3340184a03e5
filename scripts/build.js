// @ts-check
/**
 * `npm run build`: check every runbook, then build the site into the output folder atomically.
 * The program is src/cli/build-main.ts; V8's compile cache is turned on before it loads
 * (src/cli/compile-cache.js).
 */
import { useCompileCache } from '../src/cli/compile-cache.js';

useCompileCache();
await import('../src/cli/build-main.ts');
