/**
 * The PDF's own navigation, read and written with pdf-lib's low-level objects: the named
 * destinations Chromium records for link targets (one per heading, thanks to the self-links
 * `placeRunbooks` adds), and the outline (bookmarks) the binder writes from them. Chromium's own
 * outline is not used: it needs a tagged PDF (twice the size) and runs wrapped lines together.
 */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString, type PDFObject } from 'pdf-lib';

/** Where a destination points: a 0-based page index and the y of the target on it, in points. */
export interface PagePoint {
  page: number;
  top?: number;
}

/** One bookmark; `open` shows its children when the PDF is opened. */
export interface OutlineItem extends PagePoint {
  title: string;
  open?: boolean;
  children: OutlineItem[];
}

/** The document's named destinations (the `/Dests` dictionary Chromium writes), by name. */
export function readNamedDests(doc: PDFDocument): Map<string, PagePoint> {
  const found = new Map<string, PagePoint>();
  const dests = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  if (!dests) return found;
  const pageIndex = new Map(doc.getPages().map((page, i) => [page.ref.toString(), i]));
  for (const [name, value] of dests.entries()) {
    const dest = doc.context.lookup(value);
    const array = dest instanceof PDFDict ? dest.lookupMaybe(PDFName.of('D'), PDFArray) : dest instanceof PDFArray ? dest : undefined;
    const target = array?.get(0);
    const page = target instanceof PDFRef ? pageIndex.get(target.toString()) : undefined;
    if (page === undefined) continue;
    const top = array!.get(3);
    found.set(name.decodeText(), { page, ...(top instanceof PDFNumber ? { top: top.asNumber() } : {}) });
  }
  return found;
}

/** Replaces the named destinations, so links inside a document split from the binder still work. */
export function writeNamedDests(doc: PDFDocument, dests: ReadonlyMap<string, PagePoint>): void {
  const dict = doc.context.obj({});
  for (const [name, point] of dests) dict.set(PDFName.of(name), destination(doc, point));
  doc.catalog.set(PDFName.of('Dests'), doc.context.register(dict));
}

/**
 * Links to destinations this document does not hold (a runbook's own PDF linking to another
 * runbook) become links to `urlFor(name)`, the online page, or are removed when there is none.
 */
export function relinkMissingDests(doc: PDFDocument, own: ReadonlySet<string>, urlFor: (name: string) => string | undefined): void {
  for (const page of doc.getPages()) {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    if (!annots) continue;
    for (let i = annots.size() - 1; i >= 0; i--) {
      const annot = annots.lookup(i);
      const dest = annot instanceof PDFDict ? annot.get(PDFName.of('Dest')) : undefined;
      if (!(dest instanceof PDFName) || own.has(dest.decodeText())) continue;
      const url = urlFor(dest.decodeText());
      if (!url) {
        annots.remove(i);
        continue;
      }
      (annot as PDFDict).delete(PDFName.of('Dest'));
      (annot as PDFDict).set(PDFName.of('A'), doc.context.obj({ Type: 'Action', S: 'URI', URI: PDFString.of(url.replace(/[\\()]/g, '\\$&')) }));
    }
  }
}

/** Replaces the outline (bookmarks) and asks viewers to show it when the PDF opens. */
export function writeOutline(doc: PDFDocument, items: readonly OutlineItem[]): void {
  const ctx = doc.context;
  const rootRef = ctx.nextRef();
  const visible = (list: readonly OutlineItem[]): number => list.reduce((n, item) => n + 1 + (item.open ? visible(item.children) : 0), 0);

  const writeLevel = (list: readonly OutlineItem[], parent: PDFRef): PDFRef[] => {
    const refs = list.map(() => ctx.nextRef());
    list.forEach((item, i) => {
      const entries: Record<string, PDFObject> = { Title: PDFHexString.fromText(item.title), Parent: parent, Dest: destination(doc, item) };
      if (i > 0) entries.Prev = refs[i - 1]!;
      if (i < list.length - 1) entries.Next = refs[i + 1]!;
      if (item.children.length) {
        const children = writeLevel(item.children, refs[i]!);
        const count = visible(item.children);
        Object.assign(entries, { First: children[0]!, Last: children.at(-1)!, Count: PDFNumber.of(item.open ? count : -count) });
      }
      ctx.assign(refs[i]!, ctx.obj(entries));
    });
    return refs;
  };

  const top = writeLevel(items, rootRef);
  const root: Record<string, PDFObject> = { Type: PDFName.of('Outlines'), Count: PDFNumber.of(visible(items)) };
  if (top.length) Object.assign(root, { First: top[0]!, Last: top.at(-1)! });
  ctx.assign(rootRef, ctx.obj(root));
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

/** `[page /XYZ null top null]`: jump to the target's height, keeping the reader's zoom. */
function destination(doc: PDFDocument, point: PagePoint): PDFArray {
  const ref = doc.getPage(point.page).ref;
  return doc.context.obj([ref, PDFName.of('XYZ'), null, point.top ?? null, null]);
}
