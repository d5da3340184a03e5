/**
 * "On this page" of a runbook page, nested as Starlight nests its own (utils/generateToC): an
 * "Overview" entry for the title first, then h2 and h3 headings, each h3 under the h2 before it.
 */
export interface TocItem {
  slug: string;
  text: string;
  children: TocItem[];
}

export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

/** The page title's anchor, as Starlight names it (its skip link and "Overview" point here). */
export const PAGE_TITLE_ID = '_top';

export function tocTree(headings: readonly Heading[], { min = 2, max = 3 } = {}): TocItem[] {
  const root: (TocItem & { depth: number })[] = [{ depth: 2, slug: PAGE_TITLE_ID, text: 'Overview', children: [] }];
  for (const heading of headings) {
    if (heading.depth < min || heading.depth > max) continue;
    let level: (TocItem & { depth: number })[] = root;
    // Descend while the last entry at this level is shallower than the heading.
    for (let last = level.at(-1); last && last.depth < heading.depth; last = level.at(-1)) level = last.children as (TocItem & { depth: number })[];
    level.push({ depth: heading.depth, slug: heading.slug, text: heading.text, children: [] });
  }
  return root;
}
