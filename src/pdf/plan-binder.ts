/**
 * Pure planning around the two prints: the order of the runbooks (the site's: by service, then
 * tier, then title), which pages of the printed body each runbook occupies, and the footer of
 * every page. Page ranges come from the destinations Chromium recorded for each runbook's title.
 */
import { groupByService } from '../site/navigation.ts';
import type { CollectedRunbook } from './collect-pages.ts';
import type { PagePoint } from './pdf-navigation.ts';

/** The runbooks in binder order, each with the CSS named page that carries its header. */
export function orderRunbooks(runbooks: readonly CollectedRunbook[]): (CollectedRunbook & { pageName: string })[] {
  return groupByService([...runbooks])
    .flatMap(([, list]) => list)
    .map((runbook, i) => ({ ...runbook, pageName: `lb-runbook-${i + 1}` }));
}

/** Destination name of a runbook's title in the printed body. */
export const titleDest = (id: string) => `${id}--_top`;

/** Where a runbook sits in the printed body. */
export interface RunbookPages {
  id: string;
  /** 0-based index of the runbook's first page in the printed body. */
  first: number;
  pages: number;
}

/** Every runbook's pages, or what went wrong with the print. */
export type LayoutResult = { layout: RunbookPages[]; problem?: undefined } | { layout?: undefined; problem: string };

/**
 * Each runbook runs from its title's page to the page before the next runbook's title. A
 * missing title or one that does not start a fresh page means the print went wrong.
 */
export function layoutRunbooks(ids: readonly string[], dests: ReadonlyMap<string, PagePoint>, bodyPages: number): LayoutResult {
  const firsts: number[] = [];
  for (const id of ids) {
    const first = dests.get(titleDest(id))?.page;
    if (first === undefined) return { problem: `no page was recorded for the title of runbook "${id}"` };
    const previous = firsts.at(-1) ?? -1;
    if (first <= previous || (previous === -1 && first !== 0)) return { problem: `runbook "${id}" does not start on a page of its own` };
    firsts.push(first);
  }
  const layout = ids.map((id, i) => ({ id, first: firsts[i]!, pages: (firsts[i + 1] ?? bodyPages) - firsts[i]! }));
  return { layout };
}

/** Text of one page's footer: left, centre, right. */
export type Footer = [string, string, string];

/**
 * Footers of the binder: "Page X of Y" for the whole binder, the build, and on runbook pages the
 * runbook's id with its own page count, so a loose page can be filed back where it belongs.
 */
export function binderFooters(frontPages: number, layout: readonly RunbookPages[], build: string): Footer[] {
  const total = frontPages + layout.reduce((n, r) => n + r.pages, 0);
  const footers: Footer[] = [];
  for (let page = 0; page < frontPages; page++) footers.push([build, '', `Page ${page + 1} of ${total}`]);
  for (const r of layout) {
    for (let page = 0; page < r.pages; page++) footers.push([build, `${r.id} · ${page + 1}/${r.pages}`, `Page ${footers.length + 1} of ${total}`]);
  }
  return footers;
}

/** Footers of a single runbook's PDF: its own page numbers. */
export function runbookFooters(id: string, pages: number, build: string): Footer[] {
  return Array.from({ length: pages }, (_, page): Footer => [build, id, `Page ${page + 1} of ${pages}`]);
}
