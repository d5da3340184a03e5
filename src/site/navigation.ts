/**
 * Per-page navigation that stays small at any collection size. Starlight's default sidebar puts
 * every page link in every page (1,000 runbooks → 200 KB of HTML per page, N² growth). Here a
 * page lists only its own service's runbooks (capped) and, while there are few, one link per other
 * service; past that, one link to the services index. The full index lives on the home page, the
 * services page and in search.
 */
import type { StarlightPageProps } from '@astrojs/starlight/props';

type Sidebar = NonNullable<StarlightPageProps['sidebar']>;

export interface NavRunbook {
  id: string;
  title: string;
  service: string;
  tier: number;
}

/** Most runbooks of the current service listed in the sidebar; the rest are one click away. */
export const SERVICE_LINK_CAP = 30;

/** Most other services linked one by one; with more, one link to the services index instead. */
export const OTHER_SERVICES_CAP = 12;

export const serviceHref = (base: string, service: string) => `${trim(base)}/services/${service}/`;
const trim = (base: string) => base.replace(/\/$/, '');

export function byTierThenTitle(a: NavRunbook, b: NavRunbook): number {
  return a.tier - b.tier || a.title.localeCompare(b.title);
}

/** Runbooks grouped by service, services sorted by name. */
export function groupByService<T extends NavRunbook>(runbooks: readonly T[]): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const runbook of runbooks) groups.set(runbook.service, [...(groups.get(runbook.service) ?? []), runbook]);
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([s, list]) => [s, list.sort(byTierThenTitle)]);
}

export function buildSidebar(runbooks: readonly NavRunbook[], current: { service?: string; id?: string }, base = '/'): Sidebar {
  const groups = groupByService(runbooks);
  const sidebar: Sidebar = [{ label: 'All runbooks', link: `${trim(base)}/` }, { label: 'Readiness', link: `${trim(base)}/readiness/` }];
  const mine = groups.find(([service]) => service === current.service);
  if (mine) {
    const [service, list] = mine;
    let shown = list.slice(0, SERVICE_LINK_CAP);
    const self = list.find((r) => r.id === current.id);
    if (self && !shown.includes(self)) shown = [...shown.slice(0, SERVICE_LINK_CAP - 1), self];
    const items: Sidebar = shown.map((r) => ({ label: r.title, link: `${trim(base)}/runbooks/${r.id}/`, badge: `T${r.tier}` }));
    if (list.length > shown.length) items.push({ label: `All ${list.length} in ${service}`, link: serviceHref(base, service) });
    sidebar.push({ label: service, items });
  }
  const others = groups.filter(([service]) => service !== current.service);
  if (others.length > OTHER_SERVICES_CAP) {
    sidebar.push({ label: `All ${groups.length} services`, link: `${trim(base)}/services/` });
  } else if (others.length) {
    sidebar.push({
      label: mine ? 'Other services' : 'Services',
      collapsed: false,
      items: others.map(([service, list]) => ({ label: `${service} (${list.length})`, link: serviceHref(base, service) })),
    });
  }
  sidebar.push({ label: 'Error codes', link: `${trim(base)}/errors/` }, { label: 'Using this site', link: `${trim(base)}/about/` });
  return sidebar;
}
