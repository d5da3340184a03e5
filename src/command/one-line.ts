/**
 * "Copy as one line": a multi-line command pasted into a terminal runs line by line, each line
 * the moment it lands, whether the line before it worked or not. Joined with ` && `, the shell
 * stops at the first failure instead. Joining is only offered where it keeps the meaning:
 * never inside a heredoc, a block (`if`, `for`, `while`, `case`, a function, `{ … }`, `( … )`) or
 * a quote or `$( … )` that spans lines. Lines ending in `\` continue the command: they are joined
 * with a space, without the backslash, as are lines ending in a pipe or `&&`/`||`. Comments and
 * blank lines are left out (a `#` would otherwise comment out the rest of the joined line).
 */

// Shell words that open or close a block, where a command starts; parentheses are counted apart.
const OPENERS = /(?:^|[;&|(]\s*)(?:if|for|while|until|case|select|function|\{)(?=\s|$)/g;
const CLOSERS = /(?:^|[;&|]\s*)(?:fi|done|esac|\})(?=\s|;|&|\||\)|$)/g;

/** One line read with its quotes: the code outside quotes, its trailing comment cut, and what is still open at its end. */
interface ReadLine {
  /** The line as written, without a trailing comment. */
  text: string;
  /** The same with the content of quotes blanked, for finding shell words. */
  bare: string;
  /** A quote, backtick or `$(` left open at the end of the line. */
  open: boolean;
  heredoc: boolean;
}

function readLine(line: string): ReadLine {
  let quote: "'" | '"' | '`' | undefined;
  let depth = 0;
  let bare = '';
  let end = line.length;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    const next = line[i + 1];
    if (quote === "'") {
      if (c === "'") quote = undefined;
      bare += c === "'" ? c : ' ';
    } else if (c === '\\') {
      // An escaped character is never a quote, a comment or a separator.
      bare += next === undefined ? c : 'xx';
      i++;
    } else if (c === '$' && next === '(') {
      // Blanked, so that only grouping and subshell parentheses are left to count.
      depth++;
      bare += '$ ';
      i++;
    } else if (c === ')' && depth > 0) {
      depth--;
      bare += ' ';
    } else if (quote) {
      if (c === quote) quote = undefined;
      bare += c === quote || !quote ? c : ' ';
    } else if (c === "'" || c === '"' || c === '`') {
      quote = c;
      bare += c;
    } else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]!))) {
      end = i;
      break;
    } else bare += c;
  }
  // `<<` outside quotes (not a `<<<` here-string) followed by a delimiter word.
  const heredoc = /<<(?!<)/.test(bare.replace(/<<<+/g, '')) && /<<-?\s*['"]?[\w-]/.test(line.replace(/<<<+/g, ''));
  return { text: line.slice(0, end).trimEnd(), bare: bare.trimEnd(), open: quote !== undefined || depth > 0, heredoc };
}

/** How many blocks the line opens minus how many it closes. */
const blockBalance = (bare: string) =>
  (bare.match(OPENERS)?.length ?? 0) - (bare.match(CLOSERS)?.length ?? 0) + (bare.match(/\(/g)?.length ?? 0) - (bare.match(/\)/g)?.length ?? 0);

/** A multi-line command as one line, and how many commands the shell reads in it. */
export interface OneLine {
  text: string;
  /** 1 when the lines only continue one command (`\`, a trailing pipe): pasting it runs nothing early. */
  commands: number;
}

/**
 * The command as one line, or undefined when it is one line already or cannot safely be joined.
 * Pure, and run at build time: the page carries the joined text beside the command.
 */
export function joinCommandLines(run: string): OneLine | undefined {
  const lines = run.split('\n');
  if (lines.length < 2) return undefined;
  const commands: string[] = [];
  let current = '';
  for (const line of lines) {
    const read = readLine(line);
    if (read.open || read.heredoc || blockBalance(read.bare) !== 0 || /(?:^|\s)(?:then|do|else|elif|in)$/.test(read.bare)) return undefined;
    const text = read.text.trim();
    if (!text) {
      // A blank line or a comment ends a command continued with `\`.
      if (current) commands.push(current);
      current = '';
      continue;
    }
    if (!current && /^(?:\||&&)/.test(text)) return undefined;
    const continued = /(?<!\\)(?:\\\\)*\\$/.test(text);
    const piece = continued ? text.slice(0, -1).trimEnd() : text;
    current = current ? `${current} ${piece}` : piece;
    if (continued || /(?:\||&&|\|\|)$/.test(piece)) continue;
    commands.push(current);
    current = '';
  }
  if (current) commands.push(current);
  // A pipe or `&&` with nothing after it: the command is not complete.
  if (commands.some((command) => /(?:\||&&)$/.test(command))) return undefined;
  let joined = '';
  for (const command of commands) {
    if (!joined) joined = command;
    // `a;` or `a &` followed by `&& b` would be a syntax error.
    else if (joined.endsWith('&')) joined += ` ${command}`;
    else joined = `${joined.replace(/;$/, '')} && ${command}`;
  }
  return joined && joined !== run ? { text: joined, commands: commands.length } : undefined;
}
