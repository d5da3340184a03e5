/**
 * A site generator the benchmark builds the corpus with: Lifeboat itself, or a peer building the
 * same runbooks as plain Markdown. Each writes its own project for N runbooks and names the
 * command that builds it, so the harness times every tool the same way.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { corpusHead, corpusRunbook, type CorpusRunbook } from '../corpus-model.ts';
import { runbookMarkdown } from '../corpus-markdown.ts';

export interface BuildCommand {
  command: string;
  args: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** A cache the tool keeps between builds, emptied before every run: each timed build is a cold one. */
  cache?: string;
}

export interface SiteTool {
  /** Short name for --only-style keys and folder names, e.g. "starlight". */
  key: string;
  /** Name shown in the table, e.g. "plain Starlight". */
  name: string;
  /**
   * Undefined when the tool can build here, after installing what it needs where it can (and
   * `options.install` allows); otherwise why not, with what to do about it.
   */
  ready(log: (line: string) => void, options: PeerOptions): Promise<string | undefined>;
  /** Writes the project for runbooks 0…count−1 into `dir`. */
  prepare(dir: string, count: number): Promise<void>;
  /** The command that builds the project in `dir` into `out`. */
  command(dir: string, out: string): BuildCommand;
}

/** What a peer may do to get ready. */
export interface PeerOptions {
  /** Install missing packages (apt-get); false: a missing peer is skipped, with the command to install it. */
  install: boolean;
}

/** Repository root (the Lifeboat checkout the benchmark runs from). */
export const REPO = new URL('../../../', import.meta.url).pathname.replace(/\/$/, '');

/**
 * Writes runbooks 0…count−1 as Markdown files for a peer. `file(runbook, markdown)` gives the
 * path (under `dir`) and text of one page; `url(service, id)` is where the peer serves a runbook.
 */
export async function writeMarkdownCorpus(
  dir: string,
  count: number,
  url: (service: string, id: string) => string,
  file: (runbook: CorpusRunbook, markdown: string) => [path: string, text: string],
): Promise<void> {
  const serviceOf = new Map(Array.from({ length: count }, (_, i) => corpusHead(i)).map((h) => [h.id, h.service]));
  for (let i = 0; i < count; i++) {
    const runbook = corpusRunbook(i);
    const [path, text] = file(runbook, runbookMarkdown(runbook, (id) => url(serviceOf.get(id)!, id)));
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
}

/** A double-quoted string safe in YAML frontmatter (a JSON string is valid YAML). */
export const quoted = (text: string) => JSON.stringify(text);
