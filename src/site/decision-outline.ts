/**
 * The decision tree as nested text: readable without JavaScript, by screen readers, in print.
 * A node reached a second time (shared subtree or loop) becomes a link to where it is written.
 * It is also the click-through's data (client/decision-walker.ts reads it back): each node
 * carries its id (`data-decision`), each answer its kind (`data-kind`, and `data-id` for the next
 * question), so the page needs no second copy of the tree as JSON. Questions, answers and outcomes
 * are one-line texts: `code` in them renders as <code>, the rest is escaped (renderInlineCode).
 */
import { escapeHtml, renderInlineCode, renderMarkdown, type MarkdownOptions } from './markdown.ts';
import type { AnswerTarget, DecisionView } from './runbook-view.ts';

export function renderDecisionOutline(decisions: readonly DecisionView[], startId?: string, markdown?: MarkdownOptions): string {
  const byId = new Map(decisions.map((d) => [d.id, d]));
  const written = new Set<string>();
  const start = (startId && byId.get(startId)) || decisions[0];
  if (!start) return '';

  const node = (d: DecisionView): string => {
    written.add(d.id);
    const answers = d.answers
      .map((a) => {
        const next = a.target.kind === 'decision' ? ` data-id="${escapeHtml(a.target.id)}"` : '';
        return `<li data-kind="${a.target.kind}"${next}><span class="lb-answer-label">${renderInlineCode(a.label)}</span> → ${target(a.target)}</li>`;
      })
      .join('');
    return (
      `<div class="lb-outline-node" id="${d.anchor}" data-decision="${escapeHtml(d.id)}"><p class="lb-outline-question"><strong>${renderInlineCode(d.question)}</strong></p>` +
      `${renderMarkdown(d.body, markdown)}<ul class="lb-outline-answers">${answers}</ul></div>`
    );
  };
  const target = (t: AnswerTarget): string => {
    switch (t.kind) {
      case 'decision': {
        const next = byId.get(t.id)!;
        return written.has(t.id) ? `back to <a href="${t.href}">${renderInlineCode(next.question)}</a>` : node(next);
      }
      case 'step':
        return `go to step <a href="${t.href}">${escapeHtml(t.label)}</a>`;
      case 'runbook':
        return `continue in runbook <a href="${t.href}">${escapeHtml(t.label)}</a>`;
      case 'outcome':
        return `<strong class="lb-outcome">${renderInlineCode(t.text)}</strong>`;
    }
  };
  let html = node(start);
  // Nodes not reachable from `start` (another <Decision> placement starts elsewhere) still get written once.
  for (const d of decisions) if (!written.has(d.id) && !startId) html += node(d);
  return html;
}
