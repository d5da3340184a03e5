/** `lifeboat dev`: the site with live reload, for writing runbooks. */
import { dev } from 'astro';
import { astroConfig } from '../../site/astro-config.ts';
import { cacheDir } from '../compile-cache.js';
import { CONFIG_FLAGS, CONFIG_HELP, exitWithUsage, loadConfigOrExit, parseFlags } from '../cli-kit.ts';

const USAGE = `Usage: lifeboat dev [--port N] [--host]

Serves the site from the runbooks as they are, and reloads a page when its runbook changes.
Findings are not computed here: run \`lifeboat check\` for those. Stop it with Ctrl-C.

  --port N          port to listen on (default 4321)
  --host            listen on every network interface, not only this machine

${CONFIG_HELP}`;

const flags = parseFlags({ ...CONFIG_FLAGS, port: { type: 'string', default: '4321' }, host: { type: 'boolean' } }, USAGE);
const config = loadConfigOrExit(flags);
const port = Number(flags.port);
if (!Number.isInteger(port) || port < 1 || port > 65535) exitWithUsage(`--port must be a port number from 1 to 65535, not "${flags.port}".`, USAGE);
Object.assign(process.env, {
  LIFEBOAT_RUNBOOKS: config.runbooksDir,
  LIFEBOAT_FACTS: config.factsDir,
  ...(config.configFile ? { LIFEBOAT_CONFIG: config.configFile } : {}),
});
await dev({ ...astroConfig(config, { cacheDir: cacheDir(), logLevel: 'info' }), server: { port, host: flags.host === true } });
