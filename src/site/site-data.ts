/**
 * Collection-wide data every page needs (sidebar groups, titles for cross-links), computed once
 * per build instead of once per page, so page rendering stays linear in the number of runbooks.
 */
import { getCollection } from 'astro:content';
import { loadDrillRecords } from '../drills/load-records.ts';
import { loadFacts } from '../facts/snapshot-file.ts';
import type { FactsSnapshot } from '../schema/facts.ts';
import type { StaleFacts } from '../facts/refresh-facts.ts';
import { durationSeconds } from '../schema/primitives.ts';
import { escapeHtml } from './markdown.ts';
import { loadFindings } from './findings.ts';
import type { Issue } from '../errors/issue.ts';
import { runbookIndex, type RunbookEntry } from './runbook-entry.ts';
import { buildSidebar, groupByService, starlightSidebar, type LockedRunbook, type NavEntry, type NavRunbook } from './navigation.ts';
import type { ViewContext } from './runbook-view.ts';
import { siteConfig } from './site-config.ts';

export interface SiteData {
  /** The public runbooks: every list, table and count of the site is of these. */
  entries: { id: string; data: RunbookEntry }[];
  /**
   * The private runbooks, as public pages may show them: an opaque address and the audiences
   * that may read them (titles, services and findings stay in their sealed pages).
   */
  locked: LockedRunbook[];
  nav: NavRunbook[];
  groups: [string, NavRunbook[]][];
  viewContext: ViewContext;
  /** Facts snapshots by cluster name, as the build read them. */
  facts: ReadonlyMap<string, FactsSnapshot>;
  /** Clusters whose facts could not be refreshed for this build (prefer-live), with why. */
  stale: ReadonlyMap<string, string>;
  /** Facts older than this many seconds when a page is read are flagged. */
  factsMaxAgeSeconds: number;
  /** Every readiness finding of this build. */
  findings: Issue[];
  /** Findings of one runbook, by its source file. */
  findingsFor(file: string): Issue[];
  /** The sidebar of a runbook page (src/components/PageLayout.astro). */
  navFor(current: { service?: string; id?: string }): NavEntry[];
  /** The sidebar of a page Starlight lays out, in `<StarlightPage sidebar>`'s terms. */
  sidebarFor(current: { service?: string; id?: string }): ReturnType<typeof starlightSidebar>;
  /** Starlight banner for every page when this build fell back to old facts, else undefined. */
  banner?: { content: string };
}

let pending: Promise<SiteData> | undefined;

export function getSiteData(): Promise<SiteData> {
  pending ??= load();
  return pending;
}

async function load(): Promise<SiteData> {
  const config = siteConfig();
  const base = import.meta.env.BASE_URL;
  const all = (await getCollection('runbooks')).map((e) => ({ id: e.id, data: e.data as unknown as RunbookEntry }));
  const entries = all.filter((e) => !e.data.access);
  const locked = all
    .flatMap(({ data }) => (data.access ? [{ slug: data.access.slug, audiences: data.access.audiences, file: data.file }] : []))
    .sort((a, b) => a.slug.localeCompare(b.slug));
  const nav = entries.map(({ data }) => ({ id: data.runbook.id, title: data.runbook.title, service: data.runbook.service, tier: data.runbook.tier }));
  const groups = groupByService(nav);
  const index = runbookIndex(all.map((e) => e.data));
  // The build already reported invalid snapshots; here they are simply not used.
  const { snapshots: facts } = await loadFacts(config.factsDir);
  // Set by `lifeboat build` when prefer-live fell back to old snapshots.
  const staleList = JSON.parse(process.env.LIFEBOAT_STALE_FACTS || '[]') as StaleFacts[];
  const stale = new Map(staleList.map((s) => [s.cluster, s.reason]));
  const findings = await loadFindings(config);
  // The build reported records with problems (and left them out of the findings); here too.
  const now = process.env.LIFEBOAT_NOW ? new Date(process.env.LIFEBOAT_NOW) : new Date();
  const records = loadDrillRecords(config.drillsDir, all.map((e) => ({ data: e.data.runbook, bodySteps: e.data.bodySteps })), { cwd: config.cwd, now }).byRunbook;
  const byFile = Map.groupBy(findings, (f) => f.file);
  return {
    entries,
    locked,
    findings,
    findingsFor: (file) => byFile.get(file) ?? [],
    facts,
    stale,
    factsMaxAgeSeconds: durationSeconds(config.factsMaxAge),
    nav,
    groups,
    viewContext: { base, clusters: config.clusters, vars: config.vars, facts, stale, index, records },
    navFor: (current) => buildSidebar(groups, current, base, locked),
    sidebarFor: (current) => starlightSidebar(buildSidebar(groups, current, base, locked)),
    ...(staleList.length
      ? {
          banner: {
            content: escapeHtml(
              `Built on stale facts: ${staleList.map((s) => `${s.cluster} could not be read (${s.reason})`).join('; ')}. References to ${staleList.length === 1 ? 'that cluster' : 'those clusters'} were checked against the last snapshot.`,
            ),
          },
        }
      : {}),
  };
}
