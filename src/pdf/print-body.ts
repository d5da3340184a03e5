/**
 * Prints the runbooks in parts of a few runbooks each. Chromium's cost of printing one document
 * grows faster than its length (100 runbooks as one document took about 1.5 times the CPU of
 * ten parts of ten), and a small document keeps the renderer's memory small.
 */
import { PRINT_ORIGIN, type PrintBrowser } from './print-browser.ts';
import { collectRunbookPages, type CollectedRunbook } from './collect-pages.ts';
import { fitDiagramsToPaper } from './paper-diagrams.ts';
import { placeRunbooks, type PlacedHeading } from './place-runbooks.ts';
import { PAPER_DIAGRAMS, renderBanner, renderPrintShell, runbookPagesCss } from './print-document.ts';

/** Runbooks per printed part, unless told otherwise. */
export const RUNBOOKS_PER_PART = 10;

/** The runbooks to print and the styles to print them with. */
export interface BodyInput {
  /** Every runbook in binder order, with its named page. */
  runbooks: (CollectedRunbook & { pageName: string })[];
  stylesheets: string[];
  css: string;
  siteOrigin?: string;
  /** Runbooks per printed part (fewer: less memory, a little more time). */
  perPart?: number;
}

/** One Chromium print of a few runbooks. */
export interface PrintedPart {
  /** Ids of the runbooks in this part, in order. */
  ids: string[];
  pdf: Uint8Array;
  /** Per runbook, the headings as printed. */
  headings: PlacedHeading[][];
}

/** Prints `input.runbooks` part by part, in order; a page that cannot be read fails the whole print. */
export async function printBody(browser: PrintBrowser, input: BodyInput): Promise<PrintedPart[]> {
  const parts: BodyInput['runbooks'][] = [];
  const size = input.perPart ?? RUNBOOKS_PER_PART;
  for (let i = 0; i < input.runbooks.length; i += size) parts.push(input.runbooks.slice(i, i + size));
  const binderIds = input.runbooks.map((r) => r.id);
  const shell = renderPrintShell({ title: 'Runbooks', stylesheets: input.stylesheets, css: input.css, body: '<main id="lb-runbooks"></main>' });
  browser.serve('/__lifeboat/body.html', shell);

  // One part at a time: a second renderer would save time on an idle machine but costs about
  // 200 MB, and the budget for 100 runbooks is 1.5 GB for the whole process tree.
  const printed: PrintedPart[] = [];
  for (const part of parts) {
    const page = await browser.context.newPage();
    try {
      await page.goto(`${PRINT_ORIGIN}/__lifeboat/body.html`);
      const collected = await page.evaluate(collectRunbookPages, { paths: part.map((r) => r.path), keep: true });
      if (collected.problems.length) throw new Error(collected.problems.join('; '));
      await page.addStyleTag({ content: runbookPagesCss(part) });
      await page.emulateMedia({ media: 'print' });
      const placements = part.map((r) => ({ path: r.path, id: r.id, pageName: r.pageName, bannerHtml: renderBanner({ url: r.url, path: r.path }) }));
      const headings = await page.evaluate(placeRunbooks, { placements, binderIds, siteOrigin: input.siteOrigin });
      await page.evaluate(fitDiagramsToPaper, PAPER_DIAGRAMS);
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      printed.push({ ids: part.map((r) => r.id), pdf, headings });
    } finally {
      await page.close();
    }
  }
  return printed;
}
