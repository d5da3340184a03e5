// @ts-check
/**
 * `lifeboat <command> [flags]`: finds the project, points caches into it, and runs the command.
 * Plain JavaScript so that `lifeboat check` reaches its bundle (bundled-entry.js) without loading
 * Node's TypeScript stripper first; every other command is a TypeScript module under commands/
 * that runs when imported and reads its flags from process.argv.
 */
import { INSTALLED } from './typescript-hooks.js';
import { cacheDirFor, projectDirFor } from './project-dir.js';

/** Every command, in the order `lifeboat --help` lists them. */
export const COMMANDS = {
  init: 'create a Lifeboat project in this folder (config, starter runbooks, CI workflows)',
  check: 'validate runbooks and check them against the collected cluster facts (the CI gate)',
  build: 'build the static site into the output folder, atomically',
  facts: 'collect facts from clusters into facts/<cluster>.json',
  parity: 'compare the primary and DR clusters from the collected facts',
  pdf: 'print the built site into binder.pdf and one PDF per runbook',
  deploy: 'publish the built site to S3-compatible buckets, in a reader-safe order',
  verify: 'check that a deployed site serves exactly the build it claims',
  import: 'turn Markdown runbooks from a wiki or another tool into Lifeboat runbooks',
  drill: 'file drill records (lifeboat drill add FILE…), checked against their runbooks',
  dev: 'serve the site with live reload while writing runbooks',
  preview: 'serve the built site locally',
  schema: 'print or write the runbook JSON Schema (for editor completion)',
};

/** @param {string[]} argv the arguments after `lifeboat` */
export async function startCli(argv) {
  const [command, ...rest] = argv;
  if (command === '--version' || command === '-v') return void process.stdout.write(`${await version()}\n`);
  if (command === undefined || command === '--help' || command === '-h') return void process.stdout.write(await usage());
  if (command === 'help') return startCli(rest.length ? [rest[0] ?? '', '--help'] : ['--help']);
  if (!Object.hasOwn(COMMANDS, command)) {
    const { didYouMean } = await import('../errors/did-you-mean.ts');
    const guess = didYouMean(command, Object.keys(COMMANDS));
    process.stderr.write(
      `"${command}" is not a lifeboat command.${guess ? ` Did you mean "${guess}"?` : ''}\n` +
        `Commands: ${Object.keys(COMMANDS).join(', ')}. Run \`lifeboat --help\` for what each does.\n`,
    );
    process.exitCode = 2;
    return;
  }

  // A crash is one line and a way to see more, never a stack through a minified bundle (whose
  // source line Node would print first). `--verbose` asks for the stack; `build` also reads it.
  const dashes = rest.indexOf('--');
  const verbose = rest.slice(0, dashes === -1 ? undefined : dashes).includes('--verbose');
  const args = OWN_VERBOSE.has(command) ? rest : rest.filter((arg, i) => arg !== '--verbose' || (dashes !== -1 && i > dashes));
  const crash = (/** @type {unknown} */ error) => reportCrash(command, error, verbose);
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  try {
    await runCommand(command, args, verbose);
  } catch (error) {
    crash(error);
  }
}

/** Commands that take `--verbose` themselves (for their own log); the others only get stacks from it. */
const OWN_VERBOSE = new Set(['build']);

/** Commands run in a worker thread with this young-generation cap, in MB (see command-worker.js). */
const IN_WORKER = /** @type {Record<string, number>} */ ({ facts: 16 });

/**
 * @param {string} command
 * @param {string[]} rest the command's arguments
 * @param {boolean} verbose
 */
async function runCommand(command, rest, verbose) {
  // Caches belong to the team's project (the package may be read-only): every part of Lifeboat
  // and its child processes read this variable.
  const project = projectDirFor(rest, process.env, process.cwd());
  process.env.LIFEBOAT_CACHE_DIR ||= cacheDirFor(project);
  process.env.ASTRO_TELEMETRY_DISABLED ??= '1';
  // Commands read their flags from process.argv, after the node and script paths.
  process.argv = [process.argv[0] ?? process.execPath, process.argv[1] ?? 'lifeboat', ...rest];

  if (command === 'check') {
    const { runBundled } = await import('./bundled-entry.js');
    return runBundled(new URL('./commands/check.ts', import.meta.url));
  }
  if (Object.hasOwn(IN_WORKER, command)) {
    const { runInWorker } = await import('./command-worker.js');
    return runInWorker(new URL(`./commands/${command}.ts`, import.meta.url), rest, { command, verbose, youngGenerationMb: IN_WORKER[command] ?? 16 });
  }
  // init runs once in a folder that may not be a project yet: no cache to leave behind there.
  if (command !== 'init') {
    const { useCompileCache } = await import('./compile-cache.js');
    useCompileCache();
  }
  await import(`./commands/${command}.ts`);
}

/**
 * Says in one line that `command` failed and how to see why, then exits 1. With `--verbose`,
 * the stack follows (a stack names files and lines, never prints source).
 * @param {string} command
 * @param {unknown} error
 * @param {boolean} verbose
 */
export function reportCrash(command, error, verbose) {
  const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const firstLine = (what.split('\n', 1)[0] ?? '').replace(/\.$/, '');
  const short = firstLine.length > 300 ? `${firstLine.slice(0, 300)}…` : firstLine;
  const more = verbose
    ? `\n${error instanceof Error ? (error.stack ?? what) : what}\n`
    : ` Run \`lifeboat ${command} --verbose\` for the stack trace, and please report it if your input is not the cause.\n`;
  process.stderr.write(`lifeboat ${command} failed unexpectedly: ${short}.${more}`);
  process.exit(1);
}

async function version() {
  const { readFileSync } = await import('node:fs');
  return JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;
}

async function usage() {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  const lines = Object.entries(COMMANDS).map(([name, summary]) => `  ${name.padEnd(width)}  ${summary}`);
  return `Usage: lifeboat <command> [flags]

Disaster-recovery runbooks as a static site that outlives the cluster, checked against the
clusters they describe. lifeboat ${await version()}${INSTALLED ? '' : ' (from a checkout)'}

Commands:
${lines.join('\n')}

Run \`lifeboat <command> --help\` for a command's flags. \`lifeboat --version\` prints the version.
Every command also takes \`--verbose\`, which adds the stack trace to an unexpected error.
Exit codes: 0 ok, 1 errors or findings, 2 usage or configuration error.
`;
}
