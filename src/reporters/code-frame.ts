/**
 * A code frame like Babel's and Astro's: two lines before, the line itself marked with `>`, and a
 * caret under the column.
 *
 * ```
 *   12 |   - id: scale
 *   13 |     target:
 * > 14 |       namespace: payments-prd
 *      |                  ^
 * ```
 */
import { styleText } from 'node:util';

export interface CodeFrameOptions {
  /** Colour the marker and the caret (default: off). */
  color?: boolean;
  /** Lines of context above the marked line (default: 2). */
  linesAbove?: number;
}

/**
 * Frames `line`:`column` (1-based) of `source`, or returns `undefined` when the line does not
 * exist. A column past the end of the line puts the caret just after its last character.
 */
export function formatCodeFrame(source: string, line: number, column: number, options: CodeFrameOptions = {}): string | undefined {
  if (!Number.isInteger(line) || line < 1) return undefined;
  const first = Math.max(1, line - (options.linesAbove ?? 2));
  const lines = linesBetween(source, first, line);
  if (lines.length < line - first + 1) return undefined;
  const paint = (style: 'red' | 'dim', text: string) => (options.color ? styleText(style, text, { validateStream: false }) : text);

  const target = lines.at(-1)!;
  const col = Math.min(Math.max(1, Math.trunc(column) || 1), target.length + 1);
  // A long line (minified JSON, 10,000 nested brackets) shows a window around the column.
  const from = target.length > MAX_WIDTH ? Math.max(0, Math.min(col - 1 - MAX_WIDTH / 2, target.length - MAX_WIDTH)) : 0;
  // Lines above show their start (they only give context; the caret is under the last one).
  const cut = (text: string, start: number) => {
    if (text.length <= MAX_WIDTH && start === 0) return visible(text);
    const part = text.slice(start, start + MAX_WIDTH);
    return `${start > 0 ? '…' : ''}${visible(part)}${start + MAX_WIDTH < text.length ? '…' : ''}`;
  };
  const width = String(line).length;
  const gutter = (n: number | '') => paint('dim', `${String(n).padStart(width)} |`);
  const out = lines.map((text, i) => {
    const n = first + i;
    const shown = cut(text, n === line ? from : 0);
    return `${n === line ? paint('red', '>') : ' '} ${gutter(n)}${shown ? ` ${shown}` : ''}`;
  });
  // Keep tabs in the padding so the caret lines up whatever width the terminal gives a tab.
  const padding = `${from > 0 ? ' ' : ''}${target.slice(from, col - 1).replace(/[^\t]/g, ' ')}`;
  out.push(`  ${gutter('')} ${padding}${paint('red', '^')}`);
  return out.join('\n');
}

/** Characters of a line shown in a frame; longer lines show a window around the column. */
const MAX_WIDTH = 120;

/**
 * Lines `first`..`last` (1-based) of `source`, fewer when it ends sooner. Positions count "\n" as
 * the line break (the YAML line counter does), so a CRLF file keeps a "\r" at the end of each
 * line: dropped, or the terminal would return to column 0. Found by scanning, not by splitting
 * the whole source: a report frames every issue, and a file may be megabytes.
 */
function linesBetween(source: string, first: number, last: number): string[] {
  let start = 0;
  for (let n = 1; n < first; n++) {
    const end = source.indexOf('\n', start);
    if (end === -1) return [];
    start = end + 1;
  }
  const lines: string[] = [];
  for (let n = first; n <= last; n++) {
    const end = source.indexOf('\n', start);
    lines.push(source.slice(start, end === -1 ? undefined : end).replace(/\r$/, ''));
    if (end === -1) break;
    start = end + 1;
  }
  return lines;
}

/** Control characters (a NUL, an escape) as their visible pictures (␀, ␛): never raw bytes on a terminal. */
const visible = (text: string) =>
  text.replace(/[\0-\x08\x0b-\x1f\x7f]/g, (c) => String.fromCharCode(c === '\x7f' ? 0x2421 : 0x2400 + c.charCodeAt(0)));
