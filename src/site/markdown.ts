import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import type { Nodes, Root } from 'hast';
import { htmlToHast, markdownToHast, markdownToHtml } from 'satteri';

/**
 * What Markdown in a runbook may produce: GitHub's allowlist (hast-util-sanitize's default), so
 * no script, event handler, frame or `javascript:`/`data:` link survives. Runbooks are imported
 * from wikis and other repositories and the site is public, so their Markdown is untrusted.
 * `style` is stripped with its text, like `script`, instead of being unwrapped into visible CSS.
 */
export const MARKDOWN_SCHEMA: Schema = { ...defaultSchema, strip: [...(defaultSchema.strip ?? []), 'style'] };

export interface MarkdownOptions {
  /** `markdown.allowHtml` in the configuration: raw HTML and every link target pass unchanged. */
  allowHtml?: boolean;
}

/**
 * Markdown text from runbooks (step bodies, decision help) to HTML, with the same parser Astro
 * uses for MDX, so prose looks the same in both formats. Sanitized unless the team allows raw
 * HTML; the page, the offline edition (which re-hosts the page's HTML) and the binder (which
 * prints the page) all get this output.
 */
export function renderMarkdown(text: string | undefined, options: MarkdownOptions = {}): string {
  if (!text?.trim()) return '';
  if (options.allowHtml || !mayBeUnsafe(text)) return markdownToHtml(text).html;
  const tree = markdownToHast(text, { features: { rawHtml: true } }) as unknown as Root;
  unprefixIds(tree);
  return toHtml(sanitize(tree, MARKDOWN_SCHEMA));
}

/** Something in a Markdown text that the sanitizer removes or changes, for `check` to report. */
export interface UnsafeMarkdown {
  kind: 'html' | 'link';
  /** Offset of the fragment in the text. */
  offset: number;
  /** The fragment as written, shortened. */
  fragment: string;
}

/**
 * Every raw HTML fragment and link of `text` that rendering would change. Read from the tree
 * before raw HTML is parsed, where each fragment still has its position; a fragment counts when
 * sanitizing it alone changes it (comments are dropped silently: they are invisible anyway).
 */
export function findUnsafeMarkdown(text: string): UnsafeMarkdown[] {
  const found: UnsafeMarkdown[] = [];
  if (!mayBeUnsafe(text)) return found;
  const visit = (node: Nodes) => {
    const offset = node.position?.start.offset ?? 0;
    if (node.type === 'raw') {
      if (!/^\s*<!--[\s\S]*-->\s*$/.test(node.value) && isUnsafeHtml(node.value)) found.push({ kind: 'html', offset, fragment: shorten(node.value) });
      return;
    }
    if (node.type === 'element' && (node.tagName === 'a' || node.tagName === 'img')) {
      const target = node.properties[node.tagName === 'a' ? 'href' : 'src'];
      if (typeof target === 'string' && isUnsafeTarget(node.tagName, target)) found.push({ kind: 'link', offset, fragment: shorten(target) });
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(markdownToHast(text) as unknown as Root);
  return found;
}

/** Whether sanitizing this HTML fragment changes it: it holds something the site does not render. */
export function isUnsafeHtml(html: string): boolean {
  const tree = htmlToHast(html, { fragment: true }) as unknown as Root;
  return toHtml(sanitize(tree, MARKDOWN_SCHEMA)) !== toHtml(tree);
}

/** Whether the sanitizer drops this link (`a`) or image (`img`) target. Only the target is judged. */
export function isUnsafeTarget(tagName: 'a' | 'img', url: string): boolean {
  const key = tagName === 'a' ? 'href' : 'src';
  const tree: Root = { type: 'root', children: [{ type: 'element', tagName, properties: { [key]: url }, children: [] }] };
  return toHtml(sanitize(tree, MARKDOWN_SCHEMA)) !== toHtml(tree);
}

/**
 * Whether `text` can hold anything the sanitizer changes. Without a "<" there is no raw HTML (nor
 * an autolink), and without "](", "][" or "]:" no link or image target: plain Markdown renders
 * only safe elements. Most bodies are plain, and parsing each twice would cost `check` ~0.7 s at
 * 1,000 runbooks (its budget is 1 s).
 */
const mayBeUnsafe = (text: string) => /<|\]\s*[(:[]/.test(text);

const shorten = (text: string) => {
  const line = text.trim().replace(/\s+/g, ' ');
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
};

/**
 * Sätteri already prefixes footnote ids with `user-content-`, and the sanitizer prefixes every id
 * (so no runbook can shadow an id the page's scripts use): strip the first so the footnote links,
 * which keep their `#user-content-…` targets, still land.
 */
function unprefixIds(node: Nodes): void {
  if (node.type === 'element' && typeof node.properties.id === 'string') node.properties.id = node.properties.id.replace(/^user-content-/, '');
  if ('children' in node) for (const child of node.children) unprefixIds(child);
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * A code span: a run of backticks, text, and a run of exactly as many backticks (CommonMark). The
 * lookarounds keep a longer run from matching a shorter one ("```a``" is no code span).
 */
const CODE_SPAN = /(?<!`)(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g;

/** A code span's text as CommonMark gives it: line ends as spaces, one padding space stripped. */
const codeText = (raw: string) => {
  const text = raw.replace(/\r?\n/g, ' ');
  return /^ .*[^ ].* $/.test(text) ? text.slice(1, -1) : text;
};

/**
 * One-line texts from runbooks and the error catalogue (summaries, decision questions and answers,
 * "How to fix") to HTML: `code` spans become <code>, everything else is escaped. These texts are
 * labels, not prose, so no other Markdown applies (a `*` in a glob stays a `*`).
 */
export function renderInlineCode(text: string): string {
  let html = '';
  let last = 0;
  for (const m of text.matchAll(CODE_SPAN)) {
    html += `${escapeHtml(text.slice(last, m.index))}<code>${escapeHtml(codeText(m[2]!))}</code>`;
    last = m.index + m[0].length;
  }
  return html + escapeHtml(text.slice(last));
}

/** The same texts where no markup can go (the diagram's labels): code spans lose their backticks. */
export function plainInlineCode(text: string): string {
  return text.replace(CODE_SPAN, (_, _ticks: string, code: string) => codeText(code));
}
