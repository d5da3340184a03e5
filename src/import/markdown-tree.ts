/**
 * The Markdown syntax tree the importer reads, from the same parser Astro renders with (Sätteri),
 * so what the importer sees as a list, a link or a code block is what the site would show.
 * Offsets are positions in the JavaScript string, so `source.slice(start, end)` is a node's text.
 */
import { markdownToMdast } from 'satteri';

/** One mdast node, with the fields the importer reads. */
export interface MdNode {
  type: string;
  value?: string;
  depth?: number;
  lang?: string | null;
  url?: string;
  alt?: string | null;
  identifier?: string;
  ordered?: boolean;
  start?: number | null;
  children?: MdNode[];
  position?: { start: { line: number; column: number; offset: number }; end: { line: number; column: number; offset: number } };
}

/** Parses Markdown (front matter included) into an mdast tree with positions. */
export function parseMarkdown(text: string): MdNode {
  return markdownToMdast(text) as unknown as MdNode;
}

/** First line of a node in the source, 1-based; 1 when the parser gave no position. */
export const lineOf = (node: MdNode): number => node.position?.start.line ?? 1;
/** Start offset of a node. */
export const startOf = (node: MdNode): number => node.position?.start.offset ?? 0;
/** End offset of a node. */
export const endOf = (node: MdNode): number => node.position?.end.offset ?? 0;

/** Calls `fn` on every node below `node` (not `node` itself), depth first, in document order. */
export function walk(node: MdNode, fn: (child: MdNode, parent: MdNode) => void | 'skip'): void {
  for (const child of node.children ?? []) {
    if (fn(child, node) !== 'skip') walk(child, fn);
  }
}

/**
 * The text a reader sees, on one line: code spans keep their backticks (a title or description
 * such as "Check `etcdctl`" reads better with them), HTML comments and tags disappear, and
 * placeholders written as tags (`<cluster-id>`) stay.
 */
export function plainText(node: MdNode): string {
  const parts: string[] = [];
  const visit = (n: MdNode) => {
    if (n.type === 'inlineCode') parts.push(`\`${n.value ?? ''}\``);
    else if (n.type === 'html') parts.push(isPlaceholderTag(n.value ?? '') ? n.value! : '');
    else if (n.type === 'image') parts.push(n.alt ?? '');
    else if (n.type === 'text') parts.push(n.value ?? '');
    else if (n.type === 'break') parts.push(' ');
    for (const child of n.children ?? []) visit(child);
  };
  visit(node);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** HTML element names the importer treats as markup; any other `<word>` is a placeholder. */
export const HTML_ELEMENTS = new Set(
  (
    'a abbr b big blockquote br caption center cite code col dd del details dfn div dl dt em figcaption figure font h1 h2 h3 h4 h5 h6 ' +
    'hr i img input ins kbd li mark ol p picture pre q s samp small source span strike strong sub summary sup table tbody td tfoot th ' +
    'thead tr tt u ul var video wbr'
  ).split(' '),
);

/** Tag name of an HTML fragment such as `<img …>` or `</b>`, lowercased. */
export function tagName(html: string): string | undefined {
  return /^<\/?([A-Za-z][A-Za-z0-9-]*)/.exec(html.trim())?.[1]?.toLowerCase();
}

/** `<cluster-id>`, `<NODE POOL NAME>`: angle brackets around a name the reader fills in, not HTML. */
export function isPlaceholderTag(html: string): boolean {
  const trimmed = html.trim();
  if (trimmed.startsWith('<!--')) return false;
  const name = tagName(trimmed);
  return !name || !HTML_ELEMENTS.has(name);
}

/** Maps an offset in `source` to its 1-based line, for report lines inside a node. */
export function lineIndex(source: string): (offset: number) => number {
  const starts = [0];
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
}
