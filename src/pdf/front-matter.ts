/**
 * The binder's first pages: the cover (which build this is, how old its cluster facts were, and
 * when a printed copy must be replaced) and the contents with page numbers. Pure HTML strings;
 * every value is escaped, since manifest fields such as cluster names are untrusted text.
 */
import { escapeHtml } from '../site/markdown.ts';
import { groupByService } from '../site/navigation.ts';
import type { BuiltSite } from './read-built-site.ts';

/** One line of the contents. */
export interface ContentsEntry {
  id: string;
  title: string;
  service: string;
  tier: number;
  /** 1-based page of the binder the runbook starts on. */
  page: number;
}

/** Everything the cover and the contents print. */
export interface FrontMatterInput {
  siteTitle: string;
  info: BuiltSite['info'];
  /** Days after the build a printed copy should be replaced. */
  replaceAfterDays: number;
  /** Public address of the site, when it has one. */
  siteUrl?: string;
  entries: ContentsEntry[];
  /** How many private runbooks it prints in clear (`lifeboat pdf --include-private`). */
  privateRunbooks?: number;
}

const DAY_MS = 86_400_000;

/** Destination name of the contents heading in the printed front matter. */
export const CONTENTS_ID = 'lb-contents';

/** `2026-11-22 08:26 UTC` from an ISO time; the input itself when it is not a time. */
export function formatTime(iso: string): string {
  const time = new Date(iso);
  return Number.isNaN(time.getTime()) ? iso : `${time.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** The date after which a printed copy of this build is stale, `YYYY-MM-DD`. */
export function replaceAfterDate(builtAt: string, days: number): string {
  const time = new Date(builtAt);
  const base = Number.isNaN(time.getTime()) ? new Date() : time;
  return new Date(base.getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

/** How long before the build the facts were collected, in words. */
export function factsAge(collectedAt: string, builtAt: string): string {
  const ms = new Date(builtAt).getTime() - new Date(collectedAt).getTime();
  if (Number.isNaN(ms)) return 'age unknown';
  if (ms < 0) return 'collected after the build started';
  const hours = Math.floor(ms / 3_600_000);
  if (hours < 1) return 'less than an hour before the build';
  if (hours < 48) return `${hours} hour${hours === 1 ? '' : 's'} before the build`;
  return `${Math.floor(hours / 24)} days before the build`;
}

/** The cover page: which build, its facts times, the replace-after notice, how to read commands. */
export function renderCover(input: FrontMatterInput): string {
  const { info } = input;
  const e = escapeHtml;
  const facts = Object.entries(info.facts).sort(([a], [b]) => a.localeCompare(b));
  const stale = new Map(info.staleFacts.map((s) => [s.cluster, s.reason]));
  const row = ([cluster, collectedAt]: [string, string]) => {
    const note = stale.has(cluster) ? ` — stale: could not be refreshed (${e(stale.get(cluster)!)})` : '';
    return `<tr><td><code>${e(cluster)}</code></td><td>${e(formatTime(collectedAt))}</td><td>${e(factsAge(collectedAt, info.builtAt))}${note}</td></tr>`;
  };
  const factsHtml = facts.length
    ? `<table class="lb-cover-facts-table"><thead><tr><th scope="col">Cluster</th><th scope="col">Facts collected</th><th scope="col">Age at build</th></tr></thead><tbody>${facts.map(row).join('')}</tbody></table>`
    : '<p>No cluster facts were recorded for this build: the runbooks were printed as written, without a check against the clusters.</p>';
  const online = input.siteUrl
    ? ` The online version at <strong>${e(input.siteUrl)}</strong> is always the newest; every runbook's first page has its address and a QR code.`
    : '';
  return `<section class="lb-cover">
<p class="lb-cover-kicker">Disaster-recovery runbooks · printed binder${input.privateRunbooks ? ' · includes private runbooks' : ''}</p>
<h1 class="lb-cover-title">${e(input.siteTitle)}</h1>${
    input.privateRunbooks
      ? `\n<div class="lb-private-notice" role="note"><p><strong>Confidential: ${input.privateRunbooks} private runbook${input.privateRunbooks === 1 ? '' : 's'} printed in clear.</strong> The site publishes ${input.privateRunbooks === 1 ? 'it' : 'them'} encrypted; this paper is not. Keep it where only their audiences can read it, and destroy it when it is replaced.</p></div>`
      : ''
  }
<dl class="lb-cover-build">
<div><dt>Built</dt><dd>${e(formatTime(info.builtAt))}</dd></div>
<div><dt>Commit</dt><dd><code>${e(info.commit)}</code></dd></div>
<div><dt>Build</dt><dd><code>${e(info.buildId)}</code></dd></div>
<div><dt>Runbooks</dt><dd>${input.entries.length}</dd></div>
</dl>
<div class="lb-stale-notice" role="note"><p><strong>Printed copies go stale.</strong> Replace this binder after <strong class="lb-replace-after">${replaceAfterDate(info.builtAt, input.replaceAfterDays)}</strong> (${input.replaceAfterDays} days after the build), and whenever a runbook changes.${online}</p></div>
<h2 class="lb-cover-heading">Cluster facts</h2>
${factsHtml}
<h2 class="lb-cover-heading">Reading the commands</h2>
<p>Commands are printed in full, with placeholders filled in. A small triangle ▸ starts each command line; a line without one continues the line above it, wrapped at the edge of the paper: type them as one line. Nothing is hyphenated: a hyphen at the end of a line is part of the command. Commands that destroy data are framed with a dashed border and marked <strong>⚠ DESTRUCTIVE</strong>. Underlined values were filled in from the cluster facts: the line under the command says which cluster's and when they were collected.</p>
</section>`;
}

/** The contents, grouped by service like the site's home page, with a page number per runbook. */
export function renderContents(entries: readonly ContentsEntry[]): string {
  const e = escapeHtml;
  const groups = groupByService(entries.map((entry) => ({ ...entry })));
  const rows = (list: ContentsEntry[]) =>
    list
      .map((r) => `<li><span class="lb-toc-title">${e(r.title)}</span><span class="lb-toc-leader"></span><span class="lb-toc-tier">T${r.tier}</span><span class="lb-toc-page">${r.page}</span></li>`)
      .join('');
  // The self-link makes Chromium record the page the contents start on (see place-runbooks.ts).
  const heading = `<h2 class="lb-contents-title" id="${CONTENTS_ID}">Contents<a class="lb-print-anchor" href="#${CONTENTS_ID}" aria-hidden="true"></a></h2>`;
  return `<nav class="lb-contents" aria-label="Contents">${heading}${groups
    .map(([service, list]) => `<section class="lb-toc-service"><h3>${e(service)}</h3><ol>${rows(list)}</ol></section>`)
    .join('')}</nav>`;
}
