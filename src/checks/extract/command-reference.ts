/**
 * What the implicit reference extractor reports: a cluster resource a runbook command names,
 * with where the name is written, so the CI gate can point at the exact column.
 */

/** The command-line tools whose arguments the extractor understands. */
export type ReferenceTool = 'kubectl' | 'oc' | 'velero';

/** The kinds of cluster resource a command can refer to. */
export type ReferenceKind = 'Namespace' | 'CustomResourceDefinition' | 'StorageClass' | 'VeleroBackup' | 'VeleroSchedule';

/** The tool and its subcommand words, e.g. `{ tool: 'velero', subcommand: ['restore', 'create'] }`. */
export interface ReferencingCommand {
  tool: ReferenceTool;
  /** Empty when the tool has no subcommand (`kubectl --help`). */
  subcommand: string[];
}

/** A cluster resource a command refers to. Offsets index the command text (UTF-16, 0-based, end exclusive). */
export interface CommandReference {
  kind: ReferenceKind;
  /** The name as the tool receives it, after shell quote removal. */
  name: string;
  start: number;
  end: number;
  /**
   * How it was found, for messages: the flag as written (`-n`, `--namespace`, `--from-backup`,
   * `--from-schedule`, `--include-namespaces`, `--namespace-mappings`), `<verb> crd` and
   * `<verb> namespace` (`get crd`, `delete namespace`), `project` (`oc project`),
   * `velero schedule`, `velero backup`, and for manifests `storageClassName` or `metadata.namespace`.
   */
  via: string;
  /** The command the name was given to; for manifest references, the command that read the heredoc. */
  command: ReferencingCommand;
}
