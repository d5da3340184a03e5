/**
 * Turns the blocks under one heading into pieces, in the author's order: prose (copied with the
 * page's edits applied) and commands (with their expected output). A code block directly inside a
 * top-level list item is lifted out — MDX only reads a `<Command>` that is a direct child of its
 * `<Step>` — and the list resumes after it with its own numbering.
 */
import { findPlaceholders } from '../load/placeholders.ts';
import { isLiftable } from './chunk-plan.ts';
import { classifyCode, EXPECT_CUE, hasPrompts, splitPrompts } from './code-blocks.ts';
import type { ReportItem } from './import-report.ts';
import { endOf, lineOf, plainText, startOf, walk, type MdNode } from './markdown-tree.ts';
import { renderRange, type Edit } from './render-range.ts';

/** One piece of a step, in the order of the source: prose, or a command with its expected output. */
export type Piece =
  | { kind: 'prose'; text: string; /** One-line text of a single paragraph, usable as a command description. */ plain?: string }
  | { kind: 'command'; run: string; expect?: string; lang: string; line: number };

type Segment = { kind: 'prose'; start: number; end: number; indent: number; paragraph?: MdNode } | { kind: 'code'; node: MdNode };

/** The blocks of a chunk as prose ranges and code blocks, lifting code out of top-level list items. */
function segment(blocks: readonly MdNode[]): Segment[] {
  const out: Segment[] = [];
  const prose = (start: number, end: number, indent: number, paragraph?: MdNode) => out.push({ kind: 'prose', start, end, indent, ...(paragraph ? { paragraph } : {}) });
  for (const block of blocks) {
    if (block.type === 'code') out.push({ kind: 'code', node: block });
    else if (block.type !== 'list' || !block.children?.some((item) => item.children?.some((c) => c.type === 'code' && isLiftable(c)))) {
      prose(startOf(block), endOf(block), 0, block.type === 'paragraph' ? block : undefined);
    } else {
      let from: number | undefined;
      for (const item of block.children) {
        from ??= startOf(item);
        let lifted = false;
        for (const [i, child] of (item.children ?? []).entries()) {
          if (child.type === 'code' && (isLiftable(child) || (lifted && classifyCode(child.lang, child.value ?? '', 'adjacent') === 'output'))) {
            const before = item.children!.slice(0, i);
            const single = from === startOf(item) && before.length === 1 && before[0]!.type === 'paragraph';
            if (from !== undefined) prose(from, startOf(child), 0, single ? before[0] : undefined);
            out.push({ kind: 'code', node: child });
            from = undefined;
            lifted = true;
          } else if (lifted) prose(startOf(child), endOf(child), (child.position?.start.column ?? 1) - 1);
        }
      }
      if (from !== undefined) prose(from, endOf(block), 0);
    }
  }
  return out;
}

function hasLink(node: MdNode): boolean {
  let found = false;
  walk(node, (n) => void (found ||= /^(link|linkReference|image|imageReference)$/.test(n.type)));
  return found;
}

/** Writes `{{ name }}` as `\{{ name }}`: imported text has no Lifeboat placeholders. */
export function escapePlaceholders(text: string): string {
  let out = text;
  for (const use of findPlaceholders(text).reverse()) out = `${out.slice(0, use.index)}\\${out.slice(use.index)}`;
  return out;
}

/** Renders one chunk's blocks into pieces, reporting each code block's fate. */
export function renderPieces(blocks: readonly MdNode[], source: string, edits: readonly Edit[], report: (item: ReportItem) => void): Piece[] {
  const pieces: Piece[] = [];
  let last: Extract<Piece, { kind: 'command' }> | undefined;
  let proseSince: string[] = [];
  for (const seg of segment(blocks)) {
    if (seg.kind === 'prose') {
      const text = renderRange(source, edits, seg.start, seg.end, seg.indent).trimEnd();
      if (!text.trim()) continue;
      // A paragraph with a link or image would lose it as a one-line description.
      const plain = seg.paragraph && !hasLink(seg.paragraph) ? plainText(seg.paragraph) : undefined;
      pieces.push({ kind: 'prose', text, ...(plain && plain.length <= 200 ? { plain } : {}) });
      proseSince.push(plain ?? text);
      continue;
    }
    const { node } = seg;
    const value = node.value ?? '';
    const lang = node.lang ?? '';
    const label = lang ? `\`\`\`${lang} block` : 'code block';
    const waiting = !!last && last.expect === undefined;
    const afterCommand = !waiting ? false : proseSince.length === 0 ? 'adjacent' : EXPECT_CUE.test(proseSince.at(-1)!) ? 'cue' : false;
    const kind = classifyCode(lang, value, afterCommand);
    if (kind === 'output' && last) {
      last.expect = escapePlaceholders(value);
      report({ line: lineOf(node), kind: 'mapped', what: `${label} → expected output of the command above` });
    } else if (kind === 'command') {
      const prompted = hasPrompts(value);
      for (const { run, expect } of prompted ? splitPrompts(value) : [{ run: value }]) {
        last = { kind: 'command', run: escapePlaceholders(run), lang: lang || 'sh', line: lineOf(node), ...(expect ? { expect: escapePlaceholders(expect) } : {}) };
        pieces.push(last);
      }
      const detail = prompted ? ' (the `$ ` prompts were removed; the lines between them are its expected output)' : '';
      report({ line: lineOf(node), kind: 'mapped', what: `${label} → command${detail}` });
      proseSince = [];
    } else {
      const indent = (node.position?.start.column ?? 1) - 1;
      pieces.push({ kind: 'prose', text: renderRange(source, edits, startOf(node), endOf(node), indent) });
      report({ line: lineOf(node), kind: 'prose', what: `${label} kept as code in the text (not a shell command)` });
      proseSince.push('');
    }
  }
  return pieces;
}
