/**
 * The edge: shared by the thin scripts in `scripts/`. Parses flags, loads the configuration,
 * prints, and sets exit codes (0 ok, 1 errors or findings, 2 usage or configuration error).
 */
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { loadConfig, type ConfigOverrides } from '../config/load-config.ts';
import type { LifeboatConfig } from '../config/config-schema.ts';
import { formatCliReport } from '../reporters/cli.ts';
import { didYouMean } from '../errors/did-you-mean.ts';
import { describeRecovery, recoverOutput } from '../build/atomic-output.ts';

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/**
 * A reader that stops early (`lifeboat check | head`) closes the pipe under us. That is the reader's
 * choice, not a failure: end with the exit code the command had, instead of a stack trace about
 * EPIPE. Any other output error is still thrown.
 */
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? EXIT.ok);
  });
}

/** Flags every command that reads the configuration accepts. */
export const CONFIG_FLAGS = {
  config: { type: 'string' },
  runbooks: { type: 'string' },
  facts: { type: 'string' },
  drills: { type: 'string' },
  out: { type: 'string' },
  site: { type: 'string' },
  title: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsOptionsConfig;

export const CONFIG_HELP = `Configuration (flags win over environment, then lifeboat.config.yaml):
  --config FILE     configuration file            (LIFEBOAT_CONFIG, default lifeboat.config.yaml)
  --runbooks DIR    runbooks folder               (LIFEBOAT_RUNBOOKS, default runbooks)
  --facts DIR       facts snapshots folder        (LIFEBOAT_FACTS, default facts)
  --drills DIR      drill records folder          (LIFEBOAT_DRILLS, default drills)
  --out DIR         build output folder           (LIFEBOAT_OUT, default dist)
  --site URL        public URL of the site        (LIFEBOAT_SITE)
  --title TEXT      site title                    (LIFEBOAT_TITLE)`;

/** Flags of the commands that serve the site (`dev`, `preview`). */
export const SERVER_FLAGS = {
  port: { type: 'string', default: '4321' },
  host: { type: 'boolean' },
} as const satisfies ParseArgsOptionsConfig;

export const SERVER_HELP = `  --port N          port to listen on (default 4321)
  --host            listen on every network interface, not only this machine`;

/** Astro's server settings from SERVER_FLAGS, or usage and exit 2 for a bad port. */
export function serverOptions(flags: { port: string; host?: boolean }, usage: string): { port: number; host: boolean } {
  const port = Number(flags.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) exitWithUsage(`--port must be a port number from 1 to 65535, not "${flags.port}".`, usage);
  return { port, host: flags.host === true };
}

export const useColor = (stream: NodeJS.WriteStream = process.stdout) => stream.isTTY === true && !process.env.NO_COLOR;

/** Parses argv or exits 2 with the usage text. */
export function parseFlags<O extends ParseArgsOptionsConfig>(options: O, usage: string, argv = process.argv.slice(2)) {
  return parseCommandLine(options, usage, argv).values;
}

/** Parses flags and positional arguments (`lifeboat import SRC… --out DIR`), or exits 2 with the usage text. */
export function parseCommandLine<O extends ParseArgsOptionsConfig>(options: O, usage: string, argv = process.argv.slice(2), allowPositionals = false) {
  try {
    const parsed = parseArgs({ options, args: argv, allowPositionals, strict: true });
    if ((parsed.values as { help?: boolean }).help) {
      process.stdout.write(`${usage}\n`);
      process.exit(EXIT.ok);
    }
    return parsed;
  } catch (error) {
    exitWithUsage(describeParseError(error as Error & { code?: string }, options), usage);
  }
}

/** node:util's message, and for an unknown flag the valid ones with the likeliest meant. */
function describeParseError(error: Error & { code?: string }, options: ParseArgsOptionsConfig): string {
  if (error.code !== 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return error.message;
  const given = /'(-{1,2}[^']*)'/.exec(error.message)?.[1] ?? '';
  const flags = Object.keys(options).map((name) => `--${name}`);
  const guess = didYouMean(given.replace(/=.*$/, ''), flags);
  return `Unknown flag "${given}".${guess ? ` Did you mean "${guess}"?` : ''}\nValid flags: ${flags.join(', ')}.`;
}

/** Says what is wrong with the command line, then the usage text, and exits 2. */
export function exitWithUsage(message: string, usage: string): never {
  process.stderr.write(`${message}\n\n${usage}\n`);
  process.exit(EXIT.usage);
}

/** Loads the configuration, or prints the problems and exits 2. */
export function loadConfigOrExit(flags: ConfigOverrides): LifeboatConfig {
  const result = loadConfig(flags);
  if (result.config) return result.config;
  process.stderr.write(`${formatCliReport(result.issues, { color: useColor(process.stderr) })}\n`);
  process.exit(EXIT.usage);
}

/**
 * For commands that read the built site (pdf, deploy, verify, preview): finishes a switch that a
 * killed build left half done, so they find the site (atomic-output.ts). Says so on stderr,
 * which stays out of `--format json` output; a failure to clean up is only a warning.
 */
export async function recoverBuiltSite(outDir: string): Promise<void> {
  try {
    const recovered = describeRecovery(await recoverOutput(outDir), outDir);
    if (recovered) process.stderr.write(`${recovered}\n`);
  } catch (error) {
    process.stderr.write(`Could not check ${outDir} for what an interrupted build left: ${(error as Error).message}.\n`);
  }
}
