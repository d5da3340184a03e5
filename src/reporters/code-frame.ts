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
  // Positions count "\n" as the line break (the YAML line counter does), so a CRLF file keeps a
  // "\r" at the end of each line: drop it, or the terminal would return to column 0.
  const lines = source.split('\n').map((text) => text.replace(/\r$/, ''));
  if (!Number.isInteger(line) || line < 1 || line > lines.length) return undefined;
  const paint = (style: 'red' | 'dim', text: string) => (options.color ? styleText(style, text, { validateStream: false }) : text);

  const first = Math.max(1, line - (options.linesAbove ?? 2));
  const width = String(line).length;
  const gutter = (n: number | '') => paint('dim', `${String(n).padStart(width)} |`);
  const out: string[] = [];
  for (let n = first; n <= line; n++) {
    const text = lines[n - 1]!;
    out.push(`${n === line ? paint('red', '>') : ' '} ${gutter(n)}${text ? ` ${text}` : ''}`);
  }
  const target = lines[line - 1]!;
  const col = Math.min(Math.max(1, Math.trunc(column) || 1), target.length + 1);
  // Keep tabs in the padding so the caret lines up whatever width the terminal gives a tab.
  const padding = target.slice(0, col - 1).replace(/[^\t]/g, ' ');
  out.push(`  ${gutter('')} ${padding}${paint('red', '^')}`);
  return out.join('\n');
}
