/**
 * Puts the PDFs in place only once all of them exist: the per-runbook files are written into a
 * sibling temporary folder that replaces `pdf/` in one rename (as the site build does), and the
 * binder into a temporary file renamed over `binder.pdf`. A run that fails before this point,
 * or while writing, leaves the previous PDFs exactly as they were.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stageOutput } from '../build/atomic-output.ts';
import type { AssembledPdfs } from './assemble-pdfs.ts';

/** The binder, in the output folder. */
export const BINDER_FILE = 'binder.pdf';
/** Folder of the per-runbook PDFs, in the output folder. */
export const PDF_DIR = 'pdf';

/** Writes `binder.pdf` and `pdf/<id>.pdf` into the output folder; returns their paths. */
export async function writePdfs(outDir: string, pdfs: AssembledPdfs): Promise<{ binder: string; dir: string }> {
  const binder = join(outDir, BINDER_FILE);
  const dir = join(outDir, PDF_DIR);
  const staged = stageOutput(dir);
  const binderTmp = `${binder}.tmp-${process.pid}`;
  try {
    await mkdir(staged.dir);
    await Promise.all(pdfs.runbooks.map((r) => writeFile(join(staged.dir, `${r.id}.pdf`), r.bytes)));
    await writeFile(binderTmp, pdfs.binder.bytes);
    await staged.commit();
    await rename(binderTmp, binder);
  } catch (error) {
    await staged.discard();
    await rm(binderTmp, { force: true });
    throw error;
  }
  return { binder, dir };
}
