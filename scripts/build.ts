/** `npm run build`: check every runbook, then build the site into the output folder atomically. */
import { build } from 'astro';
import { stageOutput } from '../src/build/atomic-output.ts';
import { writeBuildManifest } from '../src/build/build-manifest.ts';
import { CONFIG_FLAGS, CONFIG_HELP, EXIT, loadConfigOrExit, parseFlags, useColor } from '../src/cli/cli-kit.ts';
import { hasErrors } from '../src/errors/issue.ts';
import { loadRunbooks } from '../src/load/load-runbooks.ts';
import { formatCliReport } from '../src/reporters/cli.ts';
import { buildInfo } from '../src/site/build-info.ts';

const USAGE = `Usage: npm run build -- [--runbooks DIR] [--out DIR] [--verbose]

Checks every runbook, then builds the static site (pages, search index, build manifest).
A runbook with a format error stops the build and nothing is written; the output folder is
replaced only when the whole build succeeded.
Exit codes: 0 built, 1 format errors or build failure, 2 usage or configuration error.

  --verbose         show Astro's full build log

${CONFIG_HELP}`;

const flags = parseFlags({ ...CONFIG_FLAGS, verbose: { type: 'boolean' } }, USAGE);
const started = performance.now();
const config = loadConfigOrExit(flags);

const { runbooks, issues } = await loadRunbooks(config.runbooksDir, { clusters: config.clusters, vars: config.vars });
if (issues.length) process.stderr.write(`${formatCliReport(issues, { color: useColor(process.stderr), site: config.site })}\n`);
if (hasErrors(issues)) {
  process.stderr.write('Build stopped: fix the errors above. The previous output was left untouched.\n');
  process.exit(EXIT.failed);
}

const staged = stageOutput(config.outDir);
const abandon = () => {
  void staged.discard().finally(() => process.exit(130));
};
process.once('SIGINT', abandon);
process.once('SIGTERM', abandon);

// astro.config.mjs reads the same settings from the environment; point it at the staging folder.
// The pages are rendered from a separate bundle with its own copy of buildInfo(), so hand it this
// build's identity: the footer of every page and the manifest must name the same build.
const info = buildInfo();
Object.assign(process.env, {
  LIFEBOAT_BUILD_ID: info.buildId,
  LIFEBOAT_BUILD_TIME: info.builtAt,
  LIFEBOAT_COMMIT: info.commit,
  ASTRO_TELEMETRY_DISABLED: '1',
  LIFEBOAT_RUNBOOKS: config.runbooksDir,
  LIFEBOAT_FACTS: config.factsDir,
  LIFEBOAT_OUT: staged.dir,
  ...(config.configFile ? { LIFEBOAT_CONFIG: config.configFile } : {}),
  ...(flags.site ? { LIFEBOAT_SITE: flags.site } : {}),
  ...(flags.title ? { LIFEBOAT_TITLE: flags.title } : {}),
});

try {
  await build({ root: process.cwd(), logLevel: flags.verbose ? 'info' : 'warn' });
  const manifest = await writeBuildManifest(staged.dir, info);
  await staged.commit();
  const files = Object.values(manifest.files);
  const mb = (files.reduce((sum, f) => sum + f.bytes, 0) / 1e6).toFixed(1);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(`Built ${runbooks.length} runbooks into ${config.outDir}: ${files.length} files, ${mb} MB, in ${seconds} s.\n`);
  process.exit(EXIT.ok);
} catch (error) {
  await staged.discard();
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n\nBuild failed. The previous output was left untouched.\n`);
  process.exit(EXIT.failed);
}
