/**
 * Prints the runbooks in parts of a few runbooks each, two parts at a time on two origins (two
 * renderer processes, two cores). Chromium's cost of printing one document grows faster than
 * its length (100 runbooks as one document took about 1.5 times the CPU of ten parts of ten),
 * and a small document keeps the renderer's memory small.
 */
import type { PrintBrowser } from './print-browser.ts';
import { printOrigin } from './print-browser.ts';
import { collectRunbookPages, type CollectedRunbook } from './collect-pages.ts';
import { placeRunbooks, type PlacedHeading } from './place-runbooks.ts';
import { renderBanner, renderPrintShell, runbookPagesCss } from './print-document.ts';

/** Runbooks per printed part. */
export const RUNBOOKS_PER_PART = 10;
const CONCURRENT_PARTS = 2;

export interface BodyInput {
  /** Every runbook in binder order, with its named page. */
  runbooks: (CollectedRunbook & { pageName: string })[];
  stylesheets: string[];
  css: string;
  siteOrigin?: string;
}

export interface PrintedPart {
  /** Ids of the runbooks in this part, in order. */
  ids: string[];
  pdf: Uint8Array;
  /** Per runbook, the headings as printed. */
  headings: PlacedHeading[][];
}

export async function printBody(browser: PrintBrowser, input: BodyInput): Promise<PrintedPart[]> {
  const parts: BodyInput['runbooks'][] = [];
  for (let i = 0; i < input.runbooks.length; i += RUNBOOKS_PER_PART) parts.push(input.runbooks.slice(i, i + RUNBOOKS_PER_PART));
  const binderIds = input.runbooks.map((r) => r.id);
  const shell = renderPrintShell({ title: 'Runbooks', stylesheets: input.stylesheets, css: input.css, body: '<main id="lb-runbooks"></main>' });
  browser.serve('/__lifeboat/body.html', shell);

  const printed: PrintedPart[] = new Array(parts.length);
  let next = 0;
  const worker = async (origin: string) => {
    for (let n = next++; n < parts.length; n = next++) {
      const part = parts[n]!;
      const page = await browser.context.newPage();
      try {
        await page.goto(`${origin}/__lifeboat/body.html`);
        const collected = await page.evaluate(collectRunbookPages, part.map((r) => r.path));
        if (collected.problems.length) throw new Error(collected.problems.join('; '));
        await page.addStyleTag({ content: runbookPagesCss(part) });
        await page.emulateMedia({ media: 'print' });
        const placements = part.map((r) => ({ path: r.path, id: r.id, pageName: r.pageName, bannerHtml: renderBanner({ url: r.url, path: r.path }) }));
        const headings = await page.evaluate(placeRunbooks, { placements, binderIds, siteOrigin: input.siteOrigin });
        const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
        printed[n] = { ids: part.map((r) => r.id), pdf, headings };
      } catch (error) {
        next = parts.length; // the other worker stops after its current part
        throw error;
      } finally {
        await page.close();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENT_PARTS, parts.length) }, (_, w) => worker(printOrigin(w + 1))));
  return printed;
}
