/**
 * `lifeboat pdf`'s core: prints the built site's runbook pages into the binder and one PDF per
 * runbook, and returns them as bytes (writing them is the caller's, see write-pdfs.ts).
 *
 * Chromium prints the runbooks (the body, in parts, see print-body.ts), then the cover and the
 * contents, whose page numbers come from the body. pdf-lib joins them, adds bookmarks and
 * footers, and copies each runbook's pages out into its own file. Problems come back as issues.
 */
import { readFile } from 'node:fs/promises';
import { createIssue, InternalError } from '../errors/create-issue.ts';
import type { Issue } from '../errors/issue.ts';
import { ID_PATTERN } from '../schema/primitives.ts';
import { assemblePdfs, type AssembledPdfs } from './assemble-pdfs.ts';
import { collectRunbookPages } from './collect-pages.ts';
import { formatTime } from './front-matter.ts';
import { mergeParts } from './merge-parts.ts';
import { layoutRunbooks, orderRunbooks } from './plan-binder.ts';
import { planRunbookOutline } from './plan-outline.ts';
import { printBody } from './print-body.ts';
import { openPrintBrowser, PRINT_ORIGIN, type PrintBrowser } from './print-browser.ts';
import { PAGE_CSS, renderPrintShell } from './print-document.ts';
import { printFrontMatter } from './print-front-matter.ts';
import type { BuiltSite } from './read-built-site.ts';

/** How to print: the browser, the cover's replace-after period, the part size. */
export interface BindOptions {
  /** Chromium executable (see find-chromium.ts). */
  chromium: string;
  /** Days after the build a printed copy should be replaced; printed on the cover. */
  replaceAfterDays: number;
  /** Runbooks per Chromium print (default 10). */
  perPart?: number;
  /** Private runbooks' pages, unlocked (private-pages.ts), by site path: printed too, served from memory. */
  privatePages?: ReadonlyMap<string, string>;
}

/** The PDFs, or the issues that stopped them (nothing is written either way). */
export type BindResult = { pdfs: AssembledPdfs; issues: [] } | { pdfs?: undefined; issues: Issue[] };

const INDEX_PATH = '/__lifeboat/index.html';
const STYLES = ['binder.css', 'runbook-print.css'];

/** Prints the binder and every runbook's PDF from the build in `site`; never throws for bad input. */
export async function bindPdfs(site: BuiltSite, options: BindOptions): Promise<BindResult> {
  const failed = (detail: string, hint?: string): BindResult => ({ issues: [createIssue('PrintFailed', { file: site.dir }, { detail, hint })] });
  let browser: PrintBrowser;
  try {
    browser = await openPrintBrowser(options.chromium, site.dir);
  } catch (error) {
    return failed(firstLine(error), `Check that ${options.chromium} starts: run it with --version. To use another browser, set CHROMIUM_PATH.`);
  }
  try {
    const files = await Promise.all(STYLES.map((name) => readFile(new URL(name, import.meta.url), 'utf8')));
    const css = [PAGE_CSS, ...files].join('\n');
    // Read every page once for what ordering and the contents need; the parts print from there.
    const page = await browser.context.newPage();
    browser.serve(INDEX_PATH, renderPrintShell({ title: 'Runbooks', stylesheets: [], css: '', body: '' }));
    await page.goto(PRINT_ORIGIN + INDEX_PATH);
    for (const [path, html] of options.privatePages ?? []) browser.serve(path, html);
    const paths = [...site.runbookPages, ...(options.privatePages?.keys() ?? [])];
    const collected = await page.evaluate(collectRunbookPages, { paths, keep: false });
    await page.close();
    // Ids become file names (pdf/<id>.pdf): only what the schema allows gets that far.
    const badIds = collected.runbooks.filter((r) => !ID_PATTERN.test(r.id)).map((r) => `${r.path} has the id "${r.id}"`);
    if (collected.problems.length || badIds.length) return failed([...collected.problems, ...badIds].join('; '));

    const order = orderRunbooks(collected.runbooks);
    const siteUrl = order.find((r) => r.url)?.url;
    const siteOrigin = siteUrl && new URL(siteUrl).origin;
    const urls = new Map(order.flatMap((r) => (r.url ? [[r.id, r.url] as const] : [])));
    const parts = await printBody(browser, { runbooks: order, stylesheets: collected.stylesheets, css, siteOrigin, perPart: options.perPart });
    const { body, dests, headings } = await mergeParts(parts);
    const { layout, problem } = layoutRunbooks(order.map((r) => r.id), dests, body.getPageCount());
    if (!layout) return failed(problem);
    const front = await printFrontMatter(browser, {
      siteTitle: collected.siteTitle,
      info: site.info,
      replaceAfterDays: options.replaceAfterDays,
      siteUrl: siteUrl && new URL('/', siteUrl).href,
      entries: order.map((r, i) => ({ id: r.id, title: r.title, service: r.service, tier: r.tier, bodyPage: layout[i]!.first })),
      ...(options.privatePages?.size ? { privateRunbooks: options.privatePages.size } : {}),
      stylesheets: collected.stylesheets,
      css,
    });
    // Chromium's part is done: its memory is returned before pdf-lib needs its own.
    await browser.close();
    const runbooks = order.map((r, i) => {
      const outline = planRunbookOutline(headings[i]!, (dest) => dests.get(dest));
      return { pages: layout[i]!, title: r.title, outline: outline ?? { title: r.title, page: layout[i]!.first, children: [] } };
    });
    const pdfs = await assemblePdfs({
      body,
      front: front.pdf,
      contentsPage: front.contentsPage,
      runbooks,
      dests,
      title: collected.siteTitle,
      build: `build ${site.info.buildId} · ${formatTime(site.info.builtAt)}`,
      builtAt: site.info.builtAt,
      urlFor: (dest) => {
        const cut = dest.indexOf('--');
        const url = urls.get(dest.slice(0, cut));
        const anchor = dest.slice(cut + 2);
        return url && (anchor === '_top' ? url : `${url}#${anchor}`);
      },
    });
    return { pdfs, issues: [] };
  } catch (error) {
    if (error instanceof InternalError) throw error;
    return failed(firstLine(error));
  } finally {
    await browser.close();
  }
}

/** Playwright's messages carry a call log after the first line; the first line says what failed. */
function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.trim();
}
