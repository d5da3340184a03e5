/**
 * `npm run pdf`'s core: prints the built site's runbook pages into the binder and one PDF per
 * runbook, and returns them as bytes (writing them is the caller's, see write-pdfs.ts).
 *
 * One Chromium print lays out every runbook (the body); a second, small one the cover and the
 * contents, whose page numbers come from the first. pdf-lib then joins them, adds bookmarks and
 * footers, and copies each runbook's pages out into its own file. Problems come back as issues.
 */
import { readFile } from 'node:fs/promises';
import { PDFDocument } from 'pdf-lib';
import { createIssue, InternalError } from '../errors/create-issue.ts';
import type { Issue } from '../errors/issue.ts';
import { ID_PATTERN } from '../schema/primitives.ts';
import { assemblePdfs, type AssembledPdfs } from './assemble-pdfs.ts';
import { collectRunbookPages } from './collect-pages.ts';
import { formatTime } from './front-matter.ts';
import { readNamedDests } from './pdf-navigation.ts';
import { placeRunbooks } from './place-runbooks.ts';
import { layoutRunbooks, orderRunbooks } from './plan-binder.ts';
import { planRunbookOutline } from './plan-outline.ts';
import { openPrintBrowser, PRINT_ORIGIN, type PrintBrowser } from './print-browser.ts';
import { PAGE_CSS, renderBanner, renderPrintShell, runbookPagesCss } from './print-document.ts';
import { printFrontMatter } from './print-front-matter.ts';
import type { BuiltSite } from './read-built-site.ts';

export interface BindOptions {
  /** Chromium executable (see find-chromium.ts). */
  chromium: string;
  /** Days after the build a printed copy should be replaced; printed on the cover. */
  replaceAfterDays: number;
}

export type BindResult = { pdfs: AssembledPdfs; issues: [] } | { pdfs?: undefined; issues: Issue[] };

const BODY_PATH = '/__lifeboat/binder.html';
const STYLES = ['binder.css', 'runbook-print.css'];

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
    const page = await browser.context.newPage();
    browser.serve(BODY_PATH, renderPrintShell({ title: 'Runbooks', stylesheets: [], css, body: '<main id="lb-runbooks"></main>' }));
    await page.goto(PRINT_ORIGIN + BODY_PATH);
    const collected = await page.evaluate(collectRunbookPages, site.runbookPages);
    // Ids become file names (pdf/<id>.pdf): only what the schema allows gets that far.
    const badIds = collected.runbooks.filter((r) => !ID_PATTERN.test(r.id)).map((r) => `${r.path} has the id "${r.id}"`);
    if (collected.problems.length || badIds.length) return failed([...collected.problems, ...badIds].join('; '));

    const order = orderRunbooks(collected.runbooks);
    const siteUrl = order.find((r) => r.url)?.url;
    await page.addStyleTag({ content: runbookPagesCss(order) });
    await page.emulateMedia({ media: 'print' });
    const placements = order.map((r) => ({ path: r.path, id: r.id, pageName: r.pageName, bannerHtml: renderBanner({ url: r.url, path: r.path }) }));
    const headings = await page.evaluate(placeRunbooks, { placements, siteOrigin: siteUrl && new URL(siteUrl).origin });
    const body = await PDFDocument.load(await page.pdf({ preferCSSPageSize: true, printBackground: true }), { updateMetadata: false });
    await page.close();

    const dests = readNamedDests(body);
    const { layout, problem } = layoutRunbooks(order.map((r) => r.id), dests, body.getPageCount());
    if (!layout) return failed(problem);
    const front = await printFrontMatter(browser, {
      siteTitle: collected.siteTitle,
      info: site.info,
      replaceAfterDays: options.replaceAfterDays,
      siteUrl: siteUrl && new URL('/', siteUrl).href,
      entries: order.map((r, i) => ({ id: r.id, title: r.title, service: r.service, tier: r.tier, bodyPage: layout[i]!.first })),
      stylesheets: collected.stylesheets,
      css,
    });
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
