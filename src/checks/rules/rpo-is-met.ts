import { durationSeconds } from '../../schema/primitives.ts';
import type { Check, CheckContext } from '../check-context.ts';
import { ageText, backupFreshness, coveringNamespace, ofSchedule, type Freshness } from '../backup-freshness.ts';

/**
 * RPO, for every Velero Schedule the runbook requires: its newest completed backup must be
 * younger than the RPO when the facts were collected. A newer backup that failed is named.
 * (Namespaces restored by commands are checked the same way by `commandReferencesExist`.)
 */
export const rpoIsMet: Check = (ctx) => {
  ctx.runbook.data.requires?.forEach((req, i) => {
    const cluster = ctx.clusters[req.cluster];
    if (req.kind !== 'Schedule' || !cluster) return;
    checkRpo(ctx, cluster, ['requires', i, 'name'], { schedule: req.name });
  });
};

/**
 * Shared by the schedule and the namespace forms of the RPO rule. Backups are read in the one
 * cluster the reference names: another cluster's empty list says nothing about this one.
 */
export function checkRpo(
  ctx: CheckContext,
  cluster: string,
  path: (string | number)[],
  target: { schedule?: string; namespace?: string },
  position?: () => ReturnType<CheckContext['runbook']['locate']>,
) {
  const rpo = durationSeconds(ctx.runbook.data.rpo);
  const matches = target.schedule ? ofSchedule(target.schedule) : coveringNamespace(target.namespace!);
  const fresh = backupFreshness([cluster], ctx.facts, matches);
  // The position is worked out only if there is something to report (it may need a YAML AST).
  const at = () => ({ path, cluster, ...(position ? { position: position() } : {}) });
  const subject = target.schedule ? `schedule "${target.schedule}"` : `namespace "${target.namespace}"`;
  if (fresh.clusters.length === 0) {
    ctx.report('FactsUnknown', at(), { what: `The RPO for the backups of ${subject}`, why: fresh.unknown.join('; ') || 'no cluster has backup facts' });
    return;
  }
  if (!fresh.newest) {
    if (target.namespace) ctx.report('NamespaceNotBackedUp', at(), { namespace: target.namespace, clusters: fresh.clusters.map((c) => `"${c}"`).join(' and ') });
    else ctx.report('RpoBreached', at(), { subject, rpo: ctx.runbook.data.rpo, ...failed(fresh), schedule: target.schedule });
    return;
  }
  if (fresh.newest.ageSeconds > rpo) {
    ctx.report('RpoBreached', at(), {
      subject,
      rpo: ctx.runbook.data.rpo,
      age: ageText(fresh.newest.ageSeconds),
      backup: fresh.newest.backup.name,
      ...failed(fresh),
      schedule: target.schedule ?? fresh.newest.backup.schedule,
    });
  }
}

const failed = (fresh: Freshness) => (fresh.failedAfter ? { failed: `${fresh.failedAfter.name} (${fresh.failedAfter.phase ?? 'no phase'})` } : {});
