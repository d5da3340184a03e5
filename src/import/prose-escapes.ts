/**
 * What MDX would misread in prose copied from Markdown: `{` and `}` start JavaScript expressions,
 * `<` starts JSX, `import` / `export` at the start of a paragraph start JavaScript modules, and
 * indented code blocks do not exist. YAML step bodies are plain Markdown, where only `{{ name }}`
 * needs care: it would be taken for a Lifeboat placeholder.
 */
import { findPlaceholders } from '../load/placeholders.ts';
import { startOf, type MdNode } from './markdown-tree.ts';
import type { Edit } from './render-range.ts';

/** Edits that escape the source text between `start` and `end` (text, never code). */
export function escapeEdits(source: string, start: number, end: number, format: 'mdx' | 'yaml'): Edit[] {
  const edits: Edit[] = [];
  if (format === 'yaml') {
    for (const use of findPlaceholders(source.slice(start, end))) edits.push({ start: start + use.index, end: start + use.index, text: '\\' });
    return edits;
  }
  for (let i = start; i < end; i++) {
    const c = source[i]!;
    if ((c === '{' || c === '}' || c === '<') && !isEscaped(source, i)) edits.push({ start: i, end: i + 1, text: `\\${c}` });
  }
  if (/^(import|export)\b/.test(source.slice(start, end)) && /(^|\n)[ \t]*$/.test(source.slice(0, start))) {
    edits.push({ start, end: start + 1, text: `&#${source.charCodeAt(start)};` });
  }
  return edits;
}

/** Whether the character at `i` is escaped by an odd number of backslashes. */
function isEscaped(source: string, i: number): boolean {
  let count = 0;
  for (let j = i - 1; j >= 0 && source[j] === '\\'; j--) count++;
  return count % 2 === 1;
}

/** An indented code block as a fenced one, continuation lines keeping their container's indent. */
export function fencedCode(node: MdNode, source: string): string {
  const lineStart = source.lastIndexOf('\n', startOf(node) - 1) + 1;
  const prefix = source.slice(lineStart, startOf(node)).replace(/[^ >]/g, ' ');
  const lines = ['```', ...(node.value ?? '').split('\n'), '```'];
  return lines.map((line, i) => (i === 0 ? line : prefix + line)).join('\n');
}
