/**
 * The pages an import reads: Markdown files named on the command line, and Markdown files in
 * folders (recursively). A file without an extension is read when it starts like Markdown — Hugo
 * sites sometimes hold one next to its `.md` twin.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { createIssue } from '../errors/create-issue.ts';
import type { Issue } from '../errors/issue.ts';
import { mapLimit } from '../util/map-limit.ts';
import type { SourcePage } from './analyze-page.ts';

const MARKDOWN = new Set(['.md', '.markdown', '.mdown']);
/** Front matter or an ATX heading at the start: enough to read a file without an extension. */
const LOOKS_LIKE_MARKDOWN = /^\uFEFF?\s*(---\s*\n|\+\+\+\s*\n|#{1,6} )/;

/** The pages to import, and what stopped the search. */
export interface FoundSources {
  pages: SourcePage[];
  /** Files in the folders that are not Markdown, skipped. */
  ignored: number;
  issues: Issue[];
}

/** Reads every page under `sources`. */
export async function findSources(sources: readonly string[], cwd: string): Promise<FoundSources> {
  const display = (path: string) => relative(cwd, path).split(sep).join('/') || '.';
  const issues: Issue[] = [];
  const found = new Map<string, { root: string; named: boolean }>();
  let candidates = 0;
  for (const source of sources) {
    const absolute = resolve(cwd, source);
    const info = await stat(absolute).catch(() => undefined);
    if (!info) issues.push(createIssue('ImportSourceMissing', { file: source }, { path: source }));
    else if (info.isFile()) found.set(absolute, { root: dirname(absolute), named: true });
    else {
      for (const file of await listFiles(absolute)) {
        candidates++;
        if (!found.has(file)) found.set(file, { root: absolute, named: false });
      }
    }
  }
  // Sorted by path, a Markdown file before its extension-less twin, so ids are given out the same way every run.
  const key = (path: string) => `${display(path).slice(0, display(path).length - extname(path).length)}\0${extname(path) ? 0 : 1}`;
  const entries = [...found.entries()].sort(([a], [b]) => key(a).localeCompare(key(b)));
  const read = await mapLimit(entries, 32, async ([path, { root, named }]) => {
    const ext = extname(path).toLowerCase();
    if (!named && !MARKDOWN.has(ext) && ext !== '') return undefined;
    const text = await readFile(path, 'utf8');
    if (!named && ext === '' && !LOOKS_LIKE_MARKDOWN.test(text)) return undefined;
    // Pages exported from Windows wikis end lines in CRLF; commands must not carry the CR.
    return { absolutePath: path, display: display(path), root, text: text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n') };
  });
  const pages = read.filter((p): p is SourcePage => p !== undefined);
  if (!issues.length && !pages.length) {
    issues.push(createIssue('ImportNothingFound', { file: sources.join(', ') }, { sources: sources.map((s) => `"${s}"`).join(', ') }));
  }
  return { pages, ignored: candidates - pages.filter((p) => !found.get(p.absolutePath)?.named).length, issues };
}

/** Files under `root`, skipping dot-folders, dot-files and node_modules. */
async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && !basename(e.name).startsWith('.'))
    .map((e) => join(e.parentPath, e.name))
    .filter((p) => !relative(root, p).split(sep).some((part) => part.startsWith('.') || part === 'node_modules'));
}
