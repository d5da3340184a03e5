/**
 * Reads PDFs back with poppler (pdfinfo, pdftotext, pdftohtml, pdftoppm), independently of the
 * pdf-lib code that wrote them, so a test of the binder never checks the binder with itself.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import decodeQR from 'qr/decode.js';

const run = (tool: string, args: string[]) => execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
const unescape = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|apos|#39|#34);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", '#34': '"' })[e]!);

/** Number of pages, from pdfinfo. */
export function pdfPageCount(file: string): number {
  return Number(/^Pages:\s+(\d+)$/m.exec(run('pdfinfo', [file]))![1]);
}

/**
 * The text of one page (1-based), or of the whole document, in drawing order. Raw mode, because
 * the default joins "service-" at the end of a line with the next word ("servicename"): it takes
 * the hyphen for a hyphenation, and commands are never hyphenated.
 */
export function pdfText(file: string, page?: number): string {
  return run('pdftotext', ['-raw', ...(page ? ['-f', String(page), '-l', String(page)] : []), file, '-']);
}

export interface PdfWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every page with its size and its words' bounding boxes (points, origin top left). */
export function pdfWords(file: string): { width: number; height: number; words: PdfWord[] }[] {
  const html = run('pdftotext', ['-bbox', file, '-']);
  return html
    .split('<page ')
    .slice(1)
    .map((chunk) => {
      const [, width, height] = /width="([\d.]+)" height="([\d.]+)"/.exec(chunk)!;
      const words = [...chunk.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)<\/word>/g)].map((m) => ({
        xMin: Number(m[1]),
        yMin: Number(m[2]),
        xMax: Number(m[3]),
        yMax: Number(m[4]),
        text: unescape(m[5]!),
      }));
      return { width: Number(width), height: Number(height), words };
    });
}

export interface OutlineEntry {
  title: string;
  /** 1-based page the bookmark opens. */
  page: number;
  children: OutlineEntry[];
}

/** The bookmarks, from pdftohtml's XML (a nested <outline> follows the item it belongs to). */
export function pdfOutline(file: string): OutlineEntry[] {
  const xml = run('pdftohtml', ['-xml', '-i', '-q', '-stdout', file]);
  const root: OutlineEntry[] = [];
  const open: OutlineEntry[][] = [];
  for (const [, start, end, page, title] of xml.matchAll(/(<outline>)|(<\/outline>)|<item page="(\d+)">(.*?)<\/item>/g)) {
    if (start) open.push(open.length === 0 ? root : open.at(-1)!.at(-1)!.children);
    else if (end) open.pop();
    else open.at(-1)!.push({ title: unescape(title!), page: Number(page), children: [] });
  }
  return root;
}

/** Links with their text: `<file>.html#<page>` inside the document, or the address. */
export function pdfLinks(file: string): { href: string; text: string }[] {
  const xml = run('pdftohtml', ['-xml', '-i', '-q', '-stdout', file]);
  return [...xml.matchAll(/<a href="([^"]*)">(.*?)<\/a>/g)].map((m) => ({ href: unescape(m[1]!).replace(/^.*\.html#/, 'binder.html#'), text: unescape(m[2]!.replace(/<[^>]+>/g, '')) }));
}

/** Renders one page (1-based) to a PNG file. */
export function savePageImage(file: string, page: number, png: string, dpi = 80): void {
  run('pdftoppm', ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', file, png.replace(/\.png$/, '')]);
}

/** Renders one page and reads the QR code on it, or undefined when none can be read. */
export function readQrCode(file: string, page: number): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'lifeboat-qr-'));
  try {
    run('pdftoppm', ['-r', '100', '-f', String(page), '-l', String(page), '-singlefile', file, join(dir, 'page')]);
    const ppm = readFileSync(join(dir, 'page.ppm'));
    const [header, width, height] = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'))!;
    return decodeQR({ width: Number(width), height: Number(height), data: ppm.subarray(header.length) }, { format: 'RGB' });
  } catch {
    return undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every run of text with its font family, size in points and colour (poppler's pdftohtml at zoom 1). */
export function pdfTextRuns(file: string): { text: string; family: string; sizePt: number; color: string }[] {
  const xml = run('pdftohtml', ['-xml', '-i', '-zoom', '1', '-stdout', file]);
  const fonts = new Map(
    [...xml.matchAll(/<fontspec id="(\d+)" size="(\d+)" family="([^"]+)" color="([^"]+)"/g)].map((m) => [m[1]!, { sizePt: Number(m[2]), family: m[3]!, color: m[4]! }]),
  );
  return [...xml.matchAll(/<text [^>]*font="(\d+)"[^>]*>(.*?)<\/text>/g)].map((m) => ({
    text: unescape(m[2]!.replace(/<[^>]+>/g, '')),
    ...fonts.get(m[1]!)!,
  }));
}
