/**
 * From two prints to the finished files: the body (every runbook) and the front matter (cover,
 * contents) become the binder, and each runbook's pages are copied out into its own PDF with
 * its own bookmarks, links and page numbers. Copies are taken before any footer is drawn.
 */
import { PDFDocument } from 'pdf-lib';
import { CONTENTS_ID } from './front-matter.ts';
import { relinkMissingDests, writeNamedDests, writeOutline, type OutlineItem, type PagePoint } from './pdf-navigation.ts';
import { binderFooters, runbookFooters, type RunbookPages } from './plan-binder.ts';
import { stampFooters } from './stamp-footers.ts';

/** What `assemblePdfs` joins: the two prints, the runbooks' pages and bookmarks, and labels. */
export interface AssembleInput {
  /** Chromium's print of every runbook, in binder order (becomes the binder). */
  body: PDFDocument;
  /** Chromium's print of the cover and contents. */
  front: Uint8Array;
  /** 0-based page of the front matter the contents start on. */
  contentsPage: number;
  runbooks: { pages: RunbookPages; title: string; outline: OutlineItem }[];
  /** Named destinations of the body, by name. */
  dests: ReadonlyMap<string, PagePoint>;
  /** Document title of the binder (the site title). */
  title: string;
  /** Build label for footers, e.g. "build 5186b5f3 · 2026-11-22". */
  build: string;
  builtAt: string;
  /** The online address for a destination name (`<id>--<anchor>`), when the site has one. */
  urlFor: (dest: string) => string | undefined;
}

/** The finished files, as bytes, with their page counts. */
export interface AssembledPdfs {
  binder: { bytes: Uint8Array; pages: number };
  runbooks: { id: string; bytes: Uint8Array; pages: number }[];
}

/** The binder (front matter + body, bookmarks, footers) and each runbook's own PDF, as bytes. */
export async function assemblePdfs(input: AssembleInput): Promise<AssembledPdfs> {
  const { body } = input;
  const runbooks: AssembledPdfs['runbooks'] = [];
  for (const { pages, title, outline } of input.runbooks) {
    const single = await PDFDocument.create({ updateMetadata: false });
    const indices = Array.from({ length: pages.pages }, (_, i) => pages.first + i);
    for (const page of await single.copyPages(body, indices)) single.addPage(page);
    const own = new Map<string, PagePoint>();
    for (const [name, point] of input.dests) {
      if (name.startsWith(`${pages.id}--`)) own.set(name, { ...point, page: point.page - pages.first });
    }
    writeNamedDests(single, own);
    relinkMissingDests(single, new Set(own.keys()), input.urlFor);
    writeOutline(single, [{ ...shift(outline, -pages.first), open: true }]);
    await stampFooters(single, runbookFooters(pages.id, pages.pages, input.build));
    describe(single, `${title} — ${input.title}`, input.builtAt);
    runbooks.push({ id: pages.id, bytes: await single.save(), pages: pages.pages });
  }

  const front = await PDFDocument.load(input.front, { updateMetadata: false });
  const frontPages = front.getPageCount();
  (await body.copyPages(front, front.getPageIndices())).forEach((page, i) => body.insertPage(i, page));
  const binderDests = new Map([...input.dests].map(([name, point]) => [name, { ...point, page: point.page + frontPages }]));
  writeNamedDests(body, binderDests.set(CONTENTS_ID, { page: input.contentsPage }));
  writeOutline(body, [
    { title: 'Cover', page: 0, children: [] },
    { title: 'Contents', page: input.contentsPage, children: [] },
    ...input.runbooks.map((r) => shift(r.outline, frontPages)),
  ]);
  await stampFooters(body, binderFooters(frontPages, input.runbooks.map((r) => r.pages), input.build));
  describe(body, input.title, input.builtAt);
  return { binder: { bytes: await body.save(), pages: body.getPageCount() }, runbooks };
}

function shift(item: OutlineItem, by: number): OutlineItem {
  return { ...item, page: item.page + by, children: item.children.map((child) => shift(child, by)) };
}

/** Document properties; dated with the build, so printing the same build twice gives the same file. */
function describe(doc: PDFDocument, title: string, builtAt: string): void {
  const date = Number.isNaN(Date.parse(builtAt)) ? new Date(0) : new Date(builtAt);
  doc.setTitle(title, { showInWindowTitleBar: true });
  doc.setSubject('Disaster-recovery runbooks');
  doc.setCreator('Lifeboat');
  doc.setProducer('Lifeboat (Chromium, pdf-lib)');
  doc.setCreationDate(date);
  doc.setModificationDate(date);
}
