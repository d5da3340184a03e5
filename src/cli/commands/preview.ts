/** `lifeboat preview`: serve the built site on this machine, as a static host would. */
import { existsSync } from 'node:fs';
import { preview } from 'astro';
import { astroConfig } from '../../site/astro-config.ts';
import { cacheDir } from '../compile-cache.js';
import { CONFIG_FLAGS, CONFIG_HELP, EXIT, exitWithUsage, loadConfigOrExit, parseFlags } from '../cli-kit.ts';

const USAGE = `Usage: lifeboat preview [--port N] [--host]

Serves the output folder (run \`lifeboat build\` first) the way a static host would. Stop it with Ctrl-C.

  --port N          port to listen on (default 4321)
  --host            listen on every network interface, not only this machine

${CONFIG_HELP}`;

const flags = parseFlags({ ...CONFIG_FLAGS, port: { type: 'string', default: '4321' }, host: { type: 'boolean' } }, USAGE);
const config = loadConfigOrExit(flags);
const port = Number(flags.port);
if (!Number.isInteger(port) || port < 1 || port > 65535) exitWithUsage(`--port must be a port number from 1 to 65535, not "${flags.port}".`, USAGE);
if (!existsSync(config.outDir)) {
  process.stderr.write(`Nothing to preview: ${config.outDir} does not exist. Run \`lifeboat build\` first.\n`);
  process.exit(EXIT.failed);
}
await preview({ ...astroConfig(config, { cacheDir: cacheDir() }), server: { port, host: flags.host === true } });
