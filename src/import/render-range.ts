/**
 * Prose is copied from the source, not re-serialised: the author's lists, tables and emphasis stay
 * exactly as written. Only the spans that must change (escaped characters, rewritten links,
 * converted HTML) are replaced, through non-overlapping edits computed once per page.
 */

/** Replace `source.slice(start, end)` with `text`. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/**
 * The source between `start` and `end` with the edits inside it applied. `indent` removes that
 * many leading spaces from every line after the first: a block lifted out of a list item keeps
 * the item's indentation on its continuation lines, which would turn it into a code block.
 */
export function renderRange(source: string, edits: readonly Edit[], start: number, end: number, indent = 0): string {
  let out = '';
  let at = start;
  for (const edit of edits) {
    if (edit.start < start || edit.end > end) continue;
    out += source.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  out += source.slice(at, end);
  if (indent > 0) {
    const strip = new RegExp(`^ {0,${indent}}`);
    out = out
      .split('\n')
      .map((line, i) => (i === 0 ? line : line.replace(strip, '')))
      .join('\n');
  }
  return out;
}

/**
 * Sorts edits and drops any that overlap an earlier one (an edit of a whole link wins over edits
 * of the text inside it, because the link's edit is added first).
 */
export function settleEdits(edits: readonly Edit[]): Edit[] {
  const kept: Edit[] = [];
  for (const edit of edits) {
    if (!kept.some((k) => edit.start < k.end && k.start < edit.end)) kept.push(edit);
  }
  return kept.sort((a, b) => a.start - b.start);
}
