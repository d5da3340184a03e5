/**
 * The Pagefind output of a built site, split into the index (what grows with the pages: index
 * chunks, fragments, filters, metadata) and the runtime (scripts, styles and WebAssembly, the
 * same at any size).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { listFiles } from './folder-size.ts';

export interface SearchIndexSize {
  indexBytes: number;
  runtimeBytes: number;
  files: number;
  /** Pages Pagefind indexed, from pagefind-entry.json. */
  pages: number;
}

/** True for a file that is part of the index rather than the runtime. */
export const isIndexFile = (path: string) => /^(index|fragment|filter)\//.test(path) || /\.pf_meta$/.test(path) || path === 'pagefind-entry.json';

export async function measureSearchIndex(site: string): Promise<SearchIndexSize | undefined> {
  const dir = join(site, 'pagefind');
  const files = await listFiles(dir).catch(() => undefined);
  if (!files) return undefined;
  const entry = JSON.parse(await readFile(join(dir, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  const sum = (keep: boolean) => files.filter((f) => isIndexFile(f.path) === keep).reduce((n, f) => n + f.bytes, 0);
  return { indexBytes: sum(true), runtimeBytes: sum(false), files: files.length, pages: Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0) };
}
