/**
 * Per-page navigation that stays small at any collection size. Starlight's default sidebar puts
 * every page link in every page (1,000 runbooks → 200 KB of HTML per page, N² growth). Here a
 * page lists only its own service's runbooks (capped) and, while there are few, one link per other
 * service; past that, one link to the full index. The full index (every runbook, grouped by
 * service) lives on the home page and in search; a service has no page of its own, so pages grow
 * with runbooks, not with services.
 */
import type { StarlightPageProps } from '@astrojs/starlight/props';

type Sidebar = NonNullable<StarlightPageProps['sidebar']>;

export interface NavRunbook {
  id: string;
  title: string;
  service: string;
  tier: number;
}

/** A private runbook as every page may list it: an opaque address and who may read it. */
export interface LockedRunbook {
  slug: string;
  audiences: string[];
  /** Its source file, which reports use (never shown on a page). */
  file: string;
}

/** What a page shows of a private runbook: the same words for each, and who may unlock it. */
export const lockedLabel = (r: Pick<LockedRunbook, 'audiences'>) => `Private runbook (${r.audiences.join(', ')})`;

/** The home page's section of private runbooks. */
export const PRIVATE_ANCHOR = 'private-runbooks';

/** Most runbooks of the current service listed in the sidebar; the rest are one click away. */
export const SERVICE_LINK_CAP = 30;

/** Most other services linked one by one; with more, one link to the services index instead. */
export const OTHER_SERVICES_CAP = 12;

/** A service's runbooks: its section of the home page, which is the full index. */
export const serviceHref = (base: string, service: string) => `${trim(base)}/#service-${service}`;
const trim = (base: string) => base.replace(/\/$/, '');

const collator = new Intl.Collator('en');

export function byTierThenTitle(a: NavRunbook, b: NavRunbook): number {
  return a.tier - b.tier || collator.compare(a.title, b.title);
}

/** Runbooks grouped by service, services sorted by name. */
export function groupByService<T extends NavRunbook>(runbooks: readonly T[]): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const runbook of runbooks) {
    const list = groups.get(runbook.service);
    if (list) list.push(runbook);
    else groups.set(runbook.service, [runbook]);
  }
  return [...groups.entries()].sort(([a], [b]) => collator.compare(a, b)).map(([s, list]) => [s, list.sort(byTierThenTitle)]);
}

/** One sidebar entry, resolved for the page showing it (the shape Starlight resolves its own to). */
export type NavEntry =
  | { type: 'link'; label: string; href: string; isCurrent: boolean; badge?: { text: string } }
  | { type: 'group'; label: string; collapsed: boolean; entries: NavEntry[] };

const link = (label: string, href: string, isCurrent = false, badge?: string): NavEntry => ({
  type: 'link',
  label,
  href,
  isCurrent,
  ...(badge ? { badge: { text: badge } } : {}),
});

/**
 * The sidebar of one page. Takes the collection already grouped (groupByService, once per
 * build): grouping and sorting 1,000 runbooks again for each of 1,000 pages cost half a second.
 */
export function buildSidebar(groups: readonly [string, NavRunbook[]][], current: { service?: string; id?: string }, base = '/', locked: readonly LockedRunbook[] = []): NavEntry[] {
  const root = trim(base);
  const sidebar: NavEntry[] = [link('All runbooks', `${root}/`), link('Readiness', `${root}/readiness/`)];
  const mine = groups.find(([service]) => service === current.service);
  if (mine) {
    const [service, list] = mine;
    let shown = list.slice(0, SERVICE_LINK_CAP);
    const self = list.find((r) => r.id === current.id);
    if (self && !shown.includes(self)) shown = [...shown.slice(0, SERVICE_LINK_CAP - 1), self];
    const entries = shown.map((r) => link(r.title, `${root}/runbooks/${r.id}/`, r.id === current.id, `T${r.tier}`));
    if (list.length > shown.length) entries.push(link(`All ${list.length} in ${service}`, serviceHref(base, service)));
    sidebar.push({ type: 'group', label: service, collapsed: false, entries });
  }
  const others = groups.filter(([service]) => service !== current.service);
  if (others.length > OTHER_SERVICES_CAP) {
    sidebar.push(link(`All ${groups.length} services`, `${root}/#services`));
  } else if (others.length) {
    sidebar.push({
      type: 'group',
      label: mine ? 'Other services' : 'Services',
      collapsed: false,
      entries: others.map(([service, list]) => link(`${service} (${list.length})`, serviceHref(base, service))),
    });
  }
  // Private runbooks: listed on their own pages (one looks like another), else one link to the home page's list.
  if (locked.some((r) => r.slug === current.id)) {
    const shown = locked.slice(0, SERVICE_LINK_CAP);
    const entries = shown.map((r) => link(lockedLabel(r), `${root}/runbooks/${r.slug}/`, r.slug === current.id));
    if (locked.length > shown.length) entries.push(link(`All ${locked.length} private runbooks`, `${root}/#${PRIVATE_ANCHOR}`));
    sidebar.push({ type: 'group', label: 'Private runbooks', collapsed: false, entries });
  } else if (locked.length) {
    sidebar.push(link(`Private runbooks (${locked.length})`, `${root}/#${PRIVATE_ANCHOR}`));
  }
  sidebar.push(link('Error codes', `${root}/errors/`), link('Using this site', `${root}/about/`));
  return sidebar;
}

/** The same sidebar as Starlight's `<StarlightPage sidebar>` takes it, for the pages Starlight lays out. */
export function starlightSidebar(entries: readonly NavEntry[]): Sidebar {
  return entries.map((entry) =>
    entry.type === 'link'
      ? { label: entry.label, link: entry.href, ...(entry.badge ? { badge: entry.badge.text } : {}) }
      : { label: entry.label, collapsed: entry.collapsed, items: starlightSidebar(entry.entries) },
  );
}
