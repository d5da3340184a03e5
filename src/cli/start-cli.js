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
  // init runs once in a folder that may not be a project yet: no cache to leave behind there.
  if (command !== 'init') {
    const { useCompileCache } = await import('./compile-cache.js');
    useCompileCache();
  }
  await import(`./commands/${command}.ts`);
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
Exit codes: 0 ok, 1 errors or findings, 2 usage or configuration error.
`;
}
