/**
 * The HTML and CSS the binder adds around the site's own rendering: the page geometry, one
 * named page per runbook (its running header, and a page break before it), the document shell,
 * and the banner under each runbook's title with its online address and a QR code to it.
 */
import encodeQR from 'qr';
import { escapeHtml } from '../site/markdown.ts';
import { TIER_LABELS } from '../site/runbook-view.ts';

/** Paper and margins, shared by the print CSS and the footer that is stamped afterwards. */
export const PAGE = { size: 'A4', widthMm: 210, heightMm: 297, topMm: 16, sideMm: 15, bottomMm: 17 } as const;

/** Millimetres to PDF points. */
export const mmToPt = (mm: number) => (mm * 72) / 25.4;

/**
 * A CSS string literal. Titles come from runbooks, so quotes, backslashes and line breaks are
 * escaped, and `<` too, so no title can close the <style> element it is written into.
 */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"<\n\r\f]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

/** What a runbook's running header shows. */
export interface PageRunbook {
  pageName: string;
  title: string;
  service: string;
  tier: number;
}

const PX_PER_MM = 96 / 25.4;
/**
 * Decision diagrams on paper (paper-diagrams.ts): tiles of at most the printable width and 90% of
 * the printable height (room for the caption), at the drawing's own size. The print style sheet
 * (runbook-print.css) sets the answer labels in 12 px = 9 pt of a narrow sans that still fits the
 * boxes the layout measured for 11 px.
 */
export const PAPER_DIAGRAMS = {
  widthPx: Math.floor((PAGE.widthMm - 2 * PAGE.sideMm) * PX_PER_MM),
  heightPx: Math.floor((PAGE.heightMm - PAGE.topMm - PAGE.bottomMm) * PX_PER_MM * 0.9),
  scale: 1,
} as const;

/** The sheet and its margins, for every document the binder prints. */
export const PAGE_CSS = `@page { size: ${PAGE.size}; margin: ${PAGE.topMm}mm ${PAGE.sideMm}mm ${PAGE.bottomMm}mm; }`;

/** Per runbook, a named page whose running header carries its title, service and tier. */
export function runbookPagesCss(runbooks: readonly PageRunbook[]): string {
  return runbooks
    .map(
    (r) =>
      `@page ${r.pageName} { @top-left { content: ${cssString(r.title)}; } @top-right { content: ${cssString(`${r.service} · ${TIER_LABELS[r.tier] ?? `Tier ${r.tier}`}`)}; } }`,
    )
    .join('\n');
}

/** A standalone document that loads the site's stylesheets and the binder's print CSS. */
export function renderPrintShell(input: { title: string; stylesheets: readonly string[]; css: string; body: string }): string {
  const links = input.stylesheets.map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`).join('');
  // `<` in CSS is escaped by cssString; this guards the print stylesheet's own text.
  const css = input.css.replace(/<\/style/gi, '<\\/style');
  // The binder only prints what the site rendered; nothing in it needs to run (Lifeboat's own
  // steps are evaluated through the browser's protocol, which a page's policy does not restrict).
  return `<!doctype html><html lang="en" data-theme="light"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="script-src 'none'; object-src 'none'; base-uri 'none'"><title>${escapeHtml(input.title)}</title>${links}<style>${css}</style></head><body class="lb-print">${input.body}</body></html>`;
}

/** The online page of a runbook as a QR code (SVG), readable from a printed page. */
export function qrCodeSvg(url: string): string {
  return encodeQR(url, 'svg', { ecc: 'medium', border: 1 });
}

/** Under each runbook's title: where the online (newest) version is, as text and as a QR code. */
export function renderBanner(input: { url?: string; path: string }): string {
  const where = input.url
    ? `<p class="lb-print-online">Online, always the newest version: <strong class="lb-print-url">${escapeHtml(input.url)}</strong></p>`
    : `<p class="lb-print-online">Online at <strong class="lb-print-url">${escapeHtml(input.path)}</strong> on the runbook site (built without a public address, so no QR code).</p>`;
  const qr = input.url ? `<figure class="lb-print-qr" aria-label="QR code of the online page">${qrCodeSvg(input.url)}</figure>` : '';
  return `<div class="lb-print-banner">${where}${qr}</div>`;
}
