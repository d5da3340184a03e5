/**
 * Joins the printed parts into one body: their pages in order, and one set of named
 * destinations in which each name points where its runbook was really printed (the stand-in
 * targets a part holds for other parts' runbooks are dropped).
 */
import { PDFDocument } from 'pdf-lib';
import { readNamedDests, writeNamedDests, type PagePoint } from './pdf-navigation.ts';
import type { PlacedHeading } from './place-runbooks.ts';
import type { PrintedPart } from './print-body.ts';

/** The body of the binder: every runbook's pages, destinations and headings. */
export interface MergedBody {
  body: PDFDocument;
  dests: Map<string, PagePoint>;
  /** Per runbook in binder order, the headings as printed. */
  headings: PlacedHeading[][];
}

/** The parts' pages in order as one document (the first part's, grown), with their destinations. */
export async function mergeParts(parts: readonly PrintedPart[]): Promise<MergedBody> {
  const body = await PDFDocument.load(parts[0]!.pdf, { updateMetadata: false });
  const dests = new Map<string, PagePoint>();
  let offset = 0;
  for (const [i, part] of parts.entries()) {
    const doc = i === 0 ? body : await PDFDocument.load(part.pdf, { updateMetadata: false });
    const pages = doc.getPageCount();
    if (i > 0) (await body.copyPages(doc, doc.getPageIndices())).forEach((page) => body.addPage(page));
    // Runbook ids are slugs without "--", so the prefix names the runbook a destination is in.
    const owns = (name: string) => part.ids.some((id) => name.startsWith(`${id}--`));
    for (const [name, point] of readNamedDests(doc)) if (owns(name)) dests.set(name, { ...point, page: point.page + offset });
    offset += pages;
  }
  writeNamedDests(body, dests);
  return { body, dests, headings: parts.flatMap((part) => part.headings) };
}
