/** `lifeboat preview`: serve the built site on this machine, as a static host would. */
import { existsSync } from 'node:fs';
import { preview } from 'astro';
import { astroConfig } from '../../site/astro-config.ts';
import { cacheDir } from '../compile-cache.js';
import { CONFIG_FLAGS, CONFIG_HELP, EXIT, loadConfigOrExit, recoverBuiltSite, parseFlags, SERVER_FLAGS, SERVER_HELP, serverOptions } from '../cli-kit.ts';

const USAGE = `Usage: lifeboat preview [--port N] [--host]

Serves the output folder (run \`lifeboat build\` first) the way a static host would. Stop it with Ctrl-C.

${SERVER_HELP}

${CONFIG_HELP}`;

const flags = parseFlags({ ...CONFIG_FLAGS, ...SERVER_FLAGS }, USAGE);
const config = loadConfigOrExit(flags);
const server = serverOptions(flags, USAGE);
await recoverBuiltSite(config.outDir);
if (!existsSync(config.outDir)) {
  process.stderr.write(`Nothing to preview: ${config.outDir} does not exist. Run \`lifeboat build\` first.\n`);
  process.exit(EXIT.failed);
}
await preview({ ...astroConfig(config, { cacheDir: cacheDir() }), server });
