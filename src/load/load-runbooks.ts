/**
 * Reads every runbook under a folder and validates it: syntax, schema, MDX body, then the
 * collection-wide rules. Collects every problem in every file and never throws for bad input.
 */
// Synchronous throughout: see the loop below; and loading node:fs/promises costs ~3 ms of every check.
import { readdirSync, readFileSync } from 'node:fs';
import { extname, relative, resolve, sep } from 'node:path';
import { createIssue } from '../errors/create-issue.ts';
import { sortIssues, type Issue } from '../errors/issue.ts';
import { validateCollection, type ValidationContext } from '../validate/validate-collection.ts';
import { mdxLocator, mdxValueLocator, parseMdxRunbook } from './parse-mdx-runbook.ts';
import { parseYamlRunbook, type ParsedFields } from './parse-yaml-runbook.ts';
import type { Runbook } from './runbook-model.ts';
import type { MdxPolicy } from './mdx-code.ts';

export const RUNBOOK_EXTENSIONS = new Set(['.yaml', '.yml', '.mdx']);

export interface LoadResult {
  /** Runbooks that parsed and passed the schema (they may still carry collection-level issues). */
  runbooks: Runbook[];
  issues: Issue[];
  /** Number of runbook files read, valid or not. */
  files: number;
  /** Those files, as reports print them. */
  fileList: string[];
  /**
   * The text of each YAML runbook read, by the path reports print: reports show code frames from
   * it instead of reading 1,000 files again (~20 ms of a text report).
   */
  sources: Map<string, string>;
}

export interface LoadOptions extends Partial<ValidationContext> {
  /** Base for the file paths in reports; defaults to the working directory. */
  cwd?: string;
  /** What MDX runbooks may contain (`mdx` and `markdown` settings); content only by default. */
  mdx?: MdxPolicy;
}

/** Loads and validates every runbook in `dir`. */
export async function loadRunbooks(dir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const cwd = options.cwd ?? process.cwd();
  const root = resolve(cwd, dir);
  const files = listFiles(root);
  const issues: Issue[] = [];
  const runbooks: Runbook[] = [];
  /** Valid runbooks plus salvaged partial ones: what the collection rules see. */
  const checked: Runbook[] = [];
  const sources = new Map<string, string>();
  // Every file is under `root`: its display path is the root's plus its own relative part, so
  // path.relative (a normalisation per call, ~20 ms for 1,000 files twice over) runs once.
  const rootDisplay = relative(cwd, root).split(sep).join('/');
  const under = withSep(root);
  const display = (abs: string) => {
    if (!abs.startsWith(under)) return relative(cwd, abs).split(sep).join('/');
    const own = abs.slice(under.length).split(sep).join('/');
    return rootDisplay ? `${rootDisplay}/${own}` : own;
  };

  for (const absolutePath of files) {
    const file = display(absolutePath);
    const ext = extname(absolutePath).toLowerCase();
    // Synchronous on purpose: 1,000 small files take 15–25 ms this way and 170 ms through the
    // promise API (a thread-pool round trip for each open, stat, read and close).
    const text = RUNBOOK_EXTENSIONS.has(ext) ? readFileSync(absolutePath, 'utf8') : undefined;
    if (text === undefined) {
      if (ext === '.md') issues.push(createIssue('IgnoredFile', { file }, { ext }));
      continue;
    }
    const runbook = parseRunbookFile(text, file, absolutePath, options.mdx);
    issues.push(...runbook.issues);
    if (runbook.yamlText !== undefined) sources.set(file, runbook.yamlText);
    if (runbook.runbook && !runbook.partial) runbooks.push(runbook.runbook);
    if (runbook.runbook) checked.push(runbook.runbook);
  }
  const fileList = files.filter((f) => RUNBOOK_EXTENSIONS.has(extname(f).toLowerCase())).map(display);
  const runbookFiles = fileList.length;
  if (runbookFiles === 0) {
    issues.push(createIssue('NoRunbooks', { file: display(root) || '.' }, { dir: display(root) || '.' }));
  }
  issues.push(
    ...validateCollection(checked, {
      clusters: options.clusters ?? {},
      vars: options.vars ?? {},
      facts: options.facts ?? new Map(),
      allowHtml: options.mdx?.allowHtml ?? options.allowHtml ?? false,
    }),
  );
  return { runbooks, issues: sortIssues(issues), files: runbookFiles, fileList, sources };
}

/** Parses one runbook file's text; `file` is the path printed in reports. */
export function parseRunbookFile(
  text: string,
  file: string,
  absolutePath: string,
  mdxPolicy?: MdxPolicy,
): { runbook?: Runbook; partial?: boolean; issues: Issue[]; yamlText?: string } {
  const isMdx = extname(file).toLowerCase() === '.mdx';
  let parsed: ParsedFields;
  let body: Pick<Runbook, 'bodySteps' | 'bodyComplete' | 'bodyDecisions' | 'locate' | 'locateInValue'>;
  if (isMdx) {
    const mdx = parseMdxRunbook(text, file, mdxPolicy, absolutePath);
    parsed = mdx;
    body = {
      bodySteps: mdx.body.steps,
      bodyComplete: mdx.body.issues.length === 0,
      bodyDecisions: mdx.body.decisions,
      locate: mdxLocator(mdx),
      locateInValue: mdxValueLocator(mdx),
    };
  } else {
    parsed = parseYamlRunbook(text, file);
    body = { bodySteps: [], bodyComplete: true, bodyDecisions: [], locate: parsed.source.locate, locateInValue: parsed.source.locateInValue };
  }
  const data = parsed.data ?? parsed.partial;
  const yamlText = isMdx ? undefined : { yamlText: parsed.source.text };
  if (!data) return { issues: parsed.issues, ...yamlText };
  const runbook: Runbook = { file, absolutePath, format: isMdx ? 'mdx' : 'yaml', data, ...body };
  return { runbook, partial: !parsed.data, issues: parsed.issues, ...yamlText };
}

/**
 * Every file under `root`, sorted, skipping dot-files, dot-folders and node_modules. Missing root
 * → []. Walked by hand: `readdirSync({ recursive: true })` took ~25 ms for 1,000 runbooks in 200
 * folders, this ~4 ms, and it never enters the folders it skips.
 */
function listFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = withSep(dir) + entry.name;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files.push(path);
    }
  };
  try {
    walk(root);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if ((code === 'ENOENT' || code === 'ENOTDIR') && (error as NodeJS.ErrnoException).path === root) return [];
    throw error;
  }
  return files.sort();
}

/** A folder's path ending in exactly one separator (`/` stays `/`): what every path under it starts with. */
const withSep = (dir: string) => (dir.endsWith(sep) ? dir : dir + sep);
