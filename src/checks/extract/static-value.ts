/**
 * Only names written out in full can be checked against a cluster. Anything filled in at run
 * time or at build time, or matching several names, is skipped without a word: the gate must
 * never report a resource the runbook does not literally name.
 */
import type { CommandReference } from './command-reference.ts';
import { sourceOffset, type ShellWord } from './shell-syntax.ts';

/**
 * `$` and backticks: shell expansions. `{` `}`: `{{ placeholders }}` and brace expansion. `<` `>`:
 * `<namespace>` placeholders. `*` `?` `[` `]`: globs and Velero's `*`. `\`: an escape left unread.
 */
const NOT_STATIC = /[$`{}<>*?[\]\\]/;
/** `NAMESPACE`, `BACKUP_NAME`: Kubernetes names are lower case, so these can only be placeholders. */
const UPPER_CASE_PLACEHOLDER = /^[A-Z][A-Z0-9_]*$/;
/** `…` and `...` stand for "and so on" in prose-like commands. */
const ELLIPSIS = /^(\.\.\.|\u2026)$/; // the ellipsis as an escape: one non-ASCII character makes V8 hold the whole bundle as UTF-16

/** True when `name` is a literal a cluster can be asked about. */
export function isStaticName(name: string): boolean {
  return name.length > 0 && !NOT_STATIC.test(name) && !UPPER_CASE_PLACEHOLDER.test(name) && !ELLIPSIS.test(name);
}

/** The reference for `word.value.slice(from, to)`, or undefined when that is not a static name. */
export function referenceInWord(
  word: ShellWord,
  from: number,
  to: number,
  fields: Pick<CommandReference, 'kind' | 'via' | 'command'>,
): CommandReference | undefined {
  const name = word.value.slice(from, to);
  if (!isStaticName(name)) return undefined;
  return { kind: fields.kind, name, start: sourceOffset(word, from), end: sourceOffset(word, to - 1) + 1, via: fields.via, command: fields.command };
}

/** Each comma-separated item of `word.value` from `from` on, with its bounds. */
export function listItems(word: ShellWord, from: number): { from: number; to: number }[] {
  const items: { from: number; to: number }[] = [];
  let itemStart = from;
  for (let i = from; i <= word.value.length; i++) {
    if (i < word.value.length && word.value.charAt(i) !== ',') continue;
    items.push({ from: itemStart, to: i });
    itemStart = i + 1;
  }
  return items;
}
