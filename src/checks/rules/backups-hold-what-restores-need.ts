import { didYouMean, listNames } from '../../errors/did-you-mean.ts';
import { itemsOf } from '../../facts/queries.ts';
import { crdLookup, setOf } from '../fact-indexes.ts';
import type { Check, CheckContext } from '../check-context.ts';
import { describeBackup, resolveSource, type ResolvedSource, type Unread } from '../backup-sources.ts';
import { customResourceTypes } from '../custom-resource-types.ts';
import { restorePlan } from '../restore-sources.ts';

/**
 * What the backups a runbook restores from hold, from their inventories in the bucket: every
 * namespace it restores or requires is in one of them; every custom resource in a backup comes
 * with its CRD, and so does every CRD the runbook requires; the newest backup of a schedule did
 * not partially fail. A backup whose inventory could not be read is unknown, never missing.
 */
export const backupsHoldWhatRestoresNeed: Check = (ctx) => {
  const plan = restorePlan(ctx.runbook, ctx.clusters, ctx.scope);
  if (plan.sources.length === 0) return;
  const resolved = plan.sources.map((source) => resolveSource(source, ctx.facts));
  const reported = new Set<string>();
  const once = (key: string) => !reported.has(key) && Boolean(reported.add(key));
  const crdName = crdLookup(ctx);

  for (const r of resolved) {
    const at = { path: r.source.path, position: r.source.position(), cluster: r.source.cluster };
    if (r.newer?.phase === 'PartiallyFailed' && once(`partial/${r.newer.name}`)) {
      ctx.report('BackupPartiallyFailed', at, {
        backup: r.newer.name,
        schedule: r.source.schedule!,
        errors: r.newer.errors ? ` with ${r.newer.errors} error${r.newer.errors === 1 ? '' : 's'}` : '',
        fallback: r.backup ? `the older ${r.backup.name}` : 'nothing: no backup of it has completed',
      });
    }
    if (!r.backup) continue;
    if (!r.contents.known) {
      if (r.backups.known && once(`unknown/${r.backup.name}`)) ctx.report('BackupContentsUnknown', at, { backup: r.backup.name, why: r.contents.why, fix: FIX[r.contents.unread ?? 'error'] });
      continue;
    }
    const held = setOf(r.contents.value.crds);
    for (const custom of customResourceTypes(r.contents.value, crdName)) {
      if (held.has(custom.crd) || !once(`crd/${r.backup.name}/${custom.crd}`)) continue;
      reported.add(`crd/${custom.crd}`);
      ctx.report('BackupMissingCrd', at, {
        crd: custom.crd,
        backup: describeBackup(r),
        reason: `though it holds ${custom.count} custom resource${custom.count === 1 ? '' : 's'} of it (${custom.type})`,
        ...causeOf(ctx, r),
      });
    }
  }

  const withBackup = resolved.filter((r) => r.backup);
  // A CRD the runbook requires must come with the backups, unless it is Velero's own: Velero has
  // to be installed to restore anything, and it never restores itself.
  ctx.runbook.data.requires?.forEach((req, i) => {
    if (req.kind !== 'CustomResourceDefinition' || req.name.endsWith('.velero.io') || withBackup.length === 0 || reported.has(`crd/${req.name}`)) return;
    if (withBackup.some((r) => !r.contents.known || setOf(r.contents.value.crds).has(req.name))) return;
    const all = withBackup.flatMap((r) => (r.contents.known ? r.contents.value.crds : []));
    const suggestion = didYouMean(req.name, all);
    ctx.report('BackupMissingCrd', { path: ['requires', i, 'name'], cluster: ctx.clusters[req.cluster] }, {
      crd: req.name,
      backup: withBackup.map(describeBackup).join(' or '),
      reason: 'though the runbook requires it and restores from that backup',
      ...(suggestion ? { suggestion } : {}),
    });
  });

  for (const ns of plan.namespaces) {
    const candidates = ns.source ? withBackup.filter((r) => r.source === ns.source) : withBackup;
    // Unknown contents, or one that holds it: nothing to say (the unknown is reported above).
    if (candidates.length === 0 || candidates.some((r) => !r.contents.known || setOf(r.contents.value.namespaces).has(ns.name))) continue;
    if (!once(`ns/${ns.name}/${candidates.map((r) => r.backup!.name).join()}`)) continue;
    const has = [...new Set(candidates.flatMap((r) => (r.contents.known ? r.contents.value.namespaces : [])))].sort();
    const suggestion = didYouMean(ns.name, has);
    ctx.report('BackupMissingNamespace', { path: ns.path, position: ns.position(), cluster: candidates[0]!.source.cluster }, {
      namespace: ns.name,
      where: ns.via === 'requires' ? 'required by the runbook' : `restored with \`${ns.via}\``,
      backups: candidates.map(describeBackup).join(' or '),
      has: listNames(has),
      ...(suggestion ? { suggestion } : {}),
    });
  }
};

/** The schedule's own setting, when it is what keeps CRDs out. */
function causeOf(ctx: CheckContext, r: ResolvedSource): { cause?: string } {
  if (!r.source.schedule) return {};
  const schedules = itemsOf(ctx.facts.get(r.source.cluster), 'schedules', r.source.cluster);
  const schedule = schedules.known ? schedules.value.find((s) => s.name === r.source.schedule && s.namespace === r.backup?.namespace) : undefined;
  return schedule?.includeClusterResources === false ? { cause: `Schedule "${schedule.name}" sets includeClusterResources: false, which leaves every CRD out.` } : {};
}

/** What to do about contents that could not be read, by why. */
const FIX: Record<Unread, string> = {
  forbidden: 'Grant read access to the inventories (the bucket policy in docs/backups.md), then run `lifeboat facts` again.',
  missing: 'Check the backup in the bucket (`velero backup describe <name> --details` lists its resources when the inventory exists); a new backup from a current Velero writes one.',
  unsupported: 'Lifeboat reads S3 and S3-compatible locations; for another provider, check the backup with `velero backup describe <name> --details`.',
  error: 'Fix what the reason names (credentials: name a profile in backups.buckets.<cluster>.profile; an unreachable endpoint: set backups.buckets.<cluster>.endpoint), then run `lifeboat facts` again (docs/backups.md).',
  'not-read': 'Run `lifeboat facts` again: it reads the inventories of the backups the runbooks restore from (docs/backups.md).',
};
