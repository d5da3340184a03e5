/** `lifeboat dev`: the site with live reload, for writing runbooks. */
import { dev } from 'astro';
import { astroConfig } from '../../site/astro-config.ts';
import { cacheDir } from '../compile-cache.js';
import { CONFIG_FLAGS, CONFIG_HELP, loadConfigOrExit, parseFlags, SERVER_FLAGS, SERVER_HELP, serverOptions } from '../cli-kit.ts';

const USAGE = `Usage: lifeboat dev [--port N] [--host]

Serves the site from the runbooks as they are, and reloads a page when its runbook changes.
Findings are not computed here: run \`lifeboat check\` for those. Stop it with Ctrl-C.

${SERVER_HELP}

${CONFIG_HELP}`;

const flags = parseFlags({ ...CONFIG_FLAGS, ...SERVER_FLAGS }, USAGE);
const config = loadConfigOrExit(flags);
const server = serverOptions(flags, USAGE);
Object.assign(process.env, {
  LIFEBOAT_RUNBOOKS: config.runbooksDir,
  LIFEBOAT_FACTS: config.factsDir,
  ...(config.configFile ? { LIFEBOAT_CONFIG: config.configFile } : {}),
});
await dev({ ...astroConfig(config, { cacheDir: cacheDir(), logLevel: 'info' }), server });
