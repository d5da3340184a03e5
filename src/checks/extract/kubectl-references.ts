/**
 * References in a kubectl or oc invocation: the namespace flag anywhere among the tool's own
 * arguments, and CRDs and namespaces named as objects of `get`, `describe`, `delete` and the like.
 */
import { parseArgs } from './cli-args.ts';
import type { CommandReference, ReferenceKind, ReferencingCommand } from './command-reference.ts';
import { BUILT_IN_COMMANDS, COMMAND_GROUPS, kubectlFlagSpec, OBJECT_VERBS } from './kubectl-flags.ts';
import type { ShellWord } from './shell-syntax.ts';
import { referenceInWord } from './static-value.ts';

const CRD_TYPES = new Set(['crd', 'crds', 'customresourcedefinition', 'customresourcedefinitions'].flatMap((t) => [t, `${t}.apiextensions.k8s.io`, `${t}.v1.apiextensions.k8s.io`]));
const NAMESPACE_TYPES = new Set(['ns', 'namespace', 'namespaces']);
/** OpenShift projects are namespaces. */
const PROJECT_TYPES = new Set(['project', 'projects', 'project.project.openshift.io', 'projects.project.openshift.io']);

/** What one kubectl/oc invocation refers to, and whether it reads manifests from stdin. */
export interface KubectlInvocation {
  command: ReferencingCommand;
  references: CommandReference[];
  /** `-f -` or `-f /dev/stdin`: a heredoc or pipe on stdin is a manifest. */
  readsManifestFromStdin: boolean;
}

/** Reads the arguments after `kubectl` or `oc`. */
export function kubectlReferences(tool: 'kubectl' | 'oc', args: readonly ShellWord[]): KubectlInvocation {
  const parsed = parseArgs(args, (positionals) => kubectlFlagSpec(positionals[0]?.value));
  const [first, second] = parsed.positionals;
  const twoWords = first !== undefined && second !== undefined && (COMMAND_GROUPS.has(first.value) || !BUILT_IN_COMMANDS.has(first.value));
  const subcommand = (twoWords ? [first, second] : first ? [first] : []).map((w) => w.value);
  const command: ReferencingCommand = { tool, subcommand };
  const references: CommandReference[] = [];
  const push = (ref: CommandReference | undefined) => ref && references.push(ref);

  let readsManifestFromStdin = false;
  for (const { name, value } of parsed.flags) {
    if (!value) continue;
    if (name === '-n' || name === '--namespace') push(referenceInWord(value.word, value.from, value.word.value.length, { kind: 'Namespace', via: name, command }));
    const file = value.word.value.slice(value.from);
    if ((name === '-f' || name === '--filename') && (file === '-' || file === '/dev/stdin')) readsManifestFromStdin = true;
  }

  const objects = parsed.positionals.slice(subcommand.length);
  const verb = subcommand[0] ?? '';
  if (tool === 'oc' && verb === 'project' && objects[0]) {
    push(referenceInWord(objects[0], 0, objects[0].value.length, { kind: 'Namespace', via: 'project', command }));
  }
  if (OBJECT_VERBS.has(verb)) {
    for (const { word, from, kind } of namedObjects(objects, tool, verb)) {
      push(referenceInWord(word, from, word.value.length, { kind, via: `${verb} ${kind === 'Namespace' ? 'namespace' : 'crd'}`, command }));
    }
  }
  return { command, references, readsManifestFromStdin };
}

/**
 * The CRD and namespace names among `TYPE NAME…` or `TYPE/NAME…` arguments. `get crd,ns x` is an
 * error in kubectl (a name needs a single type), so a list of types names nothing.
 */
function namedObjects(objects: ShellWord[], tool: 'kubectl' | 'oc', verb: string) {
  const kindOf = (type: string): ReferenceKind | undefined => {
    const t = type.toLowerCase();
    if (CRD_TYPES.has(t)) return 'CustomResourceDefinition';
    if (NAMESPACE_TYPES.has(t) || (tool === 'oc' && PROJECT_TYPES.has(t))) return 'Namespace';
    return undefined;
  };
  // `label ns x team=a old-` and `annotate …`: the changes follow the names and are never names.
  const names = verb === 'label' || verb === 'annotate' ? objects.filter((w) => !w.value.includes('=') && !w.value.endsWith('-')) : objects;
  const found: { word: ShellWord; from: number; kind: ReferenceKind }[] = [];
  const [typeWord, ...rest] = names;
  if (!typeWord) return found;
  if (typeWord.value.includes('/')) {
    for (const word of names) {
      const slash = word.value.indexOf('/');
      const kind = slash > 0 ? kindOf(word.value.slice(0, slash)) : undefined;
      if (kind) found.push({ word, from: slash + 1, kind });
    }
    return found;
  }
  const kind = kindOf(typeWord.value);
  if (kind) for (const word of rest) found.push({ word, from: 0, kind });
  return found;
}
