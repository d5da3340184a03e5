/**
 * Finds the tool a simple command runs, past what a shell or a wrapper puts in front of it:
 * `KUBECONFIG=x kubectl`, `sudo -E kubectl`, `time`, `watch -n 5`, `timeout 60`, `xargs -n1`,
 * `{ kubectl …; }`, `then kubectl`. `sh -c '…'` and `watch '…'` hand over a script instead.
 */
import type { ReferenceTool } from './command-reference.ts';
import type { ShellWord } from './shell-syntax.ts';

/** A tool and its arguments, or a script string to read as shell. */
export type Invocation = { tool: ReferenceTool; args: ShellWord[] } | { script: ShellWord };

const TOOLS = new Set<string>(['kubectl', 'oc', 'velero']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*\+?=/;
/** Reserved words that can stand before a command; compared with the raw word, so `'{'` is no brace. */
const RESERVED = new Set(['!', '{', '}', 'do', 'then', 'else', 'elif', 'if', 'while', 'until']);
const SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh']);

const options = (text: string) => new Set(text.split(' '));
/** Wrappers that run their operand as a command, with the options that take a value. */
const WRAPPERS: Record<string, { valueOptions: Set<string>; operands?: number }> = {
  sudo: { valueOptions: options('-u -g -C -D -h -p -r -t -U -T --user --group --chdir --prompt --role --type --other-user --host') },
  env: { valueOptions: options('-u -C -S --unset --chdir --split-string') },
  time: { valueOptions: options('-f -o --format --output') },
  watch: { valueOptions: options('-n -q --interval --equexit') },
  xargs: { valueOptions: options('-n -I -L -P -d -E -s -a --max-args --max-lines --max-procs --delimiter --eof --max-chars --arg-file') },
  timeout: { valueOptions: options('-s -k --signal --kill-after'), operands: 1 },
  nice: { valueOptions: options('-n --adjustment') },
  nohup: { valueOptions: options('') },
  exec: { valueOptions: options('-a') },
  command: { valueOptions: options('') },
  stdbuf: { valueOptions: options('-i -o -e') },
};

/** The tool `words` run, or the script they hand to a shell, or undefined for anything else. */
export function findInvocation(words: readonly ShellWord[]): Invocation | undefined {
  let i = 0;
  while (i < words.length) {
    const word = words[i]!;
    const name = word.value.slice(word.value.lastIndexOf('/') + 1);
    if (ASSIGNMENT.test(word.raw) || RESERVED.has(word.raw)) i++;
    else if (TOOLS.has(name)) return { tool: name as ReferenceTool, args: words.slice(i + 1) };
    else if (SHELLS.has(name)) return shellScript(words, i + 1);
    else if (Object.hasOwn(WRAPPERS, name)) {
      i = skipOptions(words, i + 1, WRAPPERS[name]!);
      // `watch 'kubectl get pods -n x'`: one operand is run by `sh -c`.
      if (name === 'watch' && i === words.length - 1) return { script: words[i]! };
    } else return undefined;
  }
  return undefined;
}

function skipOptions(words: readonly ShellWord[], from: number, wrapper: { valueOptions: Set<string>; operands?: number }): number {
  let i = from;
  while (i < words.length) {
    const v = words[i]!.value;
    if (v === '--') return i + 1 + (wrapper.operands ?? 0);
    if (!v.startsWith('-') || v === '-') break;
    i += wrapper.valueOptions.has(v) ? 2 : 1;
  }
  return i + (wrapper.operands ?? 0);
}

/** `bash -euo pipefail -c 'script'`: the first operand after options that include `c`. */
function shellScript(words: readonly ShellWord[], from: number): Invocation | undefined {
  let hasC = false;
  let i = from;
  for (; i < words.length && /^[-+][A-Za-z]+$/.test(words[i]!.value); i++) {
    const letters = words[i]!.value.slice(1);
    if (letters.includes('c')) hasC = true;
    if (letters.endsWith('o')) i++; // `-o pipefail`
  }
  return hasC && i < words.length ? { script: words[i]! } : undefined;
}
