/**
 * The body of an imported runbook, in the order of the source page: prose parts and steps, each
 * step holding prose and commands in the author's order. MDX keeps reading material as prose
 * between the steps; YAML has nowhere to put it but a step, which the chunk plan already decided.
 */
import type { StepSection } from '../schema/runbook.ts';
import type { ChunkPlan } from './chunk-plan.ts';
import { renderPieces, type Piece } from './chunk-pieces.ts';
import { escapeText } from './html-fragments.ts';
import type { ReportItem } from './import-report.ts';
import { endOf, plainText, startOf, walk, type MdNode } from './markdown-tree.ts';
import type { Chunk } from './outline.ts';
import { renderRange, type Edit } from './render-range.ts';

/** A step of an imported runbook, before it is written as MDX or YAML. */
export interface ImportedStep {
  id: string;
  title: string;
  section: StepSection;
  pieces: Piece[];
}

/** The body of an imported runbook: prose between steps (MDX only) and steps. */
export type BodyPart = { kind: 'prose'; text: string } | { kind: 'step'; step: ImportedStep };

const SECTION_NAMES: Record<StepSection, string> = { prechecks: 'pre-check', steps: 'procedure', verify: 'verification', rollback: 'rollback' };

interface BodyContext {
  source: string;
  edits: readonly Edit[];
  format: 'mdx' | 'yaml';
  report: (item: ReportItem) => void;
}

/** Builds the body parts of one page from its chunks and their plan. */
export function buildBody(chunks: readonly Chunk[], plan: ChunkPlan, ctx: BodyContext): BodyPart[] {
  const { source, edits, format, report } = ctx;
  const parts: BodyPart[] = [];
  const quoted = (chunk: Chunk) => (chunk.heading ? `"${'#'.repeat(chunk.depth)} ${chunk.title}"` : 'The text before the first heading');
  /** The heading as prose: a Markdown heading in MDX (links kept), bold text in a YAML body. */
  const headingText = (chunk: Chunk): Piece[] => {
    const children = chunk.heading?.children ?? [];
    if (!children.length) return [];
    if (format === 'yaml') return [{ kind: 'prose', text: `**${escapeText(chunk.title, 'yaml')}**` }, ...headingLinks(chunk)];
    return [{ kind: 'prose', text: `${'#'.repeat(Math.max(2, chunk.depth))} ${renderRange(source, edits, startOf(children[0]!), endOf(children.at(-1)!))}` }];
  };
  /** Links in a heading that becomes a step title would be lost with it: keep them in the text. */
  const headingLinks = (chunk: Chunk): Piece[] => {
    const links: string[] = [];
    if (chunk.heading) walk(chunk.heading, (n) => (n.type === 'link' || n.type === 'linkReference' ? (links.push(renderRange(source, edits, startOf(n), endOf(n))), 'skip') : undefined));
    if (links.length) report({ line: chunk.line, kind: 'prose', what: `link in the heading ${quoted(chunk)} kept at the start of its text` });
    return links.length ? [{ kind: 'prose', text: links.join(' · ') }] : [];
  };

  let pending: Piece[] = [];
  const everything: Piece[] = [];
  for (const [i, chunk] of chunks.entries()) {
    const fate = plan.fates[i]!;
    const pieces = renderPieces(chunk.blocks, source, edits, report);
    if (plan.wrapAll) {
      everything.push(...headingText(chunk), ...pieces);
      continue;
    }
    if (fate.kind === 'label') {
      if (!chunk.heading) continue;
      if (format === 'mdx') parts.push(...proseParts(headingText(chunk)));
      else pending.push(...headingText(chunk));
      report({ line: chunk.line, kind: 'prose', what: `${quoted(chunk)} has nothing under it: kept as ${format === 'mdx' ? 'a heading' : 'bold text in the next step'}` });
    } else if (fate.kind === 'prose') {
      parts.push(...proseParts([...headingText(chunk), ...pieces]));
      report({ line: chunk.line, kind: 'prose', what: `${quoted(chunk)} kept as text` });
    } else {
      const step = { id: fate.id, title: fate.title, section: fate.section, pieces: [...pending, ...headingLinks(chunk), ...pieces] };
      parts.push({ kind: 'step', step });
      pending = [];
      report({ line: chunk.line, kind: 'mapped', what: `${quoted(chunk)} → ${SECTION_NAMES[fate.section]} step "${fate.title}"` });
    }
  }
  if (plan.wrapAll) {
    parts.push({ kind: 'step', step: { ...plan.wrapAll, section: 'steps', pieces: everything } });
    report({ line: chunks[0]?.line ?? 1, kind: 'prose', what: `no section names a procedure: the whole page became one step "${plan.wrapAll.title}"` });
  } else if (pending.length) {
    const lastStep = parts.findLast((p) => p.kind === 'step');
    if (lastStep?.kind === 'step') lastStep.step.pieces.push(...pending);
  }
  return parts;
}

const proseParts = (pieces: Piece[]): BodyPart[] => pieces.flatMap((p) => (p.kind === 'prose' ? [{ kind: 'prose' as const, text: p.text }] : []));

/** The first paragraph of the page's reading material, as plain text, for the summary. */
export function firstContextParagraph(chunks: readonly Chunk[], roles: readonly (string | undefined)[]): string | undefined {
  for (const [i, chunk] of chunks.entries()) {
    if (roles[i] !== 'context') continue;
    const paragraph = chunk.blocks.find((b: MdNode) => b.type === 'paragraph');
    if (paragraph) return plainText(paragraph);
  }
  return undefined;
}
