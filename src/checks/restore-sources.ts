/**
 * Where a runbook's restores come from: the Velero Schedules it `requires`, and every
 * `velero restore create` in its commands, with the schedule or backup it names (when written
 * out, not a shell variable) and the namespaces it restores. Shared by `lifeboat facts` (which
 * backups' inventories to read) and by the gate (what those backups must hold).
 */
import { fillWithSourceMap, type PlaceholderScope } from '../load/placeholders.ts';
import { allSteps, type Runbook } from '../load/runbook-model.ts';
import { noPosition, type Position } from '../errors/issue.ts';
import { extractReferences, type ReferencingCommand } from './extract/extract-references.ts';

export interface RestoreSource {
  /** The cluster whose facts hold the schedule's backups: the `requires` entry's, or the one the command runs on. */
  cluster: string;
  role: string;
  /** Exactly one of `schedule` and `backup`. */
  schedule?: string;
  backup?: string;
  /** `requires`, `--from-schedule` or `--from-backup`. */
  via: string;
  path: (string | number)[];
  position: () => Position;
}

export interface RestoredNamespace {
  name: string;
  /** The restore's own source, when it names one; otherwise any of the runbook's sources may hold it. */
  source?: RestoreSource;
  via: string;
  path: (string | number)[];
  position: () => Position;
}

export interface RestorePlan {
  sources: RestoreSource[];
  /** Namespaces the runbook restores or requires, each to be found in a backup it restores from. */
  namespaces: RestoredNamespace[];
}

/** `velero restore create` and its verb-first spelling `velero create restore`. */
const RESTORE_CREATE = new Set(['restore create', 'create restore']);

/** Positions are only needed for findings: the site builds plans from entries that have none. */
type RunbookView = Pick<Runbook, 'data' | 'bodySteps'> & Partial<Pick<Runbook, 'locate' | 'locateInValue'>>;

export function restorePlan(runbook: RunbookView, clusters: Readonly<Record<string, string>>, scope: PlaceholderScope): RestorePlan {
  const plan: RestorePlan = { sources: [], namespaces: [] };
  runbook.data.requires?.forEach((req, i) => {
    const cluster = clusters[req.cluster];
    if (!cluster) return;
    const path = ['requires', i, 'name'];
    const position = () => runbook.locate?.(path) ?? noPosition;
    if (req.kind === 'Schedule') plan.sources.push({ cluster, role: req.cluster, schedule: req.name, via: 'requires', path, position });
    if (req.kind === 'Namespace') plan.namespaces.push({ name: req.name, via: 'requires', path, position });
  });
  for (const ref of allSteps(runbook)) {
    ref.step.commands?.forEach((command, c) => {
      const cluster = command.cluster ? clusters[command.cluster] : undefined;
      if (!cluster || !/\brestore\b/.test(command.run)) return;
      const path = [...ref.path, 'commands', c, 'run'];
      const filled = fillWithSourceMap(command.run, scope);
      const at = (offset: number) => () => runbook.locateInValue?.(path, filled.toSource(offset)) ?? noPosition;
      // One command may hold several restores: references of one invocation share its `command`.
      const sourceOf = new Map<ReferencingCommand, RestoreSource>();
      const references = extractReferences(filled.text).filter((r) => r.command.tool === 'velero' && RESTORE_CREATE.has(r.command.subcommand.join(' ')));
      for (const r of references) {
        if ((r.kind === 'VeleroSchedule' || r.kind === 'VeleroBackup') && !sourceOf.has(r.command)) {
          const source: RestoreSource = { cluster, role: command.cluster!, via: r.via, path, position: at(r.start), ...(r.kind === 'VeleroSchedule' ? { schedule: r.name } : { backup: r.name }) };
          sourceOf.set(r.command, source);
          plan.sources.push(source);
        }
      }
      for (const r of references) {
        if (r.kind !== 'Namespace' || (r.via !== '--include-namespaces' && r.via !== '--namespace-mappings')) continue;
        const source = sourceOf.get(r.command);
        plan.namespaces.push({ name: r.name, via: r.via, path, position: at(r.start), ...(source ? { source } : {}) });
      }
    });
  }
  return plan;
}

/** The schedules and backups whose contents a set of runbooks needs, per cluster: what `lifeboat facts` reads. */
export interface InventoryWants {
  schedules: Set<string>;
  backups: Set<string>;
}

export function addWants(into: Map<string, InventoryWants>, plan: RestorePlan): void {
  for (const source of plan.sources) {
    const wants = into.get(source.cluster) ?? { schedules: new Set<string>(), backups: new Set<string>() };
    if (source.schedule) wants.schedules.add(source.schedule);
    if (source.backup) wants.backups.add(source.backup);
    into.set(source.cluster, wants);
  }
}
