import { listNames } from '../../errors/did-you-mean.ts';
import { fillWithSourceMap } from '../../load/placeholders.ts';
import { allSteps } from '../../load/runbook-model.ts';
import type { FactKind } from '../../schema/facts.ts';
import type { Check, CheckContext } from '../check-context.ts';
import { extractReferences, type CommandReference } from '../extract/extract-references.ts';
import { lookup } from '../lookup.ts';
import { PARITY_KIND_NAMES } from '../parity.ts';
import { checkRpo } from './rpo-is-met.ts';
import { emptyRestored, isRestored, mergeRestored, noteRestores } from '../restored-namespaces.ts';

const FACTS = {
  Namespace: { kind: 'namespaces', code: 'NamespaceNotFound', label: 'Namespace' },
  CustomResourceDefinition: { kind: 'customResourceDefinitions', code: 'CrdNotFound', label: 'CustomResourceDefinition' },
  StorageClass: { kind: 'storageClasses', code: 'StorageClassNotFound', label: 'StorageClass' },
  VeleroBackup: { kind: 'backups', code: 'BackupNotFound', label: 'Velero Backup' },
  VeleroSchedule: { kind: 'schedules', code: 'ScheduleNotFound', label: 'Velero Schedule' },
} as const satisfies Record<CommandReference['kind'], { kind: FactKind; code: string; label: string }>;

/**
 * Implicit references: what the commands themselves name — `kubectl -n`, `get crd`,
 * `storageClassName:` in heredoc manifests, `velero --from-backup`, `--include-namespaces`,
 * schedule names — checked in the cluster the command runs on, at the column where the name is
 * written. Placeholders are filled first (so `-n {{ ns }}` is checked as the namespace it
 * becomes); shell variables and run-time values are never checked. A command with no `cluster`
 * is skipped: nobody can know where it runs. Namespaces a Velero restore earlier in the runbook
 * (or in a runbook it runs `after:`) brings back count as present.
 */
export const commandReferencesExist: Check = (ctx) => {
  // Walk the commands in reading order: a namespace a restore brings back exists for later steps.
  const restored = emptyRestored();
  mergeRestored(restored, ctx.restoredBefore);
  for (const ref of allSteps(ctx.runbook)) {
    ref.step.commands?.forEach((command, c) => {
      const cluster = command.cluster ? ctx.clusters[command.cluster] : undefined;
      if (!cluster) return;
      const path = [...ref.path, 'commands', c, 'run'];
      const filled = fillWithSourceMap(command.run, ctx.scope);
      // A restore and the commands after it often share one multi-line command.
      noteRestores(filled.text, cluster, restored);
      const seen = new Set<string>();
      for (const found of extractReferences(filled.text)) {
        const key = `${found.kind}/${found.name}/${found.via}`;
        if (seen.has(key) || found.name.startsWith('<unknown:')) continue;
        seen.add(key);
        if (found.kind === 'Namespace' && found.command.tool !== 'velero' && isRestored(restored, cluster, found.name)) continue;
        // Positions need the YAML AST; build it only for a command that has a finding.
        const position = () => ctx.runbook.locateInValue(path, filled.toSource(found.start));
        checkReference(ctx, found, { path, position, cluster, role: command.cluster! });
      }
    });
  }
};

type Site = { path: (string | number)[]; position: () => ReturnType<CheckContext['runbook']['locate']>; cluster: string; role: string };

function checkReference(ctx: CheckContext, ref: CommandReference, site: Site): void {
  const { tool, subcommand } = ref.command;
  const restores = tool === 'velero' && subcommand[0] === 'restore';
  // Namespaces a restore names are namespaces *in the backups*: check coverage and freshness.
  if (ref.kind === 'Namespace' && restores && (ref.via === '--include-namespaces' || ref.via === '--namespace-mappings')) {
    checkRpo(ctx, site.cluster, site.path, { namespace: ref.name }, site.position);
    return;
  }
  const spec = FACTS[ref.kind];
  const namespace = ref.kind === 'VeleroBackup' || ref.kind === 'VeleroSchedule' ? 'velero' : undefined;
  const found = lookup(ctx.facts.get(site.cluster), site.cluster, spec.kind, ref.name, namespace);
  if (found.state === 'found' && !(site.role === ctx.settings.parity.primary && (ref.kind === 'CustomResourceDefinition' || ref.kind === 'StorageClass'))) return;
  const at = { path: site.path, position: site.position(), cluster: site.cluster };
  const where = `named by \`${ref.via}\` in ${tool} ${subcommand.join(' ')}`.trim();
  if (found.state === 'unknown') {
    ctx.report('FactsUnknown', at, { what: `${spec.label} "${ref.name}" (${where}) in cluster "${site.cluster}"`, why: found.why });
  } else if (found.state === 'missing') {
    ctx.report(spec.code, at, {
      name: ref.name,
      cluster: site.cluster,
      role: site.role,
      where,
      candidates: listNames(found.candidates),
      ...(found.suggestion ? { suggestion: found.suggestion } : {}),
    });
  } else if (site.role === ctx.settings.parity.primary && (ref.kind === 'CustomResourceDefinition' || ref.kind === 'StorageClass')) {
    const kind = ref.kind === 'StorageClass' ? 'storageClasses' : 'customResourceDefinitions';
    const dr = ctx.clusters[ctx.settings.parity.dr];
    if (dr && ctx.parityGaps.get(kind)?.has(ref.name)) {
      ctx.report('ParityGap', { ...at, cluster: dr }, {
        kind: PARITY_KIND_NAMES[kind],
        name: ref.name,
        primary: site.cluster,
        dr,
        used: ', and this command uses it',
        hint: `Create it in "${dr}" before it is needed, or give the DR step its own command.`,
      });
    }
  }
}
