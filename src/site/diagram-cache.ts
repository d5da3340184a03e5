/**
 * Decision-tree SVGs for the site build, from a content-addressed cache on disk when the same
 * tree was drawn before: trees rarely change between builds, and the ELK layout inside
 * beautiful-mermaid costs 10–15 ms of CPU per diagram, the largest part of rendering a big
 * collection. (Laying out in worker threads was measured and dropped: 100 diagrams took
 * 1.4–2.0 s on two workers against 1.3 s in-thread.)
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decisionsToMermaid, mermaidToSvg, slimSvg } from './decision-diagram.ts';
import type { DecisionView } from './runbook-view.ts';

/**
 * What makes the same Mermaid source draw differently: the renderer's version and our own
 * rendering code (decision-diagram.ts). Part of every cache key, so an upgrade never serves an
 * old drawing. The code is read as the file on disk, not as `Function.toString()`: the pages are
 * rendered from Astro's bundle and the ahead-of-time layout (diagram-prelayout.ts) from the
 * sources, and the two print the same function differently.
 */
let format: string | undefined;
function svgFormat(): string {
  if (format) return format;
  let renderer = 'unknown';
  let code = `${mermaidToSvg.toString()}\n${slimSvg.toString()}`;
  try {
    const entry = fileURLToPath(import.meta.resolve('beautiful-mermaid'));
    renderer = (JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version: string }).version;
    // beautiful-mermaid sits in this project's node_modules: the project's sources are beside it.
    const project = entry.slice(0, entry.lastIndexOf(`${sep}node_modules${sep}`));
    code = readFileSync(join(project, 'src', 'site', 'decision-diagram.ts'), 'utf8');
  } catch {
    // unresolvable here: the functions' own text still separates formats
  }
  format = `beautiful-mermaid ${renderer}\n${code}`;
  return format;
}

const cacheDir = () => process.env.LIFEBOAT_CACHE_DIR || join(process.cwd(), 'node_modules', '.cache', 'lifeboat');

/** The diagram of a decision tree, from the cache or freshly laid out (and then cached). */
export function decisionSvg(decisions: readonly DecisionView[]): string {
  return diagramFor(decisionsToMermaid(decisions));
}

/** The diagram of a Mermaid source, from the cache or freshly laid out (and then cached). */
export function diagramFor(source: string): string {
  const key = createHash('sha256').update(`${svgFormat()}\n${source}`).digest('hex');
  const dir = join(cacheDir(), 'diagrams');
  const file = join(dir, `${key}.svg`);
  try {
    return readFileSync(file, 'utf8');
  } catch {
    // not drawn before
  }
  const svg = mermaidToSvg(source);
  try {
    mkdirSync(dir, { recursive: true });
    // Written whole under another name, then renamed: a killed build never leaves half an SVG.
    writeFileSync(`${file}.${process.pid}.tmp`, svg);
    renameSync(`${file}.${process.pid}.tmp`, file);
  } catch {
    // A read-only or full disk costs speed next time, never this build.
  }
  return svg;
}
