/**
 * Takes one built runbook page apart for the single-file offline edition: its title, its content
 * (the `lb-runbook` block, exactly as the web page renders it) and the stylesheets it uses. The
 * web page stays the one rendering; the offline edition re-hosts it.
 */
export interface ExtractedRunbook {
  id: string;
  title: string;
  service: string;
  tier: string;
  /** The content HTML with ids and in-page links made unique within the edition. */
  html: string;
}

/** The element starting at `start` (an opening `<div`), up to its matching `</div>`. */
export function balancedDiv(html: string, start: number): string {
  const tag = /<div\b|<\/div>/g;
  tag.lastIndex = start;
  let depth = 0;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    depth += m[0] === '</div>' ? -1 : 1;
    if (depth === 0) return html.slice(start, m.index + m[0].length);
  }
  return html.slice(start);
}

const unescape = (text: string) =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
const textOf = (html: string) => unescape(html.replace(/<script[\s\S]*?<\/script>/g, ' ').replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ').trim();

export function extractRunbook(page: string, site: string | undefined): ExtractedRunbook | undefined {
  const start = page.indexOf('<div class="lb-runbook"');
  if (start === -1) return undefined;
  const id = /data-runbook="([^"]+)"/.exec(page.slice(start))![1]!;
  const title = unescape(/<h1 id="_top"[^>]*>([\s\S]*?)<\/h1>/.exec(page)?.[1] ?? id);
  // Component scripts are loaded by the web page; the edition inlines its own bundle instead.
  const block = balancedDiv(page, start).replace(/<script type="module" src="[^"]*"><\/script>/g, '');
  const filter = (name: string) => new RegExp(`data-pagefind-filter="${name}">([^<]*)<`).exec(block)?.[1] ?? '';
  return { id, title, service: filter('service'), tier: filter('tier'), html: rewriteLinks(id, block, site) };
}

/**
 * The steps of a runbook's HTML, for search: anchor, "number title" and all the text. Run by the
 * edition's page on the unpacked runbooks rather than packed beside them (0.4 MB less at 1,000).
 */
export function stepSections(html: string): { anchor: string; title: string; text: string }[] {
  return [...html.matchAll(/<section class="lb-step" id="([^"]+)"[\s\S]*?<\/section>/g)].map((m) => ({
    anchor: m[1]!,
    title: textOf((/<h3[^>]*>([\s\S]*?)<\/h3>/.exec(m[0])?.[1] ?? '').replace(/<small[\s\S]*?<\/small>/, '')),
    text: textOf(m[0]),
  }));
}

/** Ids are only unique within one runbook page; in the edition they live side by side. */
export const prefixed = (runbook: string, id: string) => `rb-${runbook}--${id}`;

/**
 * Makes the runbook's ids unique (`rb-<runbook>--<id>`), points in-page links at them, turns
 * links to other runbooks into links inside the edition, and links to other pages of the site
 * into absolute links to the published site (or drops the link).
 */
export function rewriteLinks(runbook: string, html: string, site: string | undefined): string {
  const local = (id: string) => prefixed(runbook, id);
  const toRunbook = (other: string, fragment?: string) => (fragment ? `#${prefixed(other, fragment)}` : `#rb-${other}`);
  return html
    // After a space, so `data-id` (a decision tree answer's next question) is not an `id`.
    .replace(/(?<=\s)(id|for|aria-labelledby|aria-describedby)="([^"]+)"/g, (_, attr: string, value: string) => `${attr}="${value.split(' ').map(local).join(' ')}"`)
    .replace(/href="#([^"]+)"/g, (_, fragment: string) => `href="#${local(fragment)}"`)
    .replace(/url\(#([^)]+)\)/g, (_, fragment: string) => `url(#${local(fragment)})`)
    .replace(/href="\/runbooks\/([^/"]+)\/(?:#([^"]+))?"/g, (_, other: string, fragment?: string) => `href="${toRunbook(other, fragment)}"`)
    .replace(/href="(\/[^"]*)"/g, (_, path: string) => (site ? `href="${site.replace(/\/$/, '')}${path}"` : 'data-href-online-only=""'));
}
