/**
 * Every change the prose of one page needs, computed once over its syntax tree: characters MDX
 * would misread, links to rewrite, images, raw HTML, Hugo shortcodes, reference definitions and
 * indented code. Code spans and code blocks are never touched. Each change that loses or converts
 * something is reported with its source line.
 */
import { convertHtml, convertImage, escapeText } from './html-fragments.ts';
import type { ItemKind, ReportItem } from './import-report.ts';
import { findShortcodes, REF_URL } from './hugo-shortcodes.ts';
import type { LinkResolver } from './link-targets.ts';
import { endOf, lineIndex, startOf, walk, type MdNode } from './markdown-tree.ts';
import { escapeEdits, fencedCode } from './prose-escapes.ts';
import { settleEdits, type Edit } from './render-range.ts';

/** The prose edits of one page, and the report items they produced. */
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
  const escapeSpan = (start: number, end: number) => edits.push(...escapeEdits(source, start, end, format));
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

  walk(tree, (n, parent) => {
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
        if (!/^\s*(```|~~~)/.test(source.slice(startOf(n), endOf(n)))) edits.push({ start: startOf(n), end: endOf(n), text: fencedCode(n, source) });
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
        const converted = convertImage(src, n.alt ?? '', format);
        edits.push({ start: startOf(n), end: endOf(n), text: converted.text });
        for (const c of converted.notes) note(startOf(n), c.kind, c.what);
        return 'skip';
      }
      case 'html': {
        const converted = convertHtml(n.value ?? '', format);
        const inline = parent.type === 'paragraph' || parent.type === 'heading' || parent.type === 'tableCell';
        edits.push({ start: startOf(n), end: endOf(n), text: inline ? converted.text : converted.text.trim() });
        for (const c of converted.notes) note(startOf(n), c.kind, c.what);
        return 'skip';
      }
      default:
        return undefined;
    }
  });
  return { edits: settleEdits(edits), items };
}
