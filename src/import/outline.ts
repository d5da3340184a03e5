/**
 * Cuts a page into its title heading and chunks: one chunk per heading with the blocks up to the
 * next heading, plus an intro chunk for what comes before the first one. Headings are kept flat
 * (a `###` is its own chunk) so each can become a step; their depth says who is whose parent.
 */
import { lineOf, plainText, type MdNode } from './markdown-tree.ts';
import { classifyHeading } from './section-roles.ts';

/** A heading and the blocks under it, up to the next heading of any depth. */
export interface Chunk {
  /** The heading, or undefined for the intro (text before the first heading). */
  heading?: MdNode;
  /** Heading depth; 0 for the intro. */
  depth: number;
  /** The heading as plain text; empty for the intro. */
  title: string;
  blocks: MdNode[];
  /** Source line of the heading (or of the intro's first block). */
  line: number;
}

/** A page cut into its title heading and chunks. */
export interface Outline {
  /** The page title heading (`# KubePodCrashLooping`), when the page has one. */
  titleHeading?: MdNode;
  /** The intro first (possibly empty), then one chunk per heading. */
  chunks: Chunk[];
}

/**
 * The title heading is the first heading when it is of the page's top level and is not itself a
 * section name: `# NodeFilesystemSpaceFillingUp` is a title, a leading `## Meaning` is not.
 */
export function outlinePage(tree: MdNode, skip?: MdNode): Outline {
  const blocks = (tree.children ?? []).filter((n) => n !== skip);
  const headings = blocks.filter((n) => n.type === 'heading');
  const minDepth = Math.min(...headings.map((h) => h.depth ?? 1));
  const first = headings[0];
  const titleHeading = first && first.depth === minDepth && !classifyHeading(plainText(first)) ? first : undefined;

  const intro: Chunk = { depth: 0, title: '', blocks: [], line: 1 };
  const chunks: Chunk[] = [intro];
  let current = intro;
  for (const block of blocks) {
    if (block === titleHeading) continue;
    if (block.type === 'heading') {
      current = { heading: block, depth: block.depth ?? 1, title: plainText(block), blocks: [], line: lineOf(block) };
      chunks.push(current);
    } else {
      if (current === intro && intro.blocks.length === 0) intro.line = lineOf(block);
      current.blocks.push(block);
    }
  }
  return { ...(titleHeading ? { titleHeading } : {}), chunks };
}

/** Whether the page has anything besides front matter and a title: blank pages are not runbooks. */
export function hasContent(outline: Outline): boolean {
  return outline.chunks.some((c) => c.heading || c.blocks.some((b) => b.type !== 'html' || !/^\s*<!--[\s\S]*-->\s*$/.test(b.value ?? '')));
}
