/**
 * References in a velero invocation: the backup or schedule a restore or backup starts from, the
 * namespaces it includes or remaps, schedules and backups named by `velero schedule|backup …`,
 * and Velero's own install namespace (`-n`).
 */
import { parseArgs, type FlagSpec } from './cli-args.ts';
import type { CommandReference, ReferenceKind, ReferencingCommand } from './command-reference.ts';
import type { ShellWord } from './shell-syntax.ts';
import { listItems, referenceInWord } from './static-value.ts';

const words = (text: string) => new Set(text.trim().split(/\s+/));

/** Velero's value flags (from `velero … --help`); the rest, `--wait` and `--details` among them, are switches. */
const VELERO_FLAGS: FlagSpec = {
  long: words(`
    --kubecontext --kubeconfig --namespace --features --output --selector --or-selector --label-columns
    --from-backup --from-schedule --include-namespaces --exclude-namespaces --namespace-mappings
    --include-resources --exclude-resources --include-cluster-scoped-resources
    --exclude-cluster-scoped-resources --include-namespace-scoped-resources
    --exclude-namespace-scoped-resources --ttl --storage-location --volume-snapshot-locations
    --schedule --existing-resource-policy --resource-modifier-configmap --item-operation-timeout
    --csi-snapshot-timeout --status-include-resources --status-exclude-resources --ordered-resources
    --resource-policies-configmap --data-mover --parallel-files-upload --provider --bucket --prefix
    --config --credential --access-mode --backup-sync-period --validation-frequency --cacert
    --timeout --labels --annotations --secret-file --plugins --image --uploader-type
    --backup-location-config --snapshot-location-config --pod-annotations --pod-labels
    --service-account-name --garbage-collection-frequency`),
  short: new Set(['n', 'o', 'l', 'L']),
};

/** Velero nouns (`velero backup create`) and verbs (`velero create backup`) both take a second word. */
const COMMAND_GROUPS = words('backup restore schedule backup-location snapshot-location plugin repo client create get describe delete');
const SCHEDULE_VERBS = words('get describe pause unpause delete');
const BACKUP_VERBS = words('get describe logs delete download');

/** What one velero invocation refers to. */
export function veleroReferences(args: readonly ShellWord[]): { command: ReferencingCommand; references: CommandReference[] } {
  const parsed = parseArgs(args, () => VELERO_FLAGS);
  const [first, second] = parsed.positionals.map((w) => w.value);
  const subcommand = first === undefined ? [] : second !== undefined && COMMAND_GROUPS.has(first) ? [first, second] : [first];
  const command: ReferencingCommand = { tool: 'velero', subcommand };
  const references: CommandReference[] = [];
  const add = (word: ShellWord, from: number, to: number, kind: ReferenceKind, via: string) => {
    const ref = referenceInWord(word, from, to, { kind, via, command });
    if (ref) references.push(ref);
  };

  for (const { name, value } of parsed.flags) {
    if (!value) continue;
    const { word, from } = value;
    if (name === '-n' || name === '--namespace') add(word, from, word.value.length, 'Namespace', name);
    else if (name === '--from-backup') add(word, from, word.value.length, 'VeleroBackup', name);
    else if (name === '--from-schedule') add(word, from, word.value.length, 'VeleroSchedule', name);
    else if (name === '--include-namespaces') for (const item of listItems(word, from)) add(word, item.from, item.to, 'Namespace', name);
    else if (name === '--namespace-mappings') {
      // `old:new` pairs: only the source must exist; the target is created by the restore.
      for (const item of listItems(word, from)) {
        const colon = word.value.slice(item.from, item.to).indexOf(':');
        if (colon >= 0) add(word, item.from, item.from + colon, 'Namespace', name);
      }
    }
  }

  const named = namedKind(first, second);
  if (named) for (const word of parsed.positionals.slice(2)) add(word, 0, word.value.length, named.kind, named.via);
  return { command, references };
}

/** `velero schedule describe x` and `velero describe schedules x` name schedules; likewise backups. */
function namedKind(first: string | undefined, second: string | undefined): { kind: ReferenceKind; via: string } | undefined {
  if ((first === 'schedule' && SCHEDULE_VERBS.has(second ?? '')) || (['get', 'describe', 'delete'].includes(first ?? '') && /^schedules?$/.test(second ?? ''))) {
    return { kind: 'VeleroSchedule', via: 'velero schedule' };
  }
  if ((first === 'backup' && BACKUP_VERBS.has(second ?? '')) || (['get', 'describe', 'delete'].includes(first ?? '') && /^backups?$/.test(second ?? ''))) {
    return { kind: 'VeleroBackup', via: 'velero backup' };
  }
  return undefined;
}
