/**
 * Every change the prose of one page needs, computed once over its syntax tree: characters MDX
 * would misread, links to rewrite, images, raw HTML, Hugo shortcodes, reference definitions and
 * indented code. Code spans and code blocks are never touched. Each change that loses or converts
 * something is reported with its source line.
 */
import { findPlaceholders } from '../load/placeholders.ts';
import { convertHtml, escapeText, type Conversion, type ItemKind } from './html-fragments.ts';
import { findShortcodes, REF_URL } from './hugo-shortcodes.ts';
import type { LinkResolver } from './link-targets.ts';
import { endOf, lineIndex, startOf, walk, type MdNode } from './markdown-tree.ts';
import { settleEdits, type Edit } from './render-range.ts';

export interface ReportItem {
  line: number;
  kind: ItemKind;
  what: string;
}

export interface PageEdits {
  edits: Edit[];
  items: ReportItem[];
}

interface EditContext {
  source: string;
  format: 'mdx' | 'yaml';
  /** Absolute path of the page, for relative links. */
  file: string;
  resolve: LinkResolver;
}

/** Computes the edits and report items for the prose of a whole page. */
export function collectEdits(tree: MdNode, ctx: EditContext): PageEdits {
  const { source, format } = ctx;
  const edits: Edit[] = [];
  const items: ReportItem[] = [];
  const lineAt = lineIndex(source);
  const note = (offset: number, kind: ItemKind, what: string) => items.push({ line: lineAt(offset), kind, what });
  const definitions = new Map<string, string>();
  walk(tree, (n) => void (n.type === 'definition' && n.identifier && definitions.set(n.identifier, n.url ?? '')));

  /** Where a link goes: its new address, or undefined when it must become plain text. */
  const target = (url: string, at: number): string | undefined => {
    const ref = REF_URL.exec(url);
    const found = ctx.resolve(ref ? `${ref[1]}${ref[2] ?? ''}` : url, ctx.file);
    if (found.kind === 'external') return url;
    if (found.kind === 'rewritten') {
      if (found.href !== url) note(at, 'mapped', `link ${url} → ${found.href}`);
      return found.href;
    }
    note(at, 'dropped', `link to ${url}: not among the imported pages, so the link is removed (its text and address are kept)`);
    return undefined;
  };
  const image = (src: string, alt: string): Conversion => {
    const label = escapeText(alt.replace(/[[\]]/g, ''), format) || 'image';
    if (/^(https?:)?\/\//i.test(src)) {
      return { text: `[Image: ${label}](${src})`, notes: [{ kind: 'prose', what: `image ${src} shown as a link: the site loads no images from other hosts` }] };
    }
    return { text: `Image: ${label} (\`${src}\`)`, notes: [{ kind: 'dropped', what: `image ${src} not copied: its description and path are kept as text` }] };
  };
  const escapeSpan = (start: number, end: number) => {
    if (format === 'yaml') {
      for (const use of findPlaceholders(source.slice(start, end))) edits.push({ start: start + use.index, end: start + use.index, text: '\\' });
      return;
    }
    for (let i = start; i < end; i++) {
      const c = source[i]!;
      if ((c === '{' || c === '}' || c === '<') && !escaped(source, i)) edits.push({ start: i, end: i + 1, text: `\\${c}` });
    }
    // `import` / `export` at the start of a paragraph would be read as JavaScript by MDX.
    if (/^(import|export)\b/.test(source.slice(start, end)) && /(^|\n)[ \t]*$/.test(source.slice(0, start))) {
      edits.push({ start, end: start + 1, text: `&#${source.charCodeAt(start)};` });
    }
  };
  const text = (n: MdNode) => {
    const start = startOf(n);
    const raw = source.slice(start, endOf(n));
    let at = 0;
    for (const m of findShortcodes(raw, (path) => {
      const found = ctx.resolve(path, ctx.file);
      return found.kind === 'rewritten' ? found.href : undefined;
    })) {
      escapeSpan(start + at, start + m.start);
      const r = m.replacement;
      edits.push({ start: start + m.start, end: start + m.end, text: 'href' in r ? `[${escapeText(r.label, format)}](${r.href})` : escapeText(r.text, format) });
      note(start + m.start, m.note.kind, m.note.what);
      at = m.end;
    }
    escapeSpan(start + at, endOf(n));
  };
  const link = (n: MdNode, url: string | undefined) => {
    const start = startOf(n);
    const end = endOf(n);
    const childrenEnd = n.children?.length ? endOf(n.children.at(-1)!) : start + 1;
    if (n.type === 'link' && source[start] === '<') {
      // An autolink (`<https://…>`) is JSX to MDX: write it as a Markdown link.
      edits.push({ start, end, text: `[${n.url}](${n.url})` });
      return 'skip' as const;
    }
    if (n.type === 'link' && !/^[[<]/.test(source[start] ?? '')) return 'skip' as const; // a bare URL
    const href = url === undefined ? undefined : target(url, start);
    if (href === undefined) {
      edits.push({ start, end: start + 1, text: '' }, { start: childrenEnd, end, text: url ? ` (\`${url}\`)` : '' });
    } else if (href !== url || n.type === 'linkReference') {
      edits.push({ start: childrenEnd, end, text: `](${href})` });
    }
    return undefined;
  };

  walk(tree, (n) => {
    switch (n.type) {
      case 'yaml':
      case 'toml':
      case 'inlineCode':
        return 'skip';
      case 'paragraph':
        // GitLab's and Markdown extensions' table-of-contents markers: the page has its own.
        if (!/^\s*(\[\[_TOC_\]\]|\[TOC\]|\[\[TOC\]\])\s*$/i.test(source.slice(startOf(n), endOf(n)))) return undefined;
        edits.push({ start: startOf(n), end: endOf(n), text: '' });
        note(startOf(n), 'dropped', `table of contents marker ${source.slice(startOf(n), endOf(n)).trim()}: the site shows its own`);
        return 'skip';
      case 'code':
        if (!/^\s*(```|~~~)/.test(source.slice(startOf(n), endOf(n)))) edits.push({ start: startOf(n), end: endOf(n), text: fence(n, source) });
        return 'skip';
      case 'text':
        text(n);
        return 'skip';
      case 'link':
        return link(n, n.url);
      case 'linkReference':
        return link(n, definitions.get(n.identifier ?? ''));
      case 'definition':
        edits.push({ start: startOf(n), end: endOf(n), text: '' });
        note(startOf(n), 'mapped', `reference definition [${n.identifier}] written into the links that use it`);
        return 'skip';
      case 'image':
      case 'imageReference': {
        const src = n.type === 'image' ? (n.url ?? '') : (definitions.get(n.identifier ?? '') ?? '');
        const converted = image(src, n.alt ?? '');
        edits.push({ start: startOf(n), end: endOf(n), text: converted.text });
        for (const c of converted.notes) note(startOf(n), c.kind, c.what);
        return 'skip';
      }
      case 'html': {
        const converted = convertHtml(n.value ?? '', format, image);
        edits.push({ start: startOf(n), end: endOf(n), text: converted.text });
        for (const c of converted.notes) note(startOf(n), c.kind, c.what);
        return 'skip';
      }
      default:
        return undefined;
    }
  });
  return { edits: settleEdits(edits), items };
}

/** Whether the character at `i` is escaped by an odd number of backslashes. */
function escaped(source: string, i: number): boolean {
  let count = 0;
  for (let j = i - 1; j >= 0 && source[j] === '\\'; j--) count++;
  return count % 2 === 1;
}

/** An indented code block as a fenced one: MDX has no indented code. */
function fence(n: MdNode, source: string): string {
  const lineStart = source.lastIndexOf('\n', startOf(n) - 1) + 1;
  const prefix = source.slice(lineStart, startOf(n)).replace(/[^ >]/g, ' ');
  const lines = ['```', ...(n.value ?? '').split('\n'), '```'];
  return lines.map((line, i) => (i === 0 ? line : prefix + line)).join('\n');
}
