/**
 * Decision trees as diagrams, rendered to SVG at build time in plain Node (beautiful-mermaid):
 * no browser is needed to build and no 5 MB mermaid bundle ships to the reader. Colours are
 * CSS variables so the diagram follows the light/dark theme.
 */
import { createHash } from 'node:crypto';
import { renderMermaidSVG } from 'beautiful-mermaid';
import { plainInlineCode } from './markdown.ts';
import type { DecisionView } from './runbook-view.ts';

/**
 * Mermaid source for a decision tree. Exported for tests and for the printed binder.
 *
 * The root (the first decision) is written first, then the tree depth-first in answer order, so
 * the layout's model order is the reading order. An answer that loops back to a question already
 * on the path from the root (a back edge) is written the other way round, from that question with
 * the arrowhead at its start (`a <-.-|label| b`, drawn dotted): the layout then sees no cycle and
 * never ranks the looping question above the root, which it did when it had to break the cycle
 * itself (issue 27, item 13). The drawing still points from the answer back to the question.
 */
export function decisionsToMermaid(decisions: readonly DecisionView[]): string {
  const lines = ['flowchart TD'];
  const declared = new Set<string>();
  const node = (key: string, shape: string) => {
    if (!declared.has(key)) {
      declared.add(key);
      lines.push(`  ${key}${shape}`);
    }
    return key;
  };
  const key = (kind: string, id: string) => `${kind}_${id.replace(/[^a-zA-Z0-9]/g, '_')}`;
  const { order, backEdges } = walkFromRoot(decisions);
  order.forEach((di) => node(key('d', decisions[di]!.id), `{"${label(decisions[di]!.question)}"}`));
  order.forEach((di) => {
    const d = decisions[di]!;
    d.answers.forEach((a, ai) => {
      const t = a.target;
      const to =
        t.kind === 'decision'
          ? key('d', t.id)
          : t.kind === 'step'
            ? node(key('s', t.id), `["${label(`Go to ${t.label}`)}"]`)
            : t.kind === 'runbook'
              ? node(key('r', t.id), `[["${label(`Runbook: ${t.label}`)}"]]`)
              : node(`o_${di}_${ai}`, `(["${label(t.text)}"])`);
      if (backEdges.has(`${di}:${ai}`)) lines.push(`  ${to} <-.-|"${label(a.label)}"| ${key('d', d.id)}`);
      else lines.push(`  ${key('d', d.id)} -->|"${label(a.label)}"| ${to}`);
    });
  });
  return lines.join('\n');
}

/**
 * Depth-first walk from the root, in answer order (iterative: an imported tree may be thousands
 * of questions deep). Returns the decisions' indexes in visiting order (questions the root never
 * reaches follow, in their written order) and the answers, as `decision:answer` indexes, that lead
 * back to a question still open on the walk's path.
 */
export function walkFromRoot(decisions: readonly DecisionView[]): { order: number[]; backEdges: Set<string> } {
  const index = new Map(decisions.map((d, i) => [d.id, i]));
  const state = new Map<number, 'open' | 'done'>();
  const order: number[] = [];
  const backEdges = new Set<string>();
  for (let start = 0; start < decisions.length; start++) {
    if (state.has(start)) continue;
    const stack: { di: number; next: number }[] = [{ di: start, next: 0 }];
    state.set(start, 'open');
    order.push(start);
    while (stack.length) {
      const top = stack.at(-1)!;
      const answer = decisions[top.di]!.answers[top.next++];
      if (!answer) {
        state.set(top.di, 'done');
        stack.pop();
        continue;
      }
      if (answer.target.kind !== 'decision') continue;
      const to = index.get(answer.target.id);
      if (to === undefined) continue;
      const seen = state.get(to);
      if (seen === 'open') backEdges.add(`${top.di}:${top.next - 1}`);
      else if (!seen) {
        state.set(to, 'open');
        order.push(to);
        stack.push({ di: to, next: 0 });
      }
    }
  }
  return { order, backEdges };
}

/** The diagram as an SVG string, themed with the site's CSS variables (see mermaidToSvg). */
export function renderDecisionSvg(decisions: readonly DecisionView[]): string {
  return mermaidToSvg(decisionsToMermaid(decisions));
}

/**
 * Mermaid source → the slim, themed SVG. beautiful-mermaid always adds a Google Fonts `@import`
 * to its style block; slimSvg drops the block, so the page makes no third-party request and the
 * diagram renders identically offline (the system font stack is used instead).
 */
export function mermaidToSvg(source: string): string {
  const svg = renderMermaidSVG(source, {
    bg: 'var(--sl-color-bg)',
    fg: 'var(--sl-color-white)',
    accent: 'var(--sl-color-accent)',
    font: 'system-ui',
    transparent: true,
  });
  return slimSvg(svg, `lb-d${createHash('sha256').update(source).digest('hex').slice(0, 6)}`);
}

/**
 * The renderer's output is made for standalone files: a theme `<style>` block in every diagram,
 * 15-digit coordinates, `data-*` attributes repeating every label, indentation. In a page that is
 * most of a runbook's weight (12 KB for a two-question tree), so the theme moves to
 * lifeboat.css (`svg.lb-diagram`), coordinates are rounded to 0.1 px, and the rest is dropped.
 * Marker ids get a per-diagram prefix so two diagrams on one page never share an id. The paint
 * and text attributes repeated on every node, edge and label (REPEATED_PAINT) are set once in
 * lifeboat.css instead: ~1 KB of a typical runbook page. Markers no line uses are dropped.
 */
export function slimSvg(svg: string, idPrefix: string): string {
  let slim = svg
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/^<svg /, '<svg class="lb-diagram" role="img" aria-label="Decision tree diagram" ')
    .replace(/ data-[a-z-]+="[^"]*"/g, '')
    .replace(/-?\d+\.\d{2,}/g, (n) => String(Math.round(Number(n) * 10) / 10))
    .replace(/\bid="([^"]+)"/g, `id="${idPrefix}-$1"`)
    .replace(/url\(#([^)]+)\)/g, `url(#${idPrefix}-$1)`)
    .replace(/>\s+</g, '><')
    .trim();
  // After rounding: the runs are written as they read once rounded (stroke-width 0.75 → 0.8).
  for (const run of REPEATED_PAINT) slim = slim.replaceAll(run, '');
  // Markers no line points at (the renderer always defines a start arrow; trees never use it).
  const used = slim;
  return slim.replace(/<marker id="([^"]+)"[\s\S]*?<\/marker>/g, (marker, id: string) => (used.includes(`url(#${id})`) ? marker : '')).replace('<defs></defs>', '');
}

/**
 * Attribute runs the renderer writes, identical, on every element of a kind. Only these exact runs
 * are removed; lifeboat.css gives the same values to the elements left without them
 * (`:not([fill])`), so an element the renderer styles differently keeps its own attributes.
 */
export const REPEATED_PAINT = [
  ' text-anchor="middle" font-size="13" font-weight="500" fill="var(--_text)"',
  ' text-anchor="middle" font-size="11" font-weight="400" fill="var(--_text-sec)"',
  ' fill="var(--bg)" stroke="var(--_inner-stroke)" stroke-width="1"',
  ' fill="none" stroke="var(--_line)" stroke-width="1"',
  ' fill="var(--_node-fill)" stroke="var(--_node-stroke)" stroke-width="0.8"',
  ' fill="var(--_arrow)" stroke="var(--_arrow)" stroke-width="0.8" stroke-linejoin="round"',
  // The colours passed to mermaidToSvg, the same for every diagram.
  ' style="--bg:var(--sl-color-bg);--fg:var(--sl-color-white);--accent:var(--sl-color-accent)"',
] as const;

/**
 * Mermaid label text. beautiful-mermaid escapes `<`, `&` and `'` itself but has no escape for
 * the `"` that delimits a label, so double quotes become single ones; long labels wrap. An SVG
 * label has no <code>, so Markdown code spans lose their backticks (the text outline shows them).
 * The renderer reads <b>, <i>, <u>, <s> (and drops <sub>, <sup>, <small>, <mark>) as formatting: a
 * zero-width space after the `<` keeps such text as written, the way the outline prints it.
 */
function label(text: string): string {
  return wrap(plainInlineCode(text).replace(FORMAT_TAG, '<\u200b').replace(/"/g, "'").replace(/\s+/g, ' ').trim(), 28);
}

const FORMAT_TAG = /<(?=\/?(?:b|strong|i|em|u|s|del|sub|sup|small|mark|br)\b)/gi;

function wrap(text: string, width: number): string {
  const words = text.split(' ');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('<br/>');
}
