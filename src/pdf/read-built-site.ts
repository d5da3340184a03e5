/**
 * What the binder prints from: a finished build in the output folder. Its manifest says which
 * build it is (time, commit, id, facts times) and lists the runbook pages, so the PDF shows
 * exactly what the site shows, even when the runbooks have changed since the build.
 */
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { z } from 'zod';
import { MANIFEST_FILE, type BuildManifest } from '../build/build-manifest.ts';
import { createIssue } from '../errors/create-issue.ts';
import type { Issue } from '../errors/issue.ts';

/** The part of the manifest the binder reads; everything in it is printed as untrusted text. */
const ManifestSchema = z.object({
  builtAt: z.string(),
  commit: z.string(),
  buildId: z.string(),
  files: z.record(z.string(), z.unknown()),
  // Builds from before facts existed have neither.
  facts: z.record(z.string(), z.string()).default({}),
  staleFacts: z.array(z.object({ cluster: z.string(), reason: z.string() })).default([]),
});

/** A finished build: where it is, which build it is, and its runbook pages. */
export interface BuiltSite {
  /** Absolute output folder. */
  dir: string;
  info: Pick<BuildManifest, 'builtAt' | 'commit' | 'buildId' | 'facts' | 'staleFacts'>;
  /** Site paths of the runbook pages, e.g. `/runbooks/dns-failover/`, sorted. */
  runbookPages: string[];
  /** Site paths of private runbooks' pages: they hold only ciphertext, and the binder prints them only when asked (`--include-private`). */
  privatePages: string[];
}

/** The build, or why there is none to print. */
export type BuiltSiteResult = { site: BuiltSite; issues: [] } | { site?: undefined; issues: Issue[] };

const RUNBOOK_PAGE = /^\/runbooks\/([^/]+)\/index\.html$/;

/** Reads the build in `dir`; `cwd` only shortens the folder name in messages. */
export async function readBuiltSite(dir: string, cwd = process.cwd()): Promise<BuiltSiteResult> {
  const shown = relative(cwd, dir) || '.';
  const notBuilt = (detail: string) => ({ issues: [createIssue('SiteNotBuilt', { file: shown }, { dir: shown, detail })] });
  let text: string;
  try {
    text = await readFile(join(dir, MANIFEST_FILE), 'utf8');
  } catch {
    return notBuilt(`has no ${MANIFEST_FILE} (it is written last, when a build succeeds)`);
  }
  let parsed: z.infer<typeof ManifestSchema>;
  try {
    parsed = ManifestSchema.parse(JSON.parse(text));
  } catch {
    return notBuilt(`has a ${MANIFEST_FILE} that is not a Lifeboat build manifest`);
  }
  const pages = Object.keys(parsed.files).filter((path) => RUNBOOK_PAGE.test(path));
  if (pages.length === 0) return notBuilt('holds a build without runbook pages');
  // A sealed page says so in its markup (src/private/seal-pages.ts); its title is not even there to print.
  const sealed = await Promise.all(pages.map(async (path) => (await readFile(join(dir, path), 'utf8').catch(() => '')).includes('data-lb-locked')));
  const runbookPages = pages.filter((_, i) => !sealed[i]).map((path) => path.replace(/index\.html$/, '')).sort();
  if (runbookPages.length === 0 && !sealed.some(Boolean)) return notBuilt('holds a build without runbook pages');
  const { builtAt, commit, buildId, facts, staleFacts } = parsed;
  const privatePages = pages.filter((_, i) => sealed[i]).map((path) => path.replace(/index\.html$/, '')).sort();
  return { site: { dir, info: { builtAt, commit, buildId, facts, staleFacts }, runbookPages, privatePages }, issues: [] };
}
