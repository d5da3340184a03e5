/**
 * The first pass over a source page: parse it, read its front matter, cut it into chunks, decide
 * what each chunk becomes. Nothing is rendered yet, because rendering needs every page's id and
 * step anchors to rewrite links between pages.
 */
import { assignRoles, type SectionRole } from './section-roles.ts';
import { planChunks, type ChunkPlan } from './chunk-plan.ts';
import { readFrontMatter, type FrontMatter } from './front-matter.ts';
import { parseMarkdown, plainText, type MdNode } from './markdown-tree.ts';
import { hasContent, outlinePage, type Outline } from './outline.ts';
import { firstContextParagraph } from './page-body.ts';

/** One Markdown page to import. */
export interface SourcePage {
  absolutePath: string;
  /** The path as reports print it. */
  display: string;
  /** The folder (or file) named on the command line that led to this page. */
  root: string;
  text: string;
}

/** A page after the first pass: its tree, front matter, chunks, their roles and plan. */
export interface AnalyzedPage {
  page: SourcePage;
  tree: MdNode;
  frontMatter: FrontMatter;
  outline: Outline;
  roles: (SectionRole | undefined)[];
  plan: ChunkPlan;
  titleHeading?: string;
  intro?: string;
}

/** Parses and plans one page; undefined for a page with nothing but front matter or a title. */
export function analyzePage(page: SourcePage, format: 'mdx' | 'yaml'): AnalyzedPage | undefined {
  const tree = parseMarkdown(page.text);
  const frontMatter = readFrontMatter(tree);
  const outline = outlinePage(tree, frontMatter.node);
  if (!hasContent(outline)) return undefined;
  const roles = assignRoles(outline.chunks);
  const intro = firstContextParagraph(outline.chunks, roles);
  return {
    page,
    tree,
    frontMatter,
    outline,
    roles,
    plan: planChunks(outline.chunks, roles, format),
    ...(outline.titleHeading ? { titleHeading: plainText(outline.titleHeading) } : {}),
    ...(intro ? { intro } : {}),
  };
}
