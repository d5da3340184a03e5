import { describe, expect, it } from 'vitest';
import { renderDecisionSvg, REPEATED_PAINT } from './decision-diagram.ts';
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
});
