/** `lifeboat build`: check every runbook, then build the site into the output folder atomically. */
import { rm, writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { build, type AstroIntegration } from 'astro';
import { runChecks } from '../../checks/run-checks.ts';
import { describeRecovery, prepareOutput, stageOutput } from '../../build/atomic-output.ts';
import { hashFile, hashFiles, writeBuildManifest } from '../../build/build-manifest.ts';
import { whenPagesWritten } from '../../build/when-pages-written.ts';
import { finishPages } from '../../build/finish-pages.ts';
import { SERVICE_WORKER_FILE, writeServiceWorker } from '../../build/service-worker.ts';
import { prunePagefind } from '../../build/prune-pagefind.ts';
import { decisionSources, startDiagramPrelayout } from '../../site/diagram-prelayout.ts';
import { runbookIndex, toRunbookEntry } from '../../site/runbook-entry.ts';
import { CONFIG_FLAGS, CONFIG_HELP, EXIT, loadConfigOrExit, parseFlags, useColor } from '../cli-kit.ts';
import { blocksBuild } from '../../errors/issue.ts';
import { handOverProjectLoad, loadProject } from '../../load/load-project.ts';
import { formatCliReport } from '../../reporters/cli.ts';
import { buildInfo } from '../../site/build-info.ts';
import { describeOutcome } from '../../facts/collect-all.ts';
import { refreshFacts } from '../../facts/refresh-facts.ts';
import { astroConfig } from '../../site/astro-config.ts';
import { writePublishedSchema } from '../../build/publish-schema.ts';
import { cacheDir } from '../compile-cache.js';
import { readPassphrases } from '../../private/passphrases.ts';
import { sealPrivatePages } from '../../private/seal-pages.ts';
import { dropFromSitemap } from '../../private/sitemap.ts';

const USAGE = `Usage: lifeboat build [--runbooks DIR] [--out DIR] [--facts-mode snapshot|live|prefer-live] [--verbose]

Checks every runbook, then builds the static site (pages, search index, build manifest).
A runbook with a format error stops the build and nothing is written; the output folder is
replaced only when the whole build succeeded.
Exit codes: 0 built, 1 format errors or build failure, 2 usage or configuration error.

  --facts-mode MODE snapshot (default): use the committed facts; live: collect the clusters in
                    \`collect:\` first and stop if one cannot be read; prefer-live: collect, and fall
                    back to the last snapshot of a cluster that cannot be read (LIFEBOAT_FACTS_MODE)
  --verbose         show Astro's full build log

${CONFIG_HELP}`;

const flags = parseFlags({ ...CONFIG_FLAGS, 'facts-mode': { type: 'string' }, verbose: { type: 'boolean' } }, USAGE);
const started = performance.now();
const config = loadConfigOrExit({ ...flags, factsMode: flags['facts-mode'] });

// The output's parent is created (`--out reports/site`), and what killed builds left is recovered or removed.
try {
  const recovered = describeRecovery(await prepareOutput(config.outDir), config.outDir);
  if (recovered) process.stdout.write(`${recovered}\n`);
} catch (error) {
  process.stderr.write(`Cannot write the output to ${config.outDir}: ${(error as Error).message}. Choose another --out (or LIFEBOAT_OUT, or out: in the configuration).\n`);
  process.exit(EXIT.usage);
}

// Live modes collect before anything else; `live` refuses to build on a cluster it cannot read.
const refreshed = await refreshFacts(config);
for (const outcome of refreshed.outcomes) (outcome.ok ? process.stdout : process.stderr).write(`${describeOutcome(outcome)}\n`);
if (!refreshed.ok) {
  process.stderr.write(`Build stopped: ${refreshed.reason}. The previous output was left untouched.\n`);
  process.exit(EXIT.failed);
}

const now = process.env.LIFEBOAT_NOW ? new Date(process.env.LIFEBOAT_NOW) : new Date();
const project = await loadProject(config, { now });
const { runbooks, issues, facts, drills } = project;
if (issues.length) process.stderr.write(`${formatCliReport(issues, { color: useColor(process.stderr), site: config.site })}\n`);
if (issues.some(blocksBuild)) {
  process.stderr.write('Build stopped: fix the errors above. The previous output was left untouched.\n');
  process.exit(EXIT.failed);
}
// Private runbooks are sealed with their audiences' passphrases, read here and never printed.
const privatePages = runbooks.flatMap((r) => (r.access ? [{ id: r.data.id, title: r.data.title, slug: r.access.slug, audiences: r.access.audiences }] : []));
const secrets = privatePages.length ? readPassphrases(config) : { passphrases: new Map<string, string>(), issues: [] };
if (secrets.issues.length) process.stderr.write(`${formatCliReport(secrets.issues, { color: useColor(process.stderr), site: config.site })}\n`);
if (secrets.issues.some(blocksBuild)) {
  process.stderr.write('Build stopped: private runbooks cannot be encrypted without their passphrases. The previous output was left untouched.\n');
  process.exit(EXIT.failed);
}
// A drill record that cannot be trusted counts as no drill (the findings say so); it never stops a build.
if (drills.issues.length) process.stderr.write(`${formatCliReport(drills.issues, { color: useColor(process.stderr), site: config.site, checked: 'drill records (left out)' })}\n`);

// Findings about the world are shown on the site, never a reason not to publish it.
const findings = runChecks(runbooks, facts, config, { now, factsDisplayDir: relative(config.cwd, config.factsDir) || '.', records: drills.byRunbook });
const findingErrors = findings.filter((f) => f.severity === 'error').length;
if (findings.length) process.stdout.write(`Readiness: ${findingErrors} error${findingErrors === 1 ? '' : 's'}, ${findings.length - findingErrors} warning${findings.length - findingErrors === 1 ? '' : 's'} (lifeboat check lists them); publishing anyway.\n`);

const staged = stageOutput(config.outDir);
const findingsFile = `${staged.dir}.findings.json`;
await writeFile(findingsFile, JSON.stringify(findings));
const abandon = () => {
  void Promise.all([staged.discard(), rm(findingsFile, { force: true })]).finally(() => process.exit(130));
};
process.once('SIGINT', abandon);
process.once('SIGTERM', abandon);

// Code inside the Astro build reads the same settings from the environment; point it at the staging folder.
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
  // The site says which clusters' facts are stale (prefer-live fell back to their last snapshot).
  LIFEBOAT_STALE_FACTS: JSON.stringify(refreshed.stale),
  LIFEBOAT_FINDINGS: findingsFile,
});

// Astro's content loader takes this load instead of reading every runbook again.
handOverProjectLoad(config, project);
// Decision diagrams are laid out in a second process while Astro starts (diagram-prelayout.ts).
const prelayout = startDiagramPrelayout(
  decisionSources(runbooks, {
    base: '/',
    clusters: config.clusters,
    vars: config.vars,
    facts,
    stale: new Map(refreshed.stale.map((s) => [s.cluster, s.reason])),
    index: runbookIndex(runbooks.map(toRunbookEntry)),
  }),
);
process.once('exit', () => prelayout.stop());
// The offline edition and the pages' hashes are made while Pagefind indexes (when-pages-written.ts),
// in a child process (finish-pages.ts).
const pagesWritten = whenPagesWritten(() =>
  finishPages({ dir: staged.dir, offline: { title: config.title, synonyms: config.search.synonyms, ...(config.site ? { site: config.site } : {}), info } }),
);
try {
  // Sealing comes first among the hooks that run once the pages are written: the search index,
  // the offline edition and the hashes must only ever read sealed pages.
  const seal: AstroIntegration = {
    name: 'lifeboat:seal-private',
    hooks: {
      'astro:build:generated': async () => {
        if (!privatePages.length) return;
        const began = performance.now();
        const sealed = await sealPrivatePages(staged.dir, privatePages, secrets.passphrases);
        process.stdout.write(`Sealed ${sealed.pages} private runbook${sealed.pages === 1 ? '' : 's'} for ${sealed.audiences} audience${sealed.audiences === 1 ? '' : 's'} in ${((performance.now() - began) / 1000).toFixed(1)} s.\n`);
      },
    },
  };
  await build(astroConfig(config, { outDir: staged.dir, cacheDir: cacheDir(), logLevel: flags.verbose ? 'info' : 'warn', integrations: [seal, pagesWritten.integration] }));
  await dropFromSitemap(staged.dir, privatePages.map((p) => `/runbooks/${p.slug}/`));
  await writePublishedSchema(staged.dir);
  prelayout.stop();
  const factTimes = Object.fromEntries([...facts].map(([cluster, snapshot]) => [cluster, snapshot.collectedAt]));
  const early = await pagesWritten.result();
  await prunePagefind(staged.dir);
  // The service worker precaches every file by its hash, so it is written after everything else
  // and before the manifest, which lists it too.
  const hashes = (await hashFiles(staged.dir, early)).files;
  await writeServiceWorker(staged.dir, hashes, info);
  hashes[`/${SERVICE_WORKER_FILE}`] = await hashFile(staged.dir, `/${SERVICE_WORKER_FILE}`);
  const manifest = await writeBuildManifest(staged.dir, info, { facts: factTimes, staleFacts: refreshed.stale }, hashes);
  await staged.commit();
  await rm(findingsFile, { force: true });
  const files = Object.values(manifest.files);
  const mb = (files.reduce((sum, f) => sum + f.bytes, 0) / 1e6).toFixed(1);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(`Built ${runbooks.length} runbooks into ${config.outDir}: ${files.length} files, ${mb} MB, in ${seconds} s.\n`);
  process.exit(EXIT.ok);
} catch (error) {
  await pagesWritten.settled();
  await staged.discard();
  await rm(findingsFile, { force: true });
  // The stack only on request: it points into bundles and dependencies, not at the reader's input.
  const detail = error instanceof Error ? ((flags.verbose ? error.stack : undefined) ?? describeError(error)) : String(error);
  const more = flags.verbose ? '' : ' Run it again with --verbose for the stack trace.';
  process.stderr.write(`${detail}\n\nBuild failed. The previous output was left untouched.${more}\n`);
  process.exit(EXIT.failed);
}

/** An error without its stack: Astro's errors also carry where (`loc`) and what to do (`hint`). */
function describeError(error: Error & { loc?: { file?: string; line?: number; column?: number }; hint?: string }): string {
  const where = error.loc?.file ? `${relative(config.cwd, error.loc.file)}${error.loc.line ? `:${error.loc.line}:${error.loc.column ?? 1}` : ''}  ` : '';
  return `${where}${error.name}: ${error.message}${error.hint ? `\n  hint: ${error.hint}` : ''}`;
}
