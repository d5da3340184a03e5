/**
 * The implicit reference extractor: the cluster resources a runbook command names, each with the
 * exact offset of its name, for the CI gate to check against collected facts. It reports what is
 * written and where it came from (`via`, `command`); deciding what a reference means, e.g. that
 * `--include-namespaces` on a restore is about the backup, is left to the gate.
 */
import type { CommandReference } from './command-reference.ts';
import { findInvocation } from './find-invocation.ts';
import { kubectlReferences } from './kubectl-references.ts';
import { manifestReferences } from './manifest-references.ts';
import { parseShell, sourceOffset, type Heredoc, type ShellWord, type SimpleCommand } from './shell-syntax.ts';
import { veleroReferences } from './velero-references.ts';
import { appendAll } from '../../util/collections.ts';

export type { CommandReference, ReferenceKind, ReferenceTool, ReferencingCommand } from './command-reference.ts';

/** `sh -c "watch 'kubectl …'"` is read; deeper script-in-a-string nesting is not worth the risk. */
const MAX_SCRIPT_NESTING = 4;

/**
 * Every cluster resource `command` refers to, in text order. Pure and total: it never throws,
 * and skips what cannot be known before run time (variables, substitutions, placeholders, globs).
 * @example extractReferences('kubectl -n ledger get pods') // [{ kind: 'Namespace', name: 'ledger', start: 11, end: 17, via: '-n', … }]
 */
export function extractReferences(command: string): readonly CommandReference[] {
  let found = memo.get(command);
  if (found === undefined) {
    if (memoChars + command.length > MEMO_CHARS) {
      memo.clear();
      memoChars = 0;
    }
    found = freeze(collect(command, 0).sort((a, b) => a.start - b.start || a.end - b.end));
    memo.set(command, found);
    memoChars += command.length;
  }
  return found;
}

/**
 * The answers already given, by command text. Runbooks repeat their commands (the same status
 * check in every runbook of a service), and a restore is read twice, by the gate and by the
 * restore tracker: the 2,360 commands of the benchmark's YAML runbooks hold 1,353 distinct texts.
 * The answer is frozen because it is shared.
 */
const memo = new Map<string, readonly CommandReference[]>();
/** Bounded by the text it holds (the keys), not by count: one command can be a 100 KB script. */
const MEMO_CHARS = 4_000_000;
let memoChars = 0;

function freeze(references: CommandReference[]): readonly CommandReference[] {
  for (const ref of references) {
    Object.freeze(ref.command.subcommand);
    Object.freeze(ref.command);
    Object.freeze(ref);
  }
  return Object.freeze(references);
}

function collect(text: string, nesting: number): CommandReference[] {
  const references: CommandReference[] = [];
  for (const command of parseShell(text)) {
    const invocation = findInvocation(command.words);
    if (!invocation) continue;
    if ('script' in invocation) {
      // appendAll, not push(...): one command can name 100,000 resources (util/collections.ts).
      if (nesting < MAX_SCRIPT_NESTING) appendAll(references, collect(invocation.script.value, nesting + 1).map((ref) => inWord(ref, invocation.script)));
    } else if (invocation.tool === 'velero') {
      appendAll(references, veleroReferences(invocation.args).references);
    } else {
      const kubectl = kubectlReferences(invocation.tool, invocation.args);
      appendAll(references, kubectl.references);
      if (kubectl.readsManifestFromStdin) for (const heredoc of stdinHeredocs(command)) appendAll(references, manifestReferences(heredoc, kubectl.command));
    }
  }
  return references;
}

/** The heredocs on a command's stdin: its own, or those of a bare `cat` piped into it. */
function stdinHeredocs(command: SimpleCommand): Heredoc[] {
  if (command.heredocs.length > 0) return command.heredocs;
  const source = command.pipedFrom;
  const isCat = source?.words[0]?.value === 'cat' && source.words.slice(1).every((w) => w.value === '-');
  return isCat ? source.heredocs : [];
}

/** Moves a reference found in a script string back to where that string is written. */
function inWord(ref: CommandReference, word: ShellWord): CommandReference {
  return { ...ref, start: sourceOffset(word, ref.start), end: sourceOffset(word, ref.end - 1) + 1 };
}
