/**
 * Collection-wide data every page needs (sidebar groups, titles for cross-links), computed once
 * per build instead of once per page, so page rendering stays linear in the number of runbooks.
 */
import { getCollection } from 'astro:content';
import type { RunbookEntry } from './runbook-entry.ts';
import { buildSidebar, groupByService, type NavRunbook } from './navigation.ts';
import type { ViewContext } from './runbook-view.ts';
import { siteConfig } from './site-config.ts';

export interface SiteData {
  entries: { id: string; data: RunbookEntry }[];
  nav: NavRunbook[];
  groups: [string, NavRunbook[]][];
  viewContext: ViewContext;
  sidebarFor(current: { service?: string; id?: string }): ReturnType<typeof buildSidebar>;
}

let pending: Promise<SiteData> | undefined;

export function getSiteData(): Promise<SiteData> {
  pending ??= load();
  return pending;
}

async function load(): Promise<SiteData> {
  const config = siteConfig();
  const base = import.meta.env.BASE_URL;
  const entries = (await getCollection('runbooks')).map((e) => ({ id: e.id, data: e.data as unknown as RunbookEntry }));
  const nav = entries.map(({ data }) => ({ id: data.runbook.id, title: data.runbook.title, service: data.runbook.service, tier: data.runbook.tier }));
  const index = new Map(
    entries.map(({ data }) => [data.runbook.id, { title: data.runbook.title, decisionIds: new Set((data.runbook.decisions ?? []).map((d) => d.id)) }]),
  );
  return {
    entries,
    nav,
    groups: groupByService(nav),
    viewContext: { base, clusters: config.clusters, vars: config.vars, index },
    sidebarFor: (current) => buildSidebar(nav, current, base),
  };
}
