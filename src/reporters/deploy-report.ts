/**
 * What `lifeboat deploy` prints: per target, the plan (for `--dry-run`) or what was done, then one
 * closing line. Issues go through the shared CLI report, so they look like every other error.
 */
import type { TargetOutcome } from '../deploy/deploy-target.ts';
import type { UploadPlan } from '../deploy/plan-upload.ts';
import type { S3Target } from '../deploy/s3-target.ts';
import { formatBytes, plural } from './format-units.ts';

/** Heading of a target, e.g. `s3://runbooks/site (http://127.0.0.1:4569)`. */
export function targetHeading(target: S3Target): string {
  return `${target.label}${target.endpoint ? ` (${target.endpoint.replace(/\/\/[^@/]*@/, '//')})` : ''}`;
}

/** The plan, one line per upload and deletion, in the order they would happen. */
export function formatPlan(plan: UploadPlan): string {
  const lines: string[] = [];
  const uploads = plan.phases.flatMap((p) => p.uploads);
  const bytes = uploads.reduce((sum, u) => sum + u.file.bytes, 0);
  lines.push(`  would upload ${plural(uploads.length, 'file')} (${formatBytes(bytes)}), then delete ${plan.deletes.length}`);
  for (const phase of plan.phases) {
    for (const { file, reason } of phase.uploads) lines.push(`    ${phase.name.padEnd(14)} ${file.path}  (${reason})`);
  }
  for (const path of plan.deletes) lines.push(`    ${'delete'.padEnd(14)} ${path}`);
  lines.push(`  ${countsLine(plan)}`);
  return lines.join('\n');
}

/** One line after a target is done: what changed, what stayed. */
export function formatApplied(outcome: TargetOutcome, seconds: number): string {
  const { plan, result } = outcome;
  if (!plan || !result) return '';
  const retried = outcome.retries ? `, ${plural(outcome.retries, 'request')} retried` : '';
  return `  uploaded ${plural(result.uploaded, 'file')} (${formatBytes(result.uploadedBytes)}), deleted ${result.deleted}; ${countsLine(plan)}${retried}; ${seconds.toFixed(1)} s`;
}

/** The closing line: how many targets got the build, and what to do next. */
export function formatDeploySummary(buildId: string, outcomes: readonly TargetOutcome[], dryRun: boolean): string {
  const failed = outcomes.filter((o) => o.issue).length;
  const total = outcomes.length;
  if (dryRun) return `Planned ${total === 1 ? 'one target' : `${total} targets`}${failed ? `; ${failed} could not be read (above)` : ''}.`;
  if (failed) return `Deployed build ${buildId} to ${total - failed} of ${total} targets; ${failed} failed (above). Run the same command again to finish.`;
  return `Deployed build ${buildId} to ${total === 1 ? 'the target' : `all ${total} targets`}. Check what readers get: lifeboat verify --url PUBLIC_URL`;
}

function countsLine(plan: UploadPlan): string {
  const parts = [`${plan.unchanged} unchanged`];
  if (plan.kept) parts.push(`${plan.kept} kept for pages still open`);
  if (plan.foreign) parts.push(`${plan.foreign} not published by Lifeboat left alone`);
  return parts.join(', ');
}
