/**
 * Prints the cover and the contents. Their page numbers depend on how many pages the front
 * matter itself takes, so it is printed until that count settles (twice at most in practice:
 * the numbers are filled in every time, and a number's width barely changes the layout).
 */
import type { Page } from 'playwright-core';
import { PDFDocument } from 'pdf-lib';
import { InternalError } from '../errors/create-issue.ts';
import { CONTENTS_ID, renderContents, renderCover, type ContentsEntry, type FrontMatterInput } from './front-matter.ts';
import { readNamedDests } from './pdf-navigation.ts';
import { PRINT_ORIGIN, type PrintBrowser } from './print-browser.ts';
import { renderPrintShell } from './print-document.ts';

const FRONT_PATH = '/__lifeboat/front.html';

/** The printed cover and contents. */
export interface FrontMatterPrint {
  pdf: Uint8Array;
  pages: number;
  /** 0-based page the contents start on. */
  contentsPage: number;
}

/**
 * `entries` carry each runbook's first page in the printed body (0-based); the contents show
 * it as a binder page, after the front matter.
 */
export async function printFrontMatter(
  browser: PrintBrowser,
  input: Omit<FrontMatterInput, 'entries'> & { entries: (Omit<ContentsEntry, 'page'> & { bodyPage: number })[]; stylesheets: string[]; css: string },
): Promise<FrontMatterPrint> {
  const page: Page = await browser.context.newPage();
  try {
    await page.emulateMedia({ media: 'print' });
    let pages = 2;
    for (let attempt = 0; attempt < 4; attempt++) {
      const entries = input.entries.map(({ bodyPage, ...entry }) => ({ ...entry, page: pages + bodyPage + 1 }));
      const body = renderCover({ ...input, entries }) + renderContents(entries);
      browser.serve(FRONT_PATH, renderPrintShell({ title: input.siteTitle, stylesheets: input.stylesheets, css: input.css, body }));
      await page.goto(PRINT_ORIGIN + FRONT_PATH);
      await page.evaluate(() => document.fonts.ready);
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      const doc = await PDFDocument.load(pdf, { updateMetadata: false });
      if (doc.getPageCount() === pages) return { pdf, pages, contentsPage: readNamedDests(doc).get(CONTENTS_ID)?.page ?? 1 };
      pages = doc.getPageCount();
    }
    throw new InternalError('The page count of the binder contents never settled.');
  } finally {
    await page.close();
  }
}
