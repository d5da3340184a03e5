/**
 * Reads one shell word: quote removal, backslash escapes and line continuations, and the extent
 * of every expansion. Expansions keep their source text in the value; commands inside `$(…)`,
 * backticks and `<(…)` are parsed too, because they are commands the runbook runs.
 */
import { matchesAt, type ShellState, type ShellWord } from './shell-syntax.ts';

/** Deeper substitutions than this are skipped unread: no runbook nests so deep, hostile input might. */
const MAX_NESTING = 8;
/** `{{ name }}` placeholders contain spaces yet are one value: Lifeboat fills them before any shell runs. */
const PLACEHOLDER = /\{\{[^{}\n]*\}\}/y;
/** `<namespace>`: a placeholder for the reader to fill; unquoted, a shell would see redirections. */
export const ANGLE_PLACEHOLDER = /<[A-Za-z_][\w.-]*>/y;

/** Character tables: runs of ordinary characters are copied in one step, which keeps parsing cheap. */
const table = (chars: string) => {
  const t = new Uint8Array(128);
  for (const c of chars) t[c.charCodeAt(0)] = 1;
  return t;
};
const WORD_END = table(' \t\r\n;&|()');
const SPECIAL = table(' \t\r\n;&|()<>\\\'"$`{');
const SPECIAL_IN_DOUBLE_QUOTES = table('"\\$`');
/** End of the run of ordinary characters that starts with the (ordinary) character at `from`. */
const runEnd = (text: string, from: number, special: Uint8Array) => {
  let i = from + 1;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code < 128 && special[code] === 1) break;
    i++;
  }
  return i;
};

/** Reads the word at `state.pos`; the caller has checked that one starts there. */
export function readWord(state: ShellState): ShellWord {
  const { text, base } = state;
  const start = state.pos;
  const word: ShellWord = { value: '', runs: [], start: base + start, end: 0, raw: '' };
  while (state.pos < text.length) {
    const at = state.pos;
    const code = text.charCodeAt(at);
    if (code < 128 && WORD_END[code]) break;
    const c = text.charAt(at);
    if (c === '<' || c === '>') {
      const placeholder = matchesAt(ANGLE_PLACEHOLDER, text, at);
      if (placeholder) state.pos += placeholder;
      else if (text.charAt(at + 1) === '(') substitute(state, at + 2);
      else break;
    } else if (c === '\\') {
      if (text.charAt(at + 1) !== '\n') keepSource(word, text, base, at + 1, at + 2);
      state.pos = Math.min(at + 2, text.length);
      continue;
    } else if (c === "'") {
      const close = text.indexOf("'", at + 1);
      keepSource(word, text, base, at + 1, close < 0 ? text.length : close);
      state.pos = close < 0 ? text.length : close + 1;
      continue;
    } else if (c === '"') {
      readDoubleQuoted(state, word);
      continue;
    } else if (c === '$') skipDollar(state, false);
    else if (c === '`') skipBackticks(state);
    else if (c === '{') state.pos += matchesAt(PLACEHOLDER, text, at) || 1;
    else state.pos = runEnd(text, at, SPECIAL);
    keepSource(word, text, base, at, state.pos);
  }
  word.end = base + state.pos;
  word.raw = text.slice(start, state.pos);
  return word;
}

/** Appends `text[from, to)` to the word's value, extending the last run when the source is contiguous. */
function keepSource(word: ShellWord, text: string, base: number, from: number, to: number): void {
  to = Math.min(to, text.length);
  if (to <= from) return;
  const last = word.runs[word.runs.length - 1];
  if (!last || last.at + (word.value.length - last.from) !== base + from) word.runs.push({ from: word.value.length, at: base + from });
  word.value += text.slice(from, to);
}

/** Inside double quotes only `\$`, `` \` ``, `\"`, `\\` and `\`+newline are escapes. */
function readDoubleQuoted(state: ShellState, word: ShellWord): void {
  const { text, base } = state;
  state.pos++;
  while (state.pos < text.length) {
    const at = state.pos;
    const c = text.charAt(at);
    if (c === '"') {
      state.pos++;
      return;
    }
    if (c === '\\' && '$`"\\\n'.includes(text.charAt(at + 1)) && at + 1 < text.length) {
      if (text.charAt(at + 1) !== '\n') keepSource(word, text, base, at + 1, at + 2);
      state.pos += 2;
      continue;
    }
    if (c === '$') skipDollar(state, true);
    else if (c === '`') skipBackticks(state);
    else state.pos = runEnd(text, at, SPECIAL_IN_DOUBLE_QUOTES);
    keepSource(word, text, base, at, state.pos);
  }
}

/** Moves past `$…`: a substitution, parameter, or a plain `$` that expands to nothing special. */
function skipDollar(state: ShellState, quoted: boolean): void {
  const { text } = state;
  const next = text.charAt(state.pos + 1);
  if (next === '(') return substitute(state, state.pos + 2);
  if (next === '{') return skipClosing(state, state.pos + 2, '{', '}');
  // `$'…'` (ANSI-C quoting) is skipped whole rather than decoded: it is never a resource name.
  if (next === "'" && !quoted) return skipClosing(state, state.pos + 2, '', "'");
  const name = /[A-Za-z_][A-Za-z0-9_]*|[0-9@*#?$!-]/y;
  state.pos += 1 + matchesAt(name, text, state.pos + 1);
}

/** Parses the commands of `$(…)` or `<(…)` starting at `from`, up to the closing `)`. */
function substitute(state: ShellState, from: number): void {
  state.pos = from;
  if (state.nesting >= MAX_NESTING) return skipClosing(state, from, '(', ')');
  state.nesting++;
  state.parseCommands(state, true);
  state.nesting--;
}

/** Backtick bodies are read as a text of their own: inside them, `` \` `` nests another one. */
function skipBackticks(state: ShellState): void {
  const { text } = state;
  let close = state.pos + 1;
  while (close < text.length && text.charAt(close) !== '`') close += text.charAt(close) === '\\' ? 2 : 1;
  close = Math.min(close, text.length);
  if (state.nesting < MAX_NESTING) {
    const inner: ShellState = { ...state, text: text.slice(state.pos + 1, close), base: state.base + state.pos + 1, pos: 0, nesting: state.nesting + 1, pending: [] };
    state.parseCommands(inner, false);
  }
  state.pos = Math.min(close + 1, text.length);
}

/** Moves past the `close` that balances an already opened `open`, skipping backslash escapes. */
function skipClosing(state: ShellState, from: number, open: string, close: string): void {
  const { text } = state;
  let depth = 1;
  let i = from;
  for (; i < text.length && depth > 0; i++) {
    const c = text.charAt(i);
    if (c === '\\') i++;
    else if (c === close) depth--;
    else if (c === open) depth++;
  }
  state.pos = Math.min(i, text.length);
}
