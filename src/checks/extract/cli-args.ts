/**
 * kubectl, oc and velero all parse arguments with cobra/pflag. Reading them the same way keeps a
 * flag's value (`-o name`, `--selector app=x`) from being taken for a resource type or name.
 */
import type { ShellWord } from './shell-syntax.ts';

/** Which flags take a value; every other flag is read as a switch. */
export interface FlagSpec {
  /** Long flags with their dashes: `--namespace`. */
  long: ReadonlySet<string>;
  /** Shorthand letters: `n` for `-n`. */
  short: ReadonlySet<string>;
}

/** A flag's value: the word it is in, and where in that word's value it starts. */
export interface FlagValue {
  word: ShellWord;
  from: number;
}

/** A parsed argument list: flags as written (`-n`, `--namespace`) and positional words in order. */
export interface ParsedArgs {
  flags: { name: string; value?: FlagValue }[];
  positionals: ShellWord[];
}

/**
 * Reads `words` as pflag does: `--flag=value`, `--flag value`, `-fvalue`, `-f=value`, `-f value`
 * and grouped switches (`-it`). A bare `--` ends the tool's own arguments: what follows belongs to
 * another program (`kubectl exec pod -- psql -n 1`). `specFor` sees the positionals read so far,
 * because some flags differ by subcommand (`-p` is a switch in `kubectl logs`).
 */
export function parseArgs(words: readonly ShellWord[], specFor: (positionals: readonly ShellWord[]) => FlagSpec): ParsedArgs {
  const parsed: ParsedArgs = { flags: [], positionals: [] };
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const v = word.value;
    if (v === '--') break;
    if (!v.startsWith('-') || v === '-') {
      parsed.positionals.push(word);
      continue;
    }
    const spec = specFor(parsed.positionals);
    if (v.startsWith('--')) {
      const eq = v.indexOf('=');
      if (eq > 0) parsed.flags.push({ name: v.slice(0, eq), value: { word, from: eq + 1 } });
      else if (spec.long.has(v) && i + 1 < words.length) parsed.flags.push({ name: v, value: { word: words[++i]!, from: 0 } });
      else parsed.flags.push({ name: v });
      continue;
    }
    for (let k = 1; k < v.length; k++) {
      const name = `-${v.charAt(k)}`;
      if (!spec.short.has(v.charAt(k))) {
        parsed.flags.push({ name });
        continue;
      }
      if (k + 1 < v.length) parsed.flags.push({ name, value: { word, from: v.charAt(k + 1) === '=' ? k + 2 : k + 1 } });
      else if (i + 1 < words.length) parsed.flags.push({ name, value: { word: words[++i]!, from: 0 } });
      else parsed.flags.push({ name });
      break;
    }
  }
  return parsed;
}
