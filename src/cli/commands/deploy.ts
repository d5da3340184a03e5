/** `lifeboat deploy`: publish the build to one or more S3-compatible buckets, in a reader-safe order. */
import { CONFIG_FLAGS, CONFIG_HELP, EXIT, loadConfigOrExit, recoverBuiltSite, parseFlags, useColor } from '../cli-kit.ts';
import { deployToTarget, type TargetOutcome } from '../../deploy/deploy-target.ts';
import { readLocalSite } from '../../deploy/local-site.ts';
import { createRedactor } from '../../deploy/redact.ts';
import { parseTargets } from '../../deploy/s3-target.ts';
import type { Issue } from '../../errors/issue.ts';
import { formatCliReport } from '../../reporters/cli.ts';
import { formatApplied, formatDeploySummary, formatPlan, targetHeading } from '../../reporters/deploy-report.ts';

const USAGE = `Usage: lifeboat deploy --target s3://BUCKET[/PREFIX] [--target …] [--endpoint URL] [--region R] [--dry-run]

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
const dryRun = flags['dry-run'] === true;
const redactor = createRedactor();
const out = (text: string) => process.stdout.write(redactor.apply(`${text}\n`));
const report = (issues: Issue[]) => process.stderr.write(redactor.apply(`${formatCliReport(issues, { color: useColor(process.stderr) })}\n`));
function fail(issues: Issue[], code: number): never {
  report(issues);
  process.exit(code);
}
function usage(message: string): never {
  process.stderr.write(redactor.apply(`${message}\n\n${USAGE}\n`));
  process.exit(EXIT.usage);
}

const [keep, concurrency] = [Number(flags.keep), Number(flags.concurrency)];
if (!flags.target?.length) usage('Name at least one --target s3://BUCKET[/PREFIX].');
if (!Number.isInteger(keep) || keep < 1) usage(`--keep must be a whole number of at least 1, not "${flags.keep}".`);
if (!Number.isInteger(concurrency) || concurrency < 1) usage(`--concurrency must be a whole number of at least 1, not "${flags.concurrency}".`);
const { targets, issues } = parseTargets(flags.target!, { endpoint: flags.endpoint, region: flags.region });
if (issues.length) fail(issues, EXIT.usage);

const config = loadConfigOrExit(flags);
await recoverBuiltSite(config.outDir);
const local = await readLocalSite(config.outDir);
if ('issues' in local) fail(local.issues, local.issues[0]!.code === 'BuildManifestMissing' ? EXIT.usage : EXIT.failed);
const { site } = local;
const { manifest } = site;
out(`Build ${manifest.buildId} (commit ${manifest.commit.slice(0, 12)}, built ${manifest.builtAt}): ${site.files.length} files.`);

// One target after another, each independent: a provider that is down never stops the others.
const outcomes: TargetOutcome[] = [];
for (const target of targets) {
  const started = performance.now();
  out(`${targetHeading(target)}${dryRun ? ' — dry run, nothing changed' : ''}`);
  const outcome = await deployToTarget(site, target, { keep, concurrency, dryRun, redactor, onStep: (step, count) => out(`  ${step}: ${count}`) });
  if (outcome.plan && dryRun) out(formatPlan(outcome.plan));
  else if (outcome.result) out(formatApplied(outcome, (performance.now() - started) / 1000));
  if (outcome.issue) report([outcome.issue]);
  outcomes.push(outcome);
}
out(formatDeploySummary(manifest.buildId, outcomes, dryRun));

const failed = outcomes.filter((o) => o.issue);
const onlyMissingCredentials = failed.length === outcomes.length && failed.every((o) => o.issue!.code === 'DeployCredentialsMissing');
process.exitCode = failed.length === 0 ? EXIT.ok : onlyMissingCredentials ? EXIT.usage : EXIT.failed;
