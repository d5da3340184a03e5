/**
 * Heredoc bodies start on the line after the `<<` (several heredocs on one line follow each other
 * in order) and end at a line that is exactly the delimiter. They are data, not shell.
 */
import type { ShellState } from './shell-syntax.ts';

/** Reads the bodies of the heredocs opened on the line that just ended. */
export function readHeredocBodies(state: ShellState): void {
  const { text } = state;
  for (const { heredoc, stripTabs } of state.pending.splice(0)) {
    while (state.pos < text.length) {
      const eol = text.indexOf('\n', state.pos);
      const lineEnd = eol < 0 ? text.length : eol;
      let lineStart = state.pos;
      // `<<-` strips leading tabs from body and delimiter lines, so authors can indent both.
      if (stripTabs) while (lineStart < lineEnd && text.charAt(lineStart) === '\t') lineStart++;
      const line = text.slice(lineStart, lineEnd);
      state.pos = eol < 0 ? text.length : eol + 1;
      // A trailing CR is tolerated: runbooks edited on Windows keep working.
      if (line === heredoc.delimiter || line === `${heredoc.delimiter}\r`) {
        heredoc.terminated = true;
        break;
      }
      heredoc.lines.push({ text: line, start: state.base + lineStart });
    }
  }
}
