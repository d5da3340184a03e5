import { describe, expect, it } from 'vitest';
import { decisionsToMermaid, renderDecisionSvg, REPEATED_PAINT } from './decision-diagram.ts';
import { renderDecisionOutline } from './decision-outline.ts';
import type { DecisionView } from './runbook-view.ts';

const decisions: DecisionView[] = [
  {
    id: 'root',
    anchor: 'decision-root',
    question: 'Does "curl" return <503> & fail?',
    answers: [
      { label: 'Yes', target: { kind: 'decision', id: 'eps', href: '#decision-eps' } },
      { label: 'No', target: { kind: 'outcome', text: 'Resolved' } },
    ],
  },
  {
    id: 'eps',
    anchor: 'decision-eps',
    question: 'Endpoints ready?',
    answers: [
      { label: 'No', target: { kind: 'step', id: 'fix', href: '#step-fix', label: '2.1 Fix pods' } },
      { label: 'Loop', target: { kind: 'decision', id: 'root', href: '#decision-root' } },
    ],
  },
];

describe('decision tree renderings', () => {
  it('draws every question, answer and target into a self-contained SVG', () => {
    const svg = renderDecisionSvg(decisions);
    expect(svg.startsWith('<svg')).toBe(true);
    for (const text of ['Does &#39;curl&#39; return &lt;503&gt; &amp;', 'Endpoints ready?', 'Yes', 'No', 'Resolved', 'Go to 2.1 Fix pods']) {
      expect(svg).toContain(text);
    }
    // No web fonts or other requests: the diagram must render offline.
    expect(svg).not.toMatch(/@import|https?:\/\/(?!www\.w3\.org)/);
    expect(svg).not.toContain('foreignObject');
  });

  it('is slim: theme in the stylesheet, coordinates to 0.1 px, no repeated labels, ids unique per diagram', () => {
    const svg = renderDecisionSvg(decisions);
    expect(svg).toMatch(/^<svg class="lb-diagram" role="img" aria-label="[^"]+"/);
    expect(svg).not.toContain('<style');
    expect(svg).not.toMatch(/ data-[a-z-]+=/);
    expect(svg).not.toMatch(/\d\.\d{2}/);
    expect(svg).not.toMatch(/>\s+</);
    // Paint repeated on every element lives in lifeboat.css (checked in Chromium by the e2e suite).
    for (const run of REPEATED_PAINT) expect(svg).not.toContain(run);
    expect(svg).not.toMatch(/<(polyline|text)[^>]* fill=/);
    const other = renderDecisionSvg(decisions.slice(1));
    const ids = (text: string) => [...text.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids(svg).length).toBeGreaterThan(0);
    expect(ids(svg).filter((id) => ids(other).includes(id))).toEqual([]);
    // Every marker the lines point at exists in the same diagram, and no other marker is kept.
    const refs = [...svg.matchAll(/url\(#([^)]+)\)/g)].map((m) => m[1]);
    for (const ref of refs) expect(ids(svg)).toContain(ref);
    expect([...svg.matchAll(/<marker id="([^"]+)"/g)].map((m) => m[1]).sort()).toEqual([...new Set(refs)].sort());
  });

  it('writes the tree as nested text with anchors, escaping, and links for revisited nodes', () => {
    const html = renderDecisionOutline(decisions);
    expect(html).toContain('<div class="lb-outline-node" id="decision-root" data-decision="root">');
    expect(html).toContain('Does &quot;curl&quot; return &lt;503&gt; &amp; fail?');
    // eps is nested inside root's "Yes" answer, and its loop back is a link, not a copy.
    expect(html.indexOf('id="decision-eps"')).toBeGreaterThan(html.indexOf('id="decision-root"'));
    expect(html).toContain('back to <a href="#decision-root">');
    // What the click-through reads back: where each answer leads.
    expect(html).toMatch(/<li data-kind="decision" data-id="root"><span class="lb-answer-label">[^<]+<\/span> → back to /);
    expect(html).toContain('go to step <a href="#step-fix">2.1 Fix pods</a>');
  });

  it('renders code spans in questions, answers and outcomes as <code>, with the HTML around and inside them escaped', () => {
    const tree: DecisionView[] = [
      { id: 'q', anchor: 'decision-q', question: 'Does `kubectl get <pods>` list <b>any</b>?', answers: [
        { label: 'Only `Pending` ones', target: { kind: 'outcome', text: 'Run `kubectl describe pvc` <img src=x onerror=alert(1)>' } },
        { label: 'No', target: { kind: 'decision', id: 'q', href: '#decision-q' } },
      ] },
    ];
    const html = renderDecisionOutline(tree);
    expect(html).toContain('<strong>Does <code>kubectl get &lt;pods&gt;</code> list &lt;b&gt;any&lt;/b&gt;?</strong>');
    expect(html).toContain('<span class="lb-answer-label">Only <code>Pending</code> ones</span>');
    expect(html).toContain('<strong class="lb-outcome">Run <code>kubectl describe pvc</code> &lt;img src=x onerror=alert(1)&gt;</strong>');
    expect(html).toContain('back to <a href="#decision-q">Does <code>kubectl get &lt;pods&gt;</code>');
    expect(html).not.toContain('`');
    // The diagram has no <code>: its labels keep the words and lose the backticks.
    const svg = renderDecisionSvg(tree);
    expect(svg).toContain('Does kubectl get &lt;pods&gt; list');
    expect(svg).not.toContain('`');
    // HTML-like formatting tags stay text in the diagram too (the renderer would make them bold).
    expect(svg.replaceAll('\u200b', '')).toContain('&lt;b&gt;any&lt;/b&gt;?');
    expect(svg).not.toContain('font-weight="bold"');
  });

  // The shape of examples/post-restore-503 and pvc-pending (issue 27, item 13): answers further down
  // loop back to the root and to a question in between, and a later question is reached first
  // from a deeper one.
  const looping: DecisionView[] = [
    { id: 'first', anchor: 'decision-first', question: 'First question?', answers: [
      { label: 'Deeper', target: { kind: 'decision', id: 'middle', href: '#decision-middle' } },
      { label: 'Other', target: { kind: 'decision', id: 'late', href: '#decision-late' } },
    ] },
    { id: 'late', anchor: 'decision-late', question: 'Late question?', answers: [
      { label: 'Start over', target: { kind: 'decision', id: 'first', href: '#decision-first' } },
      { label: 'Again', target: { kind: 'decision', id: 'middle', href: '#decision-middle' } },
    ] },
    { id: 'middle', anchor: 'decision-middle', question: 'Middle question?', answers: [
      { label: 'Down', target: { kind: 'decision', id: 'late', href: '#decision-late' } },
      { label: 'Done', target: { kind: 'outcome', text: 'Resolved' } },
    ] },
  ];

  it('starts the diagram source at the root and writes answers that loop back from the question they return to', () => {
    const lines = decisionsToMermaid(looping).split('\n');
    expect(lines[1]).toBe('  d_first{"First question?"}');
    // Depth first in answer order: first → middle → late.
    expect(lines.slice(1, 4).map((l) => l.trim().split('{')[0])).toEqual(['d_first', 'd_middle', 'd_late']);
    // late → first and late → middle close loops: drawn from the earlier question, arrowhead at its start.
    expect(lines).toContain('  d_first <-.-|"Start over"| d_late');
    expect(lines).toContain('  d_middle <-.-|"Again"| d_late');
    // The answer first → late is reached after late was walked from middle: a forward edge, not a loop.
    expect(lines).toContain('  d_first -->|"Other"| d_late');
    expect(lines).toContain('  d_middle -->|"Down"| d_late');
  });

  it('draws the root as the topmost node, and loops with an arrowhead pointing back at the question', () => {
    const svg = renderDecisionSvg(looping);
    const nodes = [...svg.matchAll(/<g class="node">(.*?)<\/g>/g)].map(([, g]) => ({
      top: Math.min(...[...g!.matchAll(/[\d.]+,([\d.]+)/g)].map((m) => Number(m[1]))),
      text: [...g!.matchAll(/>([^<]+)</g)].map((m) => m[1]).join(' '),
    }));
    expect(nodes.map((n) => n.text).sort()).toEqual(['First question?', 'Late question?', 'Middle question?', 'Resolved']);
    const root = nodes.find((n) => n.text === 'First question?')!;
    for (const other of nodes.filter((n) => n !== root)) expect(root.top, other.text).toBeLessThan(other.top);
    // Two loops, each with its arrowhead at the question end, dotted; every other edge ends in an arrowhead.
    const edges = [...svg.matchAll(/<polyline [^>]*>/g)].map((m) => m[0]);
    expect(edges.filter((e) => e.includes('marker-start=') && e.includes('stroke-dasharray'))).toHaveLength(2);
    expect(edges.filter((e) => e.includes('marker-end='))).toHaveLength(edges.length - 2);
  });
});
