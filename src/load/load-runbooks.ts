/**
 * Reads every runbook under a folder and validates it: syntax, schema, MDX body, then the
 * collection-wide rules. Collects every problem in every file and never throws for bad input.
 */
// Synchronous throughout: see the loop below.
import { closeSync, fstatSync, openSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { extname, relative, resolve, sep } from 'node:path';
import { createIssue } from '../errors/create-issue.ts';
import { sortIssues, type Issue } from '../errors/issue.ts';
import { appendAll } from '../util/collections.ts';
import { validateCollection, type ValidationContext } from '../validate/validate-collection.ts';
import { mdxLocator, mdxValueLocator, parseMdxRunbook } from './parse-mdx-runbook.ts';
import { parseYamlRunbook, type ParsedFields } from './parse-yaml-runbook.ts';
import type { Runbook } from './runbook-model.ts';
import type { MdxPolicy } from './mdx-code.ts';
import { decodeChecked } from './text-checks.ts';

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
   * it instead of reading the files again, so a frame always shows the text that was checked.
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
  const issues: Issue[] = [];
  const { files, links } = listFiles(root);
  const runbooks: Runbook[] = [];
  /** Valid runbooks plus salvaged partial ones: what the collection rules see. */
  const checked: Runbook[] = [];
  const sources = new Map<string, string>();
  const display = (abs: string) => relative(cwd, abs).split(sep).join('/');

  for (const link of links) issues.push(createIssue('SkippedLink', { file: display(link.path) }, { why: link.why }));
  for (const absolutePath of files) {
    const file = display(absolutePath);
    const ext = extname(absolutePath).toLowerCase();
    if (!RUNBOOK_EXTENSIONS.has(ext)) {
      if (ext === '.md') issues.push(createIssue('IgnoredFile', { file }, { ext }));
      continue;
    }
    const text = readRunbookText(absolutePath, file, issues);
    if (text === undefined) continue;
    const runbook = parseRunbookFile(text, file, absolutePath, options.mdx);
    appendAll(issues, runbook.issues);
    if (runbook.yamlText !== undefined) sources.set(file, runbook.yamlText);
    if (runbook.runbook && !runbook.partial) runbooks.push(runbook.runbook);
    if (runbook.runbook) checked.push(runbook.runbook);
  }
  const fileList = files.filter((f) => RUNBOOK_EXTENSIONS.has(extname(f).toLowerCase())).map(display);
  const runbookFiles = fileList.length;
  if (runbookFiles === 0) {
    issues.push(createIssue('NoRunbooks', { file: display(root) || '.' }, { dir: display(root) || '.' }));
  }
  appendAll(
    issues,
    validateCollection(checked, {
      clusters: options.clusters ?? {},
      vars: options.vars ?? {},
      facts: options.facts ?? new Map(),
      allowHtml: options.mdx?.allowHtml ?? options.allowHtml ?? false,
      ...(options.startHere ? { startHere: options.startHere } : {}),
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

/** Largest runbook file read (1 MiB): the example runbooks are under 10 KB, and a 20 MB "runbook" is a log saved by mistake. */
export const MAX_RUNBOOK_BYTES = 1024 * 1024;

/**
 * A runbook's text, or undefined (with an issue) when it is too large to read. Text that is not
 * UTF-8 or holds control characters is read, with an error where the problem is: both would
 * otherwise reach pages silently (as "�" and as raw bytes).
 */
function readRunbookText(absolutePath: string, file: string, issues: Issue[]): string | undefined {
  // Synchronous on purpose: 1,000 small files take 15–25 ms this way and 170 ms through the
  // promise API (a thread-pool round trip for each open, stat, read and close). The size is
  // known before reading, so a huge file costs nothing.
  const fd = openSync(absolutePath, 'r');
  let bytes: Buffer;
  try {
    const size = fstatSync(fd).size;
    if (size > MAX_RUNBOOK_BYTES) {
      const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
      issues.push(createIssue('RunbookTooLarge', { file }, { megabytes: mb(size), limit: mb(MAX_RUNBOOK_BYTES) }));
      return undefined;
    }
    bytes = readFileSync(fd);
  } finally {
    closeSync(fd);
  }
  const decoded = decodeChecked(bytes, file);
  appendAll(issues, decoded.issues);
  return decoded.text;
}

/** A symbolic link that was not followed, and why (for a SkippedLink warning). */
interface SkippedLinkInfo {
  path: string;
  why: string;
}

/**
 * Every file under `root`, sorted, skipping dot-files, dot-folders and node_modules. Missing root
 * → []. Walked by hand rather than with `readdirSync({ recursive: true })` (as fast within noise,
 * issue 26) because it never enters the folders it skips, and follows symbolic links, each folder
 * once: a link back into a folder already read (a loop) or to nothing is reported instead.
 */
function listFiles(root: string): { files: string[]; links: SkippedLinkInfo[] } {
  const files: string[] = [];
  const links: SkippedLinkInfo[] = [];
  const seen = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = withSep(dir) + entry.name;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files.push(path);
      else if (entry.isSymbolicLink()) followLink(path);
    }
  };
  const followLink = (path: string) => {
    let target;
    try {
      target = statSync(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      links.push({ path, why: code === 'ELOOP' ? 'points at itself through other links (a loop)' : `cannot be followed (${code ?? 'unreadable'})` });
      return;
    }
    if (target.isFile()) files.push(path);
    else if (target.isDirectory()) {
      const real = realpathSync(path);
      // A folder inside the runbooks folder is read anyway: following the link would read it twice, or forever.
      if (real === realRoot || real.startsWith(withSep(realRoot)) || seen.has(real)) links.push({ path, why: 'leads to a folder that is read anyway (a loop, or a second way into it)' });
      else {
        seen.add(real);
        walk(path);
      }
    }
  };
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    return { files: [], links: [] }; // no folder: NoRunbooks says so
  }
  try {
    walk(root);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if ((code === 'ENOENT' || code === 'ENOTDIR') && (error as NodeJS.ErrnoException).path === root) return { files: [], links: [] };
    throw error;
  }
  return { files: files.sort(), links };
}

/** A folder's path ending in exactly one separator (`/` stays `/`): what every path under it starts with. */
const withSep = (dir: string) => (dir.endsWith(sep) ? dir : dir + sep);
