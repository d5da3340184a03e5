/**
 * Checks on the raw text of a runbook or the configuration, before it is parsed: bytes that are
 * not UTF-8 (read as "�") and control characters (NUL, escape) would otherwise reach pages and
 * terminals silently. Both are errors at the first place they occur.
 */
import { isUtf8 } from 'node:buffer';
import { createIssue } from '../errors/create-issue.ts';
import { at, type Issue, type Position } from '../errors/issue.ts';

/** Control characters YAML and HTML refuse (all but tab and line breaks). */
const CONTROL = /[\0-\x08\x0b\x0c\x0e-\x1f\x7f]/;
const CONTROL_NAMES: Record<string, string> = { '\0': 'NUL (U+0000)', '\x1b': 'escape (U+001B)', '\x7f': 'delete (U+007F)' };

/** `bytes` as text, with an issue for each kind of problem in it (at most two). */
export function decodeChecked(bytes: Buffer, file: string): { text: string; issues: Issue[] } {
  const text = bytes.toString('utf8');
  const issues: Issue[] = [];
  if (!isUtf8(bytes)) {
    // The decoder put U+FFFD where the first bytes that are not UTF-8 were.
    issues.push(createIssue('InvalidEncoding', { file, position: positionAt(text, Math.max(0, text.indexOf('\uFFFD'))) }, undefined));
  }
  const control = CONTROL.exec(text);
  if (control) {
    const char = control[0];
    const name = CONTROL_NAMES[char] ?? `control (U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')})`;
    issues.push(createIssue('ControlCharacter', { file, position: positionAt(text, control.index) }, { name }));
  }
  return { text, issues };
}

/** Line and column of `offset` in `text`. */
function positionAt(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return at(line, offset - lineStart + 1);
}
