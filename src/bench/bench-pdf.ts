/**
 * The binder benchmark: N generated runbooks are built into a site (`npm run build`), then
 * printed (`npm run pdf`), each as its own process so time and memory are those a user sees.
 * Budget (issue 6): binder for 100 runbooks ≤ 60 s wall and ≤ 1.5 GB peak RSS.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateRunbooks } from './generate-runbooks.ts';
import { measureProcess, type Measurement } from './measure-process.ts';

export const PDF_BUDGET = { wallMs: 60_000, peakRssBytes: 1.5e9 } as const;

export interface PdfBenchResult {
  runbooks: number;
  build: Measurement;
  pdf: Measurement;
  /** Pages and bytes of binder.pdf, from the pdf step's own summary line. */
  binderPages: number;
  binderBytes: number;
  withinBudget: boolean;
}

const REPO = fileURLToPath(new URL('../../', import.meta.url));

/** Generates, builds and prints `runbooks` runbooks in a temporary folder, then removes it. */
export async function benchPdf(options: { runbooks: number; seed?: number }): Promise<PdfBenchResult> {
  const work = await mkdtemp(join(tmpdir(), 'lifeboat-bench-pdf-'));
  try {
    const runbooksDir = join(work, 'runbooks');
    const out = join(work, 'dist');
    await generateRunbooks(runbooksDir, options.runbooks, options.seed);
    // Same Node as this process (the project's Node 24), same scripts as `npm run`.
    const script = (name: string, args: string[]) =>
      measureProcess(process.execPath, [join(REPO, 'scripts', `${name}.ts`), ...args], { cwd: REPO, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' } });
    const build = await script('build', ['--runbooks', runbooksDir, '--out', out]);
    if (build.code !== 0) throw new Error(`The benchmark site did not build:\n${build.stderr}`);
    const pdf = await script('build-pdf', ['--out', out]);
    if (pdf.code !== 0) throw new Error(`The benchmark binder was not printed:\n${pdf.stderr}`);
    const binderPages = Number(/\((\d+) pages/.exec(pdf.stdout)?.[1] ?? 0);
    const binderBytes = (await stat(join(out, 'binder.pdf'))).size;
    const withinBudget = pdf.wallMs <= PDF_BUDGET.wallMs && pdf.peakRssBytes <= PDF_BUDGET.peakRssBytes;
    return { runbooks: options.runbooks, build, pdf, binderPages, binderBytes, withinBudget };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
