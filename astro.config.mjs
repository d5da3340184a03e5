// @ts-check
/**
 * Only for `astro sync` (the typecheck) and editors in this checkout: `lifeboat build`, `dev` and
 * `preview` pass the same configuration inline (src/site/astro-config.ts), with no file, as they
 * do in a team's project.
 */
import { fileURLToPath } from 'node:url';
import { loadConfig } from './src/config/load-config.ts';
import { cacheDirFor } from './src/cli/project-dir.js';
import { astroConfig } from './src/site/astro-config.ts';
import { formatCliReport } from './src/reporters/cli.ts';

const result = loadConfig();
if (!result.config) throw new Error(`\n${formatCliReport(result.issues)}`);
const { configFile: _file, ...config } = astroConfig(result.config, { cacheDir: process.env.LIFEBOAT_CACHE_DIR || cacheDirFor(process.cwd()) });
// Here the checkout is the root, so that `astro sync` writes .astro/types.d.ts where tsconfig.json reads it.
export default { ...config, root: fileURLToPath(new URL('.', import.meta.url)) };
