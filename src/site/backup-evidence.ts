/**
 * The evidence behind a runbook's backups, for its page, the readiness dashboard and the binder:
 * per backup it relies on (Velero schedules and backups it restores from, CronJobs marked
 * `backup: true`), the newest good backup or run and its age against the RPO, what that backup
 * holds of what the runbook needs, and the last restore seen in a cluster. The same facts and the
 * same rules as the gate (backup-sources.ts, cron-job-health.ts, observed-restores.ts), so the page
 * never says "fine" where `lifeboat check` says otherwise.
 */
import { ageText } from '../checks/backup-freshness.ts';
import { resolveSource } from '../checks/backup-sources.ts';
import { cronJobHealth } from '../checks/cron-job-health.ts';
import { customResourceTypes } from '../checks/custom-resource-types.ts';
import { allObserved, newestPerSource, observedRestores, type ObservedRestore } from '../checks/observed-restores.ts';
import { restorePlan } from '../checks/restore-sources.ts';
import { crdLookup } from '../checks/fact-indexes.ts';
import { itemsOf } from '../facts/queries.ts';
import type { PlaceholderScope } from '../load/placeholders.ts';
import type { FactsSnapshot, KindItem } from '../schema/facts.ts';
import { durationSeconds, formatDuration } from '../schema/primitives.ts';
import type { RunbookEntry } from './runbook-entry.ts';

export type Verdict = 'ok' | 'problem' | 'unknown';

export interface BackupEvidenceItem {
  /** "Velero schedule payments-hourly", "Velero backup x", "CronJob ledger/ledger-pg-dump". */
  label: string;
  cluster: string;
  verdict: Verdict;
  /** The newest good backup or run: name, when, age at facts time, against the RPO. */
  newest?: { name: string; at: string; age: string; withinRpo: boolean };
  /** What is wrong, one sentence each. */
  problems: string[];
  /** What could not be known, one sentence each. */
  unknowns: string[];
  /** What the newest backup holds of what the runbook needs (Velero only). */
  contents?: { known: true; needed: { name: string; present: boolean }[]; missingCrds: string[]; summary: string } | { known: false; why: string };
  lastRestore?: RestoreEvidence;
}

export interface RestoreEvidence {
  name: string;
  backup: string;
  cluster: string;
  /** Completion (or start) date, YYYY-MM-DD. */
  date: string;
  phase: string;
  succeeded: boolean;
  /** Measured restore time, e.g. "38m". */
  duration?: string;
  /** "1 error, 4 warnings". */
  problems?: string;
}

export interface BackupEvidence {
  items: BackupEvidenceItem[];
  /** Every observed restore of a backup the runbook restores from, newest first (drill history). */
  restores: RestoreEvidence[];
}

export function backupEvidence(entry: RunbookEntry, clusters: Readonly<Record<string, string>>, facts: ReadonlyMap<string, FactsSnapshot>, scope: PlaceholderScope): BackupEvidence {
  const data = entry.runbook;
  const rpo = durationSeconds(data.rpo);
  const plan = restorePlan({ data, bodySteps: entry.bodySteps }, clusters, scope);
  const observed = observedRestores(plan, facts, Object.values(clusters));
  const restores = allObserved(observed).map(restoreEvidence);
  const lastBySource = newestPerSource(observed);
  const crdName = crdLookup({ clusters, facts });
  const items: BackupEvidenceItem[] = [];
  const seen = new Set<string>();
  for (const source of plan.sources) {
    const key = `${source.cluster}/${source.schedule ?? ''}/${source.backup ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const r = resolveSource(source, facts);
    const label = source.schedule ? `Velero schedule ${source.schedule}` : `Velero backup ${source.backup}`;
    const item: BackupEvidenceItem = { label, cluster: source.cluster, verdict: 'ok', problems: [], unknowns: [] };
    const last = lastBySource.get(source.schedule ?? source.backup ?? '');
    if (last) item.lastRestore = restoreEvidence(last);
    if (!r.backups.known) {
      items.push({ ...item, verdict: 'unknown', unknowns: [`Its backups are unknown: ${r.backups.why}.`] });
      continue;
    }
    if (r.backup) {
      const at = r.backup.startTimestamp ?? r.backup.completionTimestamp ?? '';
      const age = Math.max(0, (Date.parse(facts.get(source.cluster)!.collectedAt) - Date.parse(at)) / 1000);
      item.newest = { name: r.backup.name, at, age: ageText(age), withinRpo: age <= rpo };
      if (age > rpo) item.problems.push(`Older than the ${data.rpo} RPO.`);
    } else item.problems.push('No backup of it has completed.');
    if (r.newer) item.problems.push(`The newer ${r.newer.name} ended ${r.newer.phase ?? 'without a phase'}${r.newer.errors ? ` with ${r.newer.errors} errors` : ''}.`);
    if (r.backup && !r.contents.known) item.contents = { known: false, why: r.contents.why };
    if (r.backup && r.contents.known) {
      const held = r.contents.value;
      const needed = plan.namespaces.filter((n) => !n.source || n.source === source).map((n) => ({ name: n.name, present: held.namespaces.includes(n.name) }));
      const missingCrds = customResourceTypes(held, crdName).filter((t) => !held.crds.includes(t.crd)).map((t) => t.crd);
      const objects = Object.values(held.resources).reduce((a, b) => a + b, 0);
      item.contents = {
        known: true,
        needed: [...new Map(needed.map((n) => [n.name, n])).values()],
        missingCrds,
        summary: `${objects.toLocaleString('en-US')} objects in ${held.namespaces.length} namespace${held.namespaces.length === 1 ? '' : 's'}, ${held.crds.length} CRD${held.crds.length === 1 ? '' : 's'}`,
      };
    }
    if (last && !last.succeeded) item.problems.push(`The last restore test, ${last.restore.name}, ended ${last.restore.phase ?? 'without a phase'}.`);
    item.verdict = verdictOf(item);
    items.push(item);
  }
  data.requires?.forEach((req) => {
    const cluster = clusters[req.cluster];
    if (req.kind !== 'CronJob' || !req.backup || !cluster || !req.namespace) return;
    items.push(cronJobEvidence(`${req.namespace}/${req.name}`, cluster, facts.get(cluster), rpo, data.rpo));
  });
  return { items, restores };
}

function cronJobEvidence(name: string, cluster: string, snapshot: FactsSnapshot | undefined, rpo: number, rpoText: string): BackupEvidenceItem {
  const item: BackupEvidenceItem = { label: `CronJob ${name}`, cluster, verdict: 'ok', problems: [], unknowns: [] };
  const known = itemsOf(snapshot, 'cronJobs', cluster);
  if (!known.known) return { ...item, verdict: 'unknown', unknowns: [`CronJobs are unknown: ${known.why}.`] };
  const cronJob = known.value.find((c: KindItem<'cronJobs'>) => `${c.namespace}/${c.name}` === name);
  if (!cronJob) return { ...item, verdict: 'problem', problems: ['It does not exist in the cluster.'] };
  const health = cronJobHealth(cronJob, snapshot!.collectedAt);
  if (cronJob.suspend) item.problems.push('It is suspended.');
  if (health.lastSuccess && health.ageSeconds !== undefined) {
    item.newest = { name: health.lastSuccessJob?.name ?? 'last successful run', at: health.lastSuccess, age: ageText(health.ageSeconds), withinRpo: health.ageSeconds <= rpo };
    if (health.ageSeconds > rpo) item.problems.push(`Older than the ${rpoText} RPO.`);
  } else if (health.failing !== null) item.problems.push('It has never succeeded.');
  if (health.failing === null) item.unknowns.push('Its recent runs are unknown (Jobs could not be read).');
  else if (health.failing.length > 0) item.problems.push(`The last ${health.failing.length === 1 ? 'run' : `${health.failing.length} runs`} failed, since ${health.failing.at(-1)!.start ?? 'an unknown time'}.`);
  item.verdict = verdictOf(item);
  return item;
}

function verdictOf(item: BackupEvidenceItem): Verdict {
  const missing = item.contents?.known && (item.contents.missingCrds.length > 0 || item.contents.needed.some((n) => !n.present));
  if (item.problems.length > 0 || missing) return 'problem';
  return item.unknowns.length > 0 || item.contents?.known === false ? 'unknown' : 'ok';
}

function restoreEvidence(o: ObservedRestore): RestoreEvidence {
  const { restore } = o;
  const problems = [restore.errors ? `${restore.errors} error${restore.errors === 1 ? '' : 's'}` : '', restore.warnings ? `${restore.warnings} warning${restore.warnings === 1 ? '' : 's'}` : ''].filter(Boolean).join(', ');
  return {
    name: restore.name,
    backup: restore.backup,
    cluster: o.cluster,
    date: (restore.completionTimestamp ?? restore.startTimestamp ?? '').slice(0, 10),
    phase: restore.phase ?? 'unknown',
    succeeded: o.succeeded,
    ...(o.seconds !== undefined ? { duration: formatDuration(Math.max(60, Math.round(o.seconds / 60) * 60)) } : {}),
    ...(problems ? { problems } : {}),
  };
}
