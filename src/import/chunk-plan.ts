/**
 * Decides what each chunk of a page becomes, before anything is rendered, so links from other
 * pages can already point at the steps. A chunk with a section role or a command becomes a step;
 * reading material (Meaning, Impact, free text) stays prose in MDX — YAML has no prose outside
 * steps, so there it becomes a step too; a heading with nothing under it is kept as a label.
 */
import { slugify } from '../schema/primitives.ts';
import type { StepSection } from '../schema/runbook.ts';
import { classifyCode } from './code-blocks.ts';
import { headingSlug } from './link-targets.ts';
import type { MdNode } from './markdown-tree.ts';
import type { Chunk } from './outline.ts';
import { normalizeHeading, type SectionRole } from './section-roles.ts';

/** What one chunk becomes: a step (with its id), prose between the steps, or a heading kept as a label. */
export type ChunkFate = { kind: 'step'; section: StepSection; id: string; title: string } | { kind: 'prose' } | { kind: 'label' };

/** The fate of every chunk of one page, decided before any page is rendered. */
export interface ChunkPlan {
  fates: ChunkFate[];
  /** Set when nothing became a step: the whole page is written as this one step. */
  wrapAll?: { id: string; title: string };
  /** Heading anchors of the source page → anchors of the steps they became. */
  anchors: Map<string, string>;
}

/** A code block directly in a list item is lifted out of the list only when it is a command. */
export const isLiftable = (code: MdNode) => classifyCode(code.lang, code.value ?? '', false) === 'command';

/** The commands of a chunk: its own code blocks, and those lifted from its list items. */
function commandBlocks(blocks: readonly MdNode[]): MdNode[] {
  return blocks.flatMap((b) =>
    b.type === 'code' ? [b] : b.type === 'list' ? (b.children ?? []).flatMap((item) => (item.children ?? []).filter((c) => c.type === 'code')) : [],
  ).filter(isLiftable);
}

const isEmpty = (chunk: Chunk) => chunk.blocks.every((b) => b.type === 'definition' || (b.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(b.value ?? '')));
const hasCommand = (chunk: Chunk) => commandBlocks(chunk.blocks).length > 0;

/** Plans every chunk of a page; `roles` comes from `assignRoles`. */
export function planChunks(chunks: readonly Chunk[], roles: readonly (SectionRole | undefined)[], format: 'mdx' | 'yaml'): ChunkPlan {
  const usedIds = new Set<string>();
  const uniqueId = (title: string) => {
    const base = slugify(title).replace(/-+$/, '') || 'step';
    let id = base;
    for (let n = 2; usedIds.has(id); n++) id = `${base}-${n}`;
    usedIds.add(id);
    return id;
  };
  const titleCounts = new Map<string, number>();
  for (const c of chunks) titleCounts.set(normalizeHeading(c.title), (titleCounts.get(normalizeHeading(c.title)) ?? 0) + 1);

  let lastLabel = '';
  const anchors = new Map<string, string>();
  const fates = chunks.map((chunk, i): ChunkFate => {
    const role = roles[i];
    if (isEmpty(chunk)) {
      if (chunk.heading) lastLabel = chunk.title;
      return { kind: 'label' };
    }
    const command = hasCommand(chunk);
    // In MDX, text under a section heading that has sub-headings introduces them ("## Mitigation:
    // resolution depends on the error found") rather than being a step of its own.
    const introducesSteps = chunks[i + 1] !== undefined && chunks[i + 1]!.depth > chunk.depth && chunk.heading !== undefined;
    if (!command && (role === 'context' || role === undefined || introducesSteps) && format === 'mdx') return { kind: 'prose' };
    const section: StepSection = role === 'context' ? 'prechecks' : (role ?? 'steps');
    // "Actions" under five panel headings: say which panel each one is for.
    const generic = (titleCounts.get(normalizeHeading(chunk.title)) ?? 0) > 1 && lastLabel;
    const title = chunk.heading ? (generic ? `${chunk.title} — ${lastLabel}` : chunk.title) || `Section ${i}` : 'Overview';
    const id = uniqueId(title);
    if (chunk.heading) anchors.set(headingSlug(chunk.title), `step-${id}`);
    return { kind: 'step', section, id, title };
  });
  const plan: ChunkPlan = { fates, anchors };
  if (!fates.some((f) => f.kind === 'step')) plan.wrapAll = { id: uniqueId('Overview'), title: 'Overview' };
  return plan;
}
