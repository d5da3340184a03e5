/**
 * Applies an import plan to the output folder. Each file is written to a temporary name and then
 * moved into place, so a reader (or a crash) never sees half a runbook. Without `force` the move
 * is a hard link, which fails when the target exists: an existing file is never replaced, even by
 * a race with another writer.
 */
import { link, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, extname, join, relative, sep } from 'node:path';
import { createIssue } from '../errors/create-issue.ts';
import type { Issue } from '../errors/issue.ts';
import { mapLimit } from '../util/map-limit.ts';
import type { PlannedFile } from './plan-import.ts';
import { importedFrom } from './write-runbook.ts';

/** What writing the plan left undone, as issues. */
export interface WriteResult {
  /** Sources whose runbook could not be written. */
  failed: Set<string>;
  issues: Issue[];
}

/** Writes (or, with `dryRun`, only checks) every planned file under `outDir`. */
export async function writeImport(outDir: string, files: readonly PlannedFile[], options: { force: boolean; dryRun: boolean; display: (path: string) => string }): Promise<WriteResult> {
  const result: WriteResult = { failed: new Set(), issues: [] };
  const fail = (file: PlannedFile, issue: Issue) => {
    result.failed.add(file.source);
    result.issues.push(issue);
  };
  for (const [n, file] of files.entries()) {
    const target = join(outDir, file.target);
    const shown = options.display(target);
    if (!options.force && (await stat(target).catch(() => undefined))) {
      fail(file, createIssue('ImportOutputExists', { file: shown }, { target: shown, source: file.source }));
      continue;
    }
    if (options.dryRun) continue;
    const temporary = `${target}.import-${process.pid}-${n}.tmp`;
    try {
      await mkdir(dirname(target), { recursive: true });
      await writeFile(temporary, file.content);
      if (options.force) await rename(temporary, target);
      else await link(temporary, target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') fail(file, createIssue('ImportOutputExists', { file: shown }, { target: shown, source: file.source }));
      else fail(file, createIssue('ImportWriteFailed', { file: shown }, { target: shown, detail: (error as Error).message }));
    } finally {
      await rm(temporary, { force: true });
    }
  }
  return result;
}

/** A runbook already in the output folder: its id, and the page it was imported from, if any. */
export interface ExistingRunbook {
  id: string;
  importedFrom?: string;
}

/** Ids of the runbooks in `outDir`, so imported pages do not take them. A missing folder has none. */
export async function readExistingRunbooks(outDir: string): Promise<ExistingRunbook[]> {
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true }).catch(() => []);
  const files = entries
    .filter((e) => e.isFile() && ['.yaml', '.yml', '.mdx'].includes(extname(e.name).toLowerCase()))
    .map((e) => join(e.parentPath, e.name))
    .filter((p) => !relative(outDir, p).split(sep).some((part) => part.startsWith('.') || part === 'node_modules'));
  const found = await mapLimit(files, 32, async (path) => {
    const text = await readFile(path, 'utf8');
    const id = /^id:\s*["']?([a-z0-9-]+)["']?\s*(#.*)?$/m.exec(text.slice(0, 8000))?.[1];
    const source = importedFrom(text);
    return id ? { id, ...(source ? { importedFrom: source } : {}) } : undefined;
  });
  return found.filter((f): f is ExistingRunbook => f !== undefined);
}
