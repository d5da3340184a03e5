/** `npm run deploy`: publish the build to one or more S3-compatible buckets, in a reader-safe order. */
import { CONFIG_FLAGS, CONFIG_HELP, EXIT, loadConfigOrExit, parseFlags, useColor } from '../src/cli/cli-kit.ts';
import { deployToTarget } from '../src/deploy/deploy-target.ts';
import { readLocalSite } from '../src/deploy/local-site.ts';
import { createRedactor } from '../src/deploy/redact.ts';
import { parseTarget, type S3Target } from '../src/deploy/s3-target.ts';
import type { Issue } from '../src/errors/issue.ts';
import { formatCliReport } from '../src/reporters/cli.ts';
import { formatApplied, formatPlan, targetHeading } from '../src/reporters/deploy-report.ts';

const USAGE = `Usage: npm run deploy -- --target s3://BUCKET[/PREFIX] [--target …] [--endpoint URL] [--region R] [--dry-run]

Publishes the build (the output folder and its lifeboat-manifest.json) to each target, uploading
only what changed: hashed assets first, then pages, then the manifest and service worker, and
deletes what the new version no longer needs only once it is complete. Readers get whole pages
at every moment, even if the deploy is killed; running it again finishes the job.
Credentials come from the standard AWS chain and are never printed.
Exit codes: 0 deployed everywhere, 1 a target failed, 2 usage or configuration error.

  --target URL      s3://BUCKET[/PREFIX], repeatable (one build, several providers). A target can
                    carry its own ?endpoint=URL&region=R&profile=NAME
  --endpoint URL    S3-compatible endpoint for targets without their own (MinIO, R2, Ceph, …)
  --region R        region for targets without their own (default: AWS_REGION or the profile)
  --dry-run         print the plan, change nothing
  --keep N          versions whose assets stay for pages still open, this one included (default 3)
  --concurrency N   uploads in flight per target (default 8)

${CONFIG_HELP}`;

const flags = parseFlags(
  {
    ...CONFIG_FLAGS,
    target: { type: 'string', multiple: true },
    endpoint: { type: 'string' },
    region: { type: 'string' },
    'dry-run': { type: 'boolean' },
    keep: { type: 'string', default: '3' },
    concurrency: { type: 'string', default: '8' },
  },
  USAGE,
);
const redactor = createRedactor();
const color = useColor(process.stderr);
const printIssues = (issues: Issue[]) => process.stderr.write(redactor.apply(`${formatCliReport(issues, { color })}\n`));
const usage = (message: string) => {
  process.stderr.write(redactor.apply(`${message}\n\n${USAGE}\n`));
  process.exit(EXIT.usage);
};

const keep = Number(flags.keep);
const concurrency = Number(flags.concurrency);
if (!flags.target?.length) usage('Name at least one --target s3://BUCKET[/PREFIX].');
if (!Number.isInteger(keep) || keep < 1) usage(`--keep must be a whole number of at least 1, not "${flags.keep}".`);
if (!Number.isInteger(concurrency) || concurrency < 1) usage(`--concurrency must be a whole number of at least 1, not "${flags.concurrency}".`);

const targets: S3Target[] = [];
const usageIssues: Issue[] = [];
for (const text of flags.target!) {
  const parsed = parseTarget(text, { endpoint: flags.endpoint, region: flags.region });
  if ('issue' in parsed) usageIssues.push(parsed.issue);
  else targets.push(parsed.target);
}
if (usageIssues.length) {
  printIssues(usageIssues);
  process.exit(EXIT.usage);
}

const config = loadConfigOrExit(flags);
const local = await readLocalSite(config.outDir);
if ('issues' in local) {
  printIssues(local.issues);
  process.exit(local.issues[0]!.code === 'BuildManifestMissing' ? EXIT.usage : EXIT.failed);
}
const { manifest, files } = local.site;
const out = (text: string) => process.stdout.write(redactor.apply(`${text}\n`));
out(`Build ${manifest.buildId} (commit ${manifest.commit.slice(0, 12)}, built ${manifest.builtAt}): ${files.length} files.`);

const failed: Issue[] = [];
for (const target of targets) {
  const started = performance.now();
  out(`${targetHeading({ target })}${flags['dry-run'] ? ' — dry run, nothing changed' : ''}`);
  const outcome = await deployToTarget(local.site, target, {
    keep,
    concurrency,
    dryRun: flags['dry-run'] === true,
    redactor,
    onStep: (_, step, count) => out(`  ${step}: ${count}`),
  });
  if (outcome.plan && flags['dry-run']) out(formatPlan(outcome.plan));
  else if (outcome.result) out(formatApplied(outcome, (performance.now() - started) / 1000));
  if (outcome.issue) {
    printIssues([outcome.issue]);
    failed.push(outcome.issue);
  }
}

const done = targets.length - failed.length;
if (flags['dry-run']) out(`Planned ${targets.length === 1 ? 'one target' : `${targets.length} targets`}${failed.length ? `; ${failed.length} could not be read (above)` : ''}.`);
else if (failed.length) out(`Deployed build ${manifest.buildId} to ${done} of ${targets.length} targets; ${failed.length} failed (above). Run the same command again to finish.`);
else out(`Deployed build ${manifest.buildId} to ${done === 1 ? 'the target' : `all ${done} targets`}. Check what readers get: npm run verify -- --url PUBLIC_URL`);
const usageLike = failed.some((i) => i.code === 'DeployCredentialsMissing');
process.exitCode = failed.length === 0 ? EXIT.ok : usageLike && failed.length === targets.length ? EXIT.usage : EXIT.failed;
