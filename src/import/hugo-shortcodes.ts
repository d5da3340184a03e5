/**
 * Hugo shortcodes (`{{< ref "x.md" >}}`, `{{% hint %}}`) mean something only to Hugo. A `ref` or
 * `relref` names another page, so it becomes a link to that page's runbook; any other shortcode
 * is removed (its content stays) and reported. Markdown does not parse `[text]({{< ref … >}})` as
 * a link, so the whole construct arrives as text and is matched here.
 */
import type { ItemKind } from './import-report.ts';

/** One shortcode found in a text, and what replaces it. */
export interface ShortcodeMatch {
  /** Offsets in the text the match was found in. */
  start: number;
  end: number;
  /** Markdown to put in its place, not yet escaped for MDX where it is link text. */
  replacement: { label: string; href: string } | { text: string };
  note: { kind: ItemKind; what: string };
}

/** Resolves a page reference; undefined when it names no imported page. */
type ResolvePage = (path: string) => string | undefined;

const LINKED_REF = /\[([^\]\n]*)\]\(\s*\{\{[<%]\s*(?:rel)?ref\s+"?([^"\s]+?)"?\s*[%>]\}\}\s*\)/g;
const LINKED_OTHER = /\[([^\]\n]*)\]\(\s*(\{\{[<%][^}]*?[%>]\}\})[^)\s]*\)/g;
const SHORTCODE = /\{\{([<%])\s*(\/?)\s*([\w-]+)([^}]*?)\s*[%>]\}\}/g;
/** A `ref` shortcode used as a whole link destination. */
export const REF_URL = /^\{\{[<%]\s*(?:rel)?ref\s+"?([^"\s]+?)"?\s*[%>]\}\}(#\S*)?$/;

/** Every shortcode in `text`, in order, without overlaps. */
export function findShortcodes(text: string, resolvePage: ResolvePage): ShortcodeMatch[] {
  const found: ShortcodeMatch[] = [];
  const free = (start: number, end: number) => !found.some((m) => start < m.end && m.start < end);
  for (const m of text.matchAll(LINKED_REF)) {
    const href = resolvePage(m[2]!);
    found.push({
      start: m.index!,
      end: m.index! + m[0].length,
      replacement: href ? { label: m[1]!, href } : { text: m[1]! },
      note: href
        ? { kind: 'mapped', what: `Hugo {{< ref "${m[2]}" >}} → link to ${href}` }
        : { kind: 'dropped', what: `Hugo {{< ref "${m[2]}" >}} names a page that was not imported — link removed, text kept` },
    });
  }
  for (const m of text.matchAll(LINKED_OTHER)) {
    if (!free(m.index!, m.index! + m[0].length)) continue;
    found.push({
      start: m.index!,
      end: m.index! + m[0].length,
      replacement: { text: m[1]! },
      note: { kind: 'dropped', what: `link whose address uses the Hugo shortcode ${m[2]}, which only Hugo can fill in — link removed, text kept` },
    });
  }
  for (const m of text.matchAll(SHORTCODE)) {
    if (!free(m.index!, m.index! + m[0].length)) continue;
    const [whole, , closing, name, args] = m as unknown as [string, string, string, string, string];
    const href = !closing && /^(rel)?ref$/.test(name) ? resolvePage(args.trim().replace(/^"|"$/g, '')) : undefined;
    found.push({
      start: m.index!,
      end: m.index! + whole.length,
      replacement: href ? { text: href } : { text: '' },
      note: href
        ? { kind: 'mapped', what: `Hugo ${whole} → ${href}` }
        : { kind: 'dropped', what: `Hugo shortcode ${whole} removed${closing ? '' : ' (any content it wraps is kept)'}` },
    });
  }
  return found.sort((a, b) => a.start - b.start);
}
