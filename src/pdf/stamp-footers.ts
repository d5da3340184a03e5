/**
 * Footers are drawn onto the printed pages afterwards, not by Chromium: the same pages appear in
 * the binder ("Page 37 of 412") and in a runbook's own PDF ("Page 2 of 7"), and Chromium cannot
 * number pages from an offset. Footers hold only ASCII (ids, numbers, dates), so the standard
 * Helvetica needs no embedded font.
 */
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { PAGE, mmToPt } from './print-document.ts';
import type { Footer } from './plan-binder.ts';

const SIZE = 7.5;

/** Anything Helvetica's WinAnsi encoding cannot draw becomes "?" rather than an exception. */
const drawable = (text: string) => text.replace(/[^\x20-\x7e\u00b7]/g, '?');

/** Draws `footers[i]` at the foot of page `i` (left, centre and right aligned). */
export async function stampFooters(doc: PDFDocument, footers: readonly Footer[]): Promise<void> {
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const color = rgb(0.25, 0.25, 0.25);
  const side = mmToPt(PAGE.sideMm);
  const y = mmToPt(PAGE.bottomMm) / 2 - SIZE / 2;
  doc.getPages().forEach((page, i) => {
    const [left, centre, right] = (footers[i] ?? ['', '', '']).map(drawable) as Footer;
    const width = page.getWidth();
    const draw = (text: string, x: number) => text && page.drawText(text, { x, y, size: SIZE, font, color });
    draw(left, side);
    draw(centre, (width - font.widthOfTextAtSize(centre, SIZE)) / 2);
    draw(right, width - side - font.widthOfTextAtSize(right, SIZE));
  });
}
