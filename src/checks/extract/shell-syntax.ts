/**
 * A small POSIX-shell reader for runbook commands: just enough to know which words each simple
 * command receives and where every character of them was written. It never executes or expands
 * anything and never throws: unbalanced quotes or a missing heredoc terminator end at the text's
 * end, which is what a reader would assume too.
 */
import { readHeredocBodies } from './heredoc-bodies.ts';
import { ANGLE_PLACEHOLDER, readWord } from './shell-words.ts';

/** One shell word after quote removal, with the source offset of each of its characters. */
export interface ShellWord {
  /**
   * The word as the program receives it. Expansions (`$VAR`, `$(…)`, backticks, `{{ name }}`,
   * `<name>`) stay as their source text: they all contain `$`, a backtick, `{` or `<`, which is
   * how later code knows a value is not static.
   */
  value: string;
  /**
   * Where the value is written, as runs: `value[from + k]` is at offset `at + k` in the command
   * text, up to the next run. Quotes, escapes and continuations start a new run.
   */
  runs: { from: number; at: number }[];
  /** The word's span in the command text, quotes included. */
  start: number;
  end: number;
  /** The source text of the word, quotes and escapes included. */
  raw: string;
}

/** A heredoc body. Its lines are not shell: they belong to the command that holds the `<<`. */
export interface Heredoc {
  delimiter: string;
  /** Body lines without the newline (and without leading tabs for `<<-`), with their offsets. */
  lines: { text: string; start: number }[];
  /** False when the text ended before the delimiter line. */
  terminated: boolean;
}

/** The words, heredocs and pipe input of one simple command. */
export interface SimpleCommand {
  words: ShellWord[];
  heredocs: Heredoc[];
  /** The command whose output is piped into this one (`cat <<EOF | kubectl apply -f -`). */
  pipedFrom?: SimpleCommand;
}

/** The command-text offset of `word.value[index]`. */
export function sourceOffset(word: ShellWord, index: number): number {
  let run = word.runs[0];
  for (const r of word.runs) {
    if (r.from > index) break;
    run = r;
  }
  return run ? run.at + (index - run.from) : word.start;
}

/** Parser state shared by nested `$(…)` reads, so heredocs and positions carry across them. */
export interface ShellState {
  text: string;
  /** Offset of `text[0]` in the command: backtick bodies are read as a text of their own. */
  base: number;
  pos: number;
  /** Substitutions deep; past a limit they are skipped, so hostile input cannot overflow the stack. */
  nesting: number;
  commands: SimpleCommand[];
  pending: { heredoc: Heredoc; stripTabs: boolean }[];
  /** `parseCommands`, handed to the word reader for `$(…)` so the two files need not import each other. */
  parseCommands: (state: ShellState, inParens: boolean) => void;
}

/** Every simple command in `text`, including those inside `$(…)`, backticks and `<(…)`. */
export function parseShell(text: string): SimpleCommand[] {
  const state: ShellState = { text, base: 0, pos: 0, nesting: 0, commands: [], pending: [], parseCommands };
  parseCommands(state, false);
  return state.commands;
}

const REDIRECT = /&>>?|<<<|<<-?|<>|<&|>>|>&|>\||[<>]/y;

/** Reads commands until the text ends or, when `inParens`, the `)` that closes a substitution. */
export function parseCommands(state: ShellState, inParens: boolean): void {
  const { text } = state;
  let current: SimpleCommand = { words: [], heredocs: [] };
  let subshells = 0;
  const finish = (piped: boolean) => {
    const used = current.words.length > 0 || current.heredocs.length > 0;
    if (used) state.commands.push(current);
    const next: SimpleCommand = { words: [], heredocs: [] };
    if (piped && used) next.pipedFrom = current;
    current = next;
  };
  while (state.pos < text.length) {
    const c = text.charAt(state.pos);
    const next = text.charAt(state.pos + 1);
    if (c === ' ' || c === '\t' || c === '\r') state.pos++;
    else if (c === '\\' && next === '\n') state.pos += 2;
    else if (c === '#') {
      const eol = text.indexOf('\n', state.pos);
      state.pos = eol < 0 ? text.length : eol;
    } else if (c === '\n') {
      state.pos++;
      finish(false);
      readHeredocBodies(state);
    } else if (c === ')') {
      state.pos++;
      finish(false);
      if (inParens && subshells === 0) return;
      subshells = Math.max(0, subshells - 1);
    } else if (c === '(') {
      state.pos++;
      subshells++;
      finish(false);
    } else if ((c === '&' && next === '>') || ((c === '<' || c === '>') && next !== '(' && !matchesAt(ANGLE_PLACEHOLDER, text, state.pos))) {
      readRedirect(state, current);
    } else if (c === ';' || c === '&' || c === '|') {
      const op = next === c || (c === '|' && next === '&') || (c === ';' && next === '&') ? c + next : c;
      state.pos += op.length;
      finish(op === '|' || op === '|&');
    } else {
      const before = state.pos;
      const word = readWord(state);
      // readWord always consumes something here; should a change ever break that, skip a character rather than hang.
      if (state.pos === before) state.pos++;
      // `2>/dev/null`: digits right before a redirection are a file descriptor, not an argument.
      const ioNumber = (text.charAt(state.pos) === '<' || text.charAt(state.pos) === '>') && /^\d+$/.test(word.raw);
      if (!ioNumber) current.words.push(word);
    }
  }
  finish(false);
}

/** Reads a redirection and its target; the target of `<<` is a heredoc delimiter. */
function readRedirect(state: ShellState, command: SimpleCommand): void {
  REDIRECT.lastIndex = state.pos;
  const op = REDIRECT.exec(state.text)![0];
  state.pos += op.length;
  while (' \t'.includes(state.text.charAt(state.pos)) && state.pos < state.text.length) state.pos++;
  if (state.pos >= state.text.length || '\n;&|()'.includes(state.text.charAt(state.pos))) return;
  const target = readWord(state);
  if (op !== '<<' && op !== '<<-') return;
  const heredoc: Heredoc = { delimiter: target.value, lines: [], terminated: false };
  command.heredocs.push(heredoc);
  state.pending.push({ heredoc, stripTabs: op === '<<-' });
}

/** Length of the sticky `pattern`'s match at `index`, 0 when it does not match there. */
export function matchesAt(pattern: RegExp, text: string, index: number): number {
  pattern.lastIndex = index;
  return pattern.exec(text)?.[0].length ?? 0;
}
