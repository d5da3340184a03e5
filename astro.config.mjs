// @ts-check
/**
 * Only for `astro sync` (the typecheck) and editors in this checkout: `lifeboat build`, `dev` and
 * `preview` pass the same configuration inline (src/site/astro-config.ts), with no file, as they
 * do in a team's project.
 */
import { loadConfig } from './src/config/load-config.ts';
import { cacheDirFor } from './src/cli/project-dir.js';
import { astroConfig } from './src/site/astro-config.ts';
import { formatCliReport } from './src/reporters/cli.ts';

const result = loadConfig();
if (!result.config) throw new Error(`\n${formatCliReport(result.issues)}`);
const { configFile: _file, ...config } = astroConfig(result.config, { cacheDir: process.env.LIFEBOAT_CACHE_DIR || cacheDirFor(process.cwd()) });
export default config;
