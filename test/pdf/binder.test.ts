/**
 * `lifeboat pdf` on the example site (built once by the global setup), read back with poppler:
 * bookmarks, page numbers, contents, every command's full text inside the page, destructive
 * markers, the QR codes. What each runbook should contain comes from the runbook model.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { factOrigins, shownTime } from '../../src/command/command-html.ts';
import { formatTime } from '../../src/pdf/front-matter.ts';
import { PAGE, mmToPt } from '../../src/pdf/print-document.ts';
import { byTierThenTitle } from '../../src/site/navigation.ts';
import { pdfLinks, pdfOutline, pdfPageCount, pdfText, pdfTextRuns, pdfWords, readQrCode, savePageImage, type OutlineEntry, type PdfWord } from '../support/read-pdf.ts';
import { REPO, runScript } from '../support/run-script.ts';
import { loadExampleViews, type ExampleView } from './example-views.ts';

const squash = (text: string) => text.replace(/\s+/g, '');
const words = (text: string) => text.split(/\s+/).filter(Boolean);
const top = mmToPt(PAGE.topMm);
const bottom = mmToPt(PAGE.bottomMm);

let out: string;
let binder: string;
let outline: OutlineEntry[];
let pages: ReturnType<typeof pdfWords>;
let views: ExampleView[];
const single = (id: string) => join(out, 'pdf', `${id}.pdf`);
const entryOf = (title: string) => outline.find((e) => e.title === title)!;
/** Words of a page (1-based) in the header band, the body, or the footer band. */
const bandWords = (page: number, where: 'header' | 'body' | 'footer', of = pages) => {
  const { height, words: all } = of[page - 1]!;
  const inBand = (w: PdfWord) => (w.yMax < top ? 'header' : w.yMin > height - bottom ? 'footer' : 'body');
  return all.filter((w) => inBand(w) === where);
};
const band = (page: number, where: 'header' | 'body' | 'footer', of = pages) => bandWords(page, where, of).map((w) => w.text);

beforeAll(async () => {
  out = join(mkdtempSync(join(tmpdir(), 'lifeboat-pdf-')), 'dist');
  cpSync(inject('siteDir'), out, { recursive: true });
  const result = await runScript('pdf', ['--out', out]);
  expect(result.stderr).toBe('');
  expect(result.stdout).toMatch(/^Printed 7 runbooks into .*binder\.pdf \(\d+ pages, [\d.]+ MB\) and .*pdf\/ \(7 files, [\d.]+ MB\) in [\d.]+ s\.\n$/);
  binder = join(out, 'binder.pdf');
  outline = pdfOutline(binder);
  pages = pdfWords(binder);
  views = await loadExampleViews();
});

describe('the binder', () => {
  it('bookmarks the cover, the contents and every runbook, in the order of the site', () => {
    const expected = [...views].sort((a, b) => a.service.localeCompare(b.service) || byTierThenTitle(a, b)).map((v) => v.title);
    expect(outline.map((e) => e.title)).toEqual(['Cover', 'Contents', ...expected]);
    expect(outline.slice(0, 2).map((e) => e.page)).toEqual([1, 2]);
  });

  it("bookmarks every runbook's escalation, sections and numbered steps", () => {
    for (const view of views) {
      const children = entryOf(view.title).children;
      expect(children.map((c) => c.title), view.id).toContain('Escalation');
      for (const section of view.sections) {
        const entry = children.find((c) => c.title === `${section.number}. ${section.title}`);
        expect(entry?.children.map((c) => c.title), `${view.id} ${section.title}`).toEqual(section.steps.map((s) => `${s.number} ${s.title}`));
      }
    }
  });

  it('starts every runbook on a new page, under a running header with its title', () => {
    for (const view of views) {
      const page = entryOf(view.title).page;
      // The first lines of the page, top to bottom, are the title.
      const body = bandWords(page, 'body').sort((a, b) => Math.round(a.yMax) - Math.round(b.yMax) || a.xMin - b.xMin);
      expect(body.slice(0, words(view.title).length).map((w) => w.text), view.id).toEqual(words(view.title));
      expect(squash(band(page, 'header').join(' ')), view.id).toContain(squash(view.title));
      expect(squash(band(page - 1, 'header').join(' ')), view.id).not.toContain(squash(view.title));
    }
  });

  it('lists in the contents the page each runbook starts on', () => {
    const contents = bandWords(entryOf('Contents').page, 'body');
    for (const view of views) {
      const title = words(view.title);
      const at = contents.findIndex((_, i) => title.every((w, j) => contents[i + j]?.text === w));
      expect(at, view.id).toBeGreaterThan(-1);
      // The rest of the title's line, left to right: tier, then page number.
      const last = contents[at + title.length - 1]!;
      const rest = contents.filter((w) => Math.abs(w.yMax - last.yMax) < 2 && w.xMin > last.xMax).sort((a, b) => a.xMin - b.xMin);
      expect(rest.map((w) => w.text), view.id).toEqual([`T${view.tier}`, String(entryOf(view.title).page)]);
    }
  });

  it('numbers every page "Page X of Y", Y being the page count', () => {
    const total = pdfPageCount(binder);
    expect(pages).toHaveLength(total);
    pages.forEach((_, i) => expect(band(i + 1, 'footer').join(' '), `page ${i + 1}`).toContain(`Page ${i + 1} of ${total}`));
  });
});

describe('each runbook, in the binder and in its own PDF', () => {
  // Chromium drops text that is clipped or runs off the page, so a command cut at the margin
  // fails here (checked by breaking the print CSS on purpose).
  it('prints every command and its expected output in full', () => {
    const all = squash(pdfText(binder));
    for (const view of views) {
      const own = squash(pdfText(single(view.id)));
      expect(view.commands.length, view.id).toBeGreaterThan(0);
      for (const command of view.commands) {
        for (const text of [command.run, command.expect ?? '']) {
          expect(own, `${view.id}: ${text}`).toContain(squash(text));
          expect(all).toContain(squash(text));
        }
      }
    }
  });

  it('prints commands and their expected output at 10 pt or more', () => {
    for (const view of views) {
      const mono = pdfTextRuns(single(view.id)).filter((r) => /mono/i.test(r.family));
      for (const command of view.commands) {
        // The start of each command's first line begins a run of monospaced text (inline code in
        // the prose around it is smaller, and quotes commands only in part).
        const start = command.run.split('\n')[0]!.trim().slice(0, 30);
        // (A narrow box may wrap the line sooner: then the run is the start of it.)
        const printed = mono.filter((r) => r.text.startsWith(start) || (r.text.length >= 12 && start.startsWith(r.text)));
        expect(printed.length, `${view.id}: ${start}`).toBeGreaterThan(0);
        // Inline code quoting the command's first words may match too; it prints at 9 pt.
        expect(Math.max(...printed.map((r) => r.sizePt)), `${view.id}: ${start}`).toBeGreaterThanOrEqual(10);
      }
    }
  });

  it('says under each command filled in from cluster facts which facts those are and when they were collected', () => {
    let filled = 0;
    for (const view of views) {
      const notes = view.commands.map((c) => factOrigins(c.lines)).filter((origins) => origins.length > 0);
      const own = squash(pdfText(single(view.id)));
      const printed = own.split(squash('Marked values come from the cluster facts of')).length - 1;
      expect(printed, view.id).toBe(notes.length);
      for (const origins of notes) for (const o of origins) expect(own, view.id).toContain(squash(`${o.cluster}, collected ${shownTime(o.collectedAt)}`));
      filled += notes.length;
    }
    // The Velero restore's BACKUP=… comes from the facts: the check above was not vacuous.
    expect(filled).toBeGreaterThan(0);
  });

  it('marks every destructive command with a word, not only a colour', () => {
    for (const view of views) {
      const marked = pdfText(single(view.id)).match(/\bDESTRUCTIVE\b/g) ?? [];
      expect(marked.length, view.id).toBe(view.commands.filter((c) => c.destructive).length);
    }
  });

  it('numbers its own pages and bookmarks its own sections', () => {
    for (const view of views) {
      const file = single(view.id);
      const count = pdfPageCount(file);
      const next = outline[outline.indexOf(entryOf(view.title)) + 1];
      expect(count, view.id).toBe((next?.page ?? pages.length + 1) - entryOf(view.title).page);
      const own = pdfWords(file);
      own.forEach((_, i) => expect(band(i + 1, 'footer', own).join(' ')).toContain(`Page ${i + 1} of ${count}`));
      const [root] = pdfOutline(file);
      expect(root?.title).toBe(view.title);
      expect(root?.children.map((c) => c.title)).toEqual(entryOf(view.title).children.map((c) => c.title));
    }
  });

  it('gives the online address as text and as a QR code that reads back to it', () => {
    for (const view of views) {
      const url = `https://runbooks.kestrelpay.example/runbooks/${view.id}/`;
      expect(squash(pdfText(single(view.id), 1))).toContain(url);
      expect(readQrCode(single(view.id), 1), view.id).toBe(url);
    }
  });

  it('prints a decision tree as numbered text and as a diagram', () => {
    const text = squash(pdfText(single('post-restore-503')));
    expect(text).toContain(squash('No → go to step 2.2 Point the Ingress at the DR IngressClass'));
    // The diagram's node for the same target, drawn as SVG text.
    expect(text).toContain(squash('Go to 2.2 Point the Ingress'));
  });

  it("prints the diagrams' answer labels at 9 pt or more in dark ink (issue 27, item 13)", () => {
    const runs = pdfTextRuns(binder);
    // One-line labels (the diagram wraps at 28 characters) print as runs of exactly their text; in
    // the text outline a label is followed by its target ("Yes → …"), so these are the diagram's.
    const labels = new Set(views.flatMap((v) => v.decisions.flatMap((d) => d.answers.map((a) => a.label.replace(/`/g, '')))).filter((l) => l.length <= 28));
    // The diagram's font: that of its first line of a question, which only the diagram breaks there.
    const family = runs.find((r) => r.text.trim() === 'Does the 503 come from the')?.family;
    expect(family).toBeDefined();
    const printed = runs.filter((r) => r.family === family && labels.has(r.text.trim()));
    expect(new Set(printed.map((r) => r.text.trim())).size).toBeGreaterThanOrEqual(Math.min(10, labels.size));
    for (const run of printed) {
      expect(run.sizePt, run.text).toBeGreaterThanOrEqual(9);
      // Dark: every channel of the ink under 0x60 (the screen theme's grey printed as #737476).
      const channels = run.color.match(/[0-9a-f]{2}/gi)!.map((c) => parseInt(c, 16));
      expect(Math.max(...channels), `${run.text} ${run.color}`).toBeLessThan(0x60);
    }
  });

  it('prints no word over another, diagrams included', () => {
    const overlaps: string[] = [];
    pages.forEach(({ words: all }, p) => {
      for (let i = 0; i < all.length; i++)
        for (let j = i + 1; j < all.length; j++) {
          const [a, b] = [all[i]!, all[j]!];
          const x = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
          const y = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
          if (x > 0.5 && y > 0.5) overlaps.push(`page ${p + 1}: "${a.text}" over "${b.text}"`);
        }
    });
    expect(overlaps).toEqual([]);
  });

  it('prints a diagram too large for a page in captioned pieces, each legible', () => {
    const text = pdfText(single('post-restore-503'));
    const parts = [...text.matchAll(/Diagram, part (\d+) of (\d+): row \d+ of \d+/g)];
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.map((m) => Number(m[1]))).toEqual(parts.map((_, i) => i + 1));
    expect(new Set(parts.map((m) => m[2]))).toEqual(new Set([String(parts.length)]));
    // Every question of the tree is printed whole in one of the pieces.
    const own = squash(text);
    for (const d of views.find((v) => v.id === 'post-restore-503')!.decisions) expect(own).toContain(squash(d.question.replace(/"/g, "'")));
  });

  it("says a runbook's known problems without the authors' file positions", () => {
    const text = pdfText(binder);
    expect(text).toContain('This runbook has known problems:');
    expect(text).not.toMatch(/\(line \d+:\d+\)/);
    expect(text).not.toMatch(/\bline \d+:\d+/);
  });

  it('links to another runbook inside the binder, and to its online page from its own PDF', () => {
    const target = 'Fail the ledger over to the warm standby in the DR region';
    expect(pdfLinks(binder)).toContainEqual({ href: `binder.html#${entryOf(target).page}`, text: target });
    expect(pdfLinks(single('post-restore-503'))).toContainEqual({ href: 'https://runbooks.kestrelpay.example/runbooks/ledger-regional-failover/', text: target });
  });

  it("prints each runbook's backup evidence and the restores seen in the clusters", () => {
    const own = squash(pdfText(single('dr-full-cluster-restore')));
    expect(own).toContain(squash('Velero schedule cluster-daily in prod-euw1 Problem'));
    expect(own).toContain(squash('Missing CRDs of custom resources it holds: certificates.cert-manager.io, issuers.cert-manager.io, clusters.postgresql.cnpg.io.'));
    expect(own).toContain(squash('Velero restore, observed in dr-euc1'));
    expect(squash(pdfText(binder))).toContain(own.slice(own.indexOf(squash('Velero schedule cluster-daily')), own.indexOf(squash('Velero schedule cluster-daily')) + 200));
  });

  it('leaves out the copy buttons and the click-through controls', () => {
    const text = pdfText(binder);
    const sources = views.map((v) => readFileSync(v.absolutePath, 'utf8')).join('\n');
    for (const label of ['Copy', 'Restart', 'Back']) {
      const printed = text.match(new RegExp(`\\b${label}\\b`, 'g'))?.length ?? 0;
      expect(printed, label).toBeLessThanOrEqual(sources.match(new RegExp(`\\b${label}\\b`, 'g'))?.length ?? 0);
    }
  });
});

describe('the cover', () => {
  it('says which build this is, and after which date to replace a printed copy', () => {
    const manifest = JSON.parse(readFileSync(join(out, 'lifeboat-manifest.json'), 'utf8'));
    const cover = pdfText(binder, 1).replace(/\s+/g, ' ');
    expect(cover).toContain('Kestrel Pay DR runbooks');
    expect(cover).toContain('Built 2026-11-22 08:00 UTC');
    expect(cover).toContain(`Commit ${manifest.commit}`);
    expect(cover).toContain(`Build ${manifest.buildId}`);
    expect(cover).toContain('Replace this binder after 2026-12-22 (30 days after the build)');
    // The example is built from its demo facts: when each cluster's were collected.
    expect(Object.keys(manifest.facts).length).toBeGreaterThan(0);
    for (const [cluster, collectedAt] of Object.entries<string>(manifest.facts)) expect(cover).toContain(`${cluster} ${formatTime(collectedAt)}`);
  });
});

it('keeps page images of the cover, the contents and a runbook page as test artifacts', () => {
  const dir = join(REPO, 'test-results', 'pdf');
  mkdirSync(dir, { recursive: true });
  const first = outline[2]!;
  const shots = { 'cover.png': 1, 'contents.png': entryOf('Contents').page, 'runbook.png': first.page, 'runbook-2.png': first.page + 1 };
  for (const [name, page] of Object.entries(shots)) {
    savePageImage(binder, page, join(dir, name));
    expect(statSync(join(dir, name)).size, name).toBeGreaterThan(10_000);
  }
});
