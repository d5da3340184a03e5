/**
 * Raw HTML in imported pages. MDX reads HTML as JSX (an unclosed `<br>` or a comment does not
 * compile), and the site shows neither scripts nor foreign images, so every fragment is converted
 * to Markdown or text and reported: comments are dropped, `<details>` is unwrapped with its
 * summary in bold, `<img>` becomes a link, other tags go and their text stays, and a placeholder
 * written as a tag (`<cluster-id>`) stays as text.
 */
import type { ItemKind } from './import-report.ts';
import { HTML_ELEMENTS, tagName } from './markdown-tree.ts';

/** HTML converted to Markdown text, with what the report should say about it. */
export interface Conversion {
  text: string;
  notes: { kind: ItemKind; what: string }[];
}

const TOKEN = /<!--[\s\S]*?(?:-->|$)|<\/?[A-Za-z][^<>]*>|[^<]+|</g;

/** Escapes what MDX would read as code or JSX in prose: `{`, `}` and `<` (`<` also in Markdown). */
export function escapeText(text: string, format: 'mdx' | 'yaml'): string {
  return text.replace(format === 'mdx' ? /[{}<]/g : /</g, (c) => `\\${c}`);
}

const shorten = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text).replace(/\s+/g, ' ');

/**
 * An image as text: the site loads no images from other hosts, and the importer copies no image
 * files, so a remote image becomes a link to it and a local one its description and path.
 */
export function convertImage(src: string, alt: string, format: 'mdx' | 'yaml'): Conversion {
  const label = escapeText(alt.replace(/[[\]]/g, ''), format) || 'image';
  if (/^(https?:)?\/\//i.test(src)) {
    return { text: `[Image: ${label}](${src})`, notes: [{ kind: 'prose', what: `image ${src} shown as a link: the site loads no images from other hosts` }] };
  }
  return { text: `Image: ${label} (\`${src}\`)`, notes: [{ kind: 'dropped', what: `image ${src} not copied: its description and path are kept as text` }] };
}

/** Converts one HTML node (inline tag or block) to Markdown text plus report notes. */
export function convertHtml(html: string, format: 'mdx' | 'yaml'): Conversion {
  const notes: Conversion['notes'] = [];
  let text = '';
  const summary = /<summary>([\s\S]*?)<\/summary>/i.exec(html);
  const before = summary ? html.slice(0, summary.index) : html;
  const after = summary ? html.slice(summary.index + summary[0].length) : '';
  const convert = (part: string) => {
    for (const [token] of part.matchAll(TOKEN)) {
      if (token.startsWith('<!--')) notes.push({ kind: 'dropped', what: `HTML comment ${shorten(token)}` });
      else if (token.startsWith('<') && token.length > 1) text += convertTag(token, format, notes);
      else text += escapeText(token, format);
    }
  };
  convert(before);
  if (summary) {
    text += `**${escapeText(summary[1]!.trim(), format)}**\n\n`;
    notes.push({ kind: 'prose', what: `HTML <summary> "${shorten(summary[1]!.trim())}" kept as bold text` });
  }
  convert(after);
  return { text, notes };
}

function convertTag(tag: string, format: 'mdx' | 'yaml', notes: Conversion['notes']): string {
  const name = tagName(tag) ?? '';
  if (!HTML_ELEMENTS.has(name)) {
    notes.push({ kind: 'prose', what: `${shorten(tag)} kept as text (a placeholder, not HTML)` });
    return escapeText(tag, format);
  }
  if (name === 'br') return '<br />';
  if (name === 'img') {
    const attr = (key: string) => new RegExp(`\\b${key}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)?.slice(1).find((v) => v !== undefined) ?? '';
    const converted = convertImage(attr('src'), attr('alt'), format);
    notes.push(...converted.notes);
    return converted.text;
  }
  notes.push({ kind: 'dropped', what: `HTML tag ${shorten(tag)} (the text around it is kept)` });
  return '';
}
