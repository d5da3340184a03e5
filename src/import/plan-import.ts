/**
 * Plans a whole import without touching the disk: which runbook file each source page becomes,
 * its text, and the report. Pure, like `planUpload`: `writeImport` applies the plan, and
 * `--dry-run` simply does not.
 */
import { analyzePage, type AnalyzedPage, type SourcePage } from './analyze-page.ts';
import type { ImportSettings } from './import-defaults.ts';
import { detectLayout, type FileReport, type ReportItem } from './import-report.ts';
import { collectEdits } from './inline-edits.ts';
import { createLinkResolver } from './link-targets.ts';
import { lineOf } from './markdown-tree.ts';
import { buildBody } from './page-body.ts';
import { allocateIds, idBase } from './page-identity.ts';
import { deriveFields, deriveService } from './runbook-fields.ts';
import { writeMdx, writeYaml } from './write-runbook.ts';

/** A runbook file to write: `target` is relative to the output folder. */
export interface PlannedFile {
  source: string;
  target: string;
  id: string;
  content: string;
}

/** The files to write and the report of every page, written or skipped. */
export interface ImportPlan {
  files: PlannedFile[];
  reports: FileReport[];
}

/**
 * Plans the import of `pages` (in the order given; sort them for repeatable ids). `taken` holds
 * the ids of runbooks already in the output folder that this run will not replace.
 */
export function planImport(pages: readonly SourcePage[], settings: ImportSettings, taken: ReadonlySet<string> = new Set()): ImportPlan {
  const reports = new Map<SourcePage, FileReport>();
  const analyzed: AnalyzedPage[] = [];
  for (const page of pages) {
    const result = analyzePage(page, settings.format);
    if (result) analyzed.push(result);
    else reports.set(page, { source: page.display, status: 'skipped', reason: 'it has no content besides front matter and a title', defaulted: [], items: [], sections: { steps: 0, prose: 0 } });
  }
  const services = analyzed.map((a) => deriveService(toFacts(a), settings));
  const ids = allocateIds(
    analyzed.map((a, i) => ({ base: idBase(a.page.absolutePath), service: services[i]! })),
    taken,
  );
  const resolve = createLinkResolver(analyzed.map((a, i) => ({ absolutePath: a.page.absolutePath, id: ids[i]!, anchors: a.plan.anchors })));

  const files: PlannedFile[] = [];
  analyzed.forEach((a, i) => {
    const { page, outline } = a;
    const id = ids[i]!;
    const { edits, items } = collectEdits(a.tree, { source: page.text, format: settings.format, file: page.absolutePath, resolve });
    const body = buildBody(outline.chunks, a.plan, { source: page.text, edits, format: settings.format, report: (item) => items.push(item) });
    const { fields, defaulted, unusedKeys } = deriveFields(toFacts(a), id, services[i]!, settings);
    items.push(...pageItems(a, id, idBase(page.absolutePath), unusedKeys));
    const target = `${fields.service}/${id}.${settings.format === 'mdx' ? 'mdx' : 'yaml'}`;
    const runbook = { fields, defaulted, body, source: page.display, ...(settings.cluster ? { cluster: settings.cluster } : {}) };
    files.push({ source: page.display, target, id, content: settings.format === 'mdx' ? writeMdx(runbook) : writeYaml(runbook) });
    reports.set(page, {
      source: page.display,
      status: 'imported',
      target,
      id,
      layout: detectLayout(outline.chunks.map((c) => c.title)),
      defaulted,
      items: items.sort((x, y) => x.line - y.line),
      sections: countSections(a),
    });
  });
  return { files, reports: pages.map((p) => reports.get(p)!) };
}

/** Sections that became steps (one, when the whole page was wrapped) and sections kept as prose. */
function countSections({ plan, outline }: AnalyzedPage): FileReport['sections'] {
  const count = (kind: string) => plan.fates.filter((f, i) => f.kind === kind && (outline.chunks[i]!.heading || kind !== 'label')).length;
  return plan.wrapAll ? { steps: 1, prose: count('prose') + count('label') } : { steps: count('step'), prose: count('prose') + count('label') };
}

const toFacts = (a: AnalyzedPage) => ({
  file: a.page.absolutePath,
  root: a.page.root,
  frontMatter: a.frontMatter.fields,
  ...(a.titleHeading ? { titleHeading: a.titleHeading } : {}),
  ...(a.intro ? { intro: a.intro } : {}),
});

/** Report items about the page as a whole: title, front matter, id. */
function pageItems(a: AnalyzedPage, id: string, base: string, unusedKeys: string[]): ReportItem[] {
  const items: ReportItem[] = [];
  const fm = a.frontMatter;
  const fmLine = fm.node ? lineOf(fm.node) : 1;
  if (a.outline.titleHeading) items.push({ line: lineOf(a.outline.titleHeading), kind: 'mapped', what: `title heading "${a.titleHeading}" → title` });
  if (fm.problem) items.push({ line: fmLine, kind: 'dropped', what: `front matter cannot be read (${fm.problem}): its fields were ignored` });
  if (unusedKeys.length) items.push({ line: fmLine, kind: 'dropped', what: `front matter ${unusedKeys.join(', ')}: no runbook field for ${unusedKeys.length === 1 ? 'it' : 'them'}` });
  if (id !== base) items.push({ line: 1, kind: 'mapped', what: `id "${base}" is taken by another runbook: this one is "${id}"` });
  return items;
}
