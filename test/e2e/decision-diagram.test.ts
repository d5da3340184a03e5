/**
 * Issue 27, item 13: a decision diagram starts where the tree starts. On every example runbook
 * with a tree, in real Chromium at phone and laptop width, light and dark: the root question is
 * the topmost node of the diagram (a question that answers loop back to was drawn above it), every
 * line ends in an arrowhead that exists and is painted, and axe finds nothing with the diagram open.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadExampleViews, type ExampleView } from '../pdf/example-views.ts';
import { useExampleSiteBrowser } from '../support/example-site-browser.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const site = useExampleSiteBrowser();
const squash = (text: string) => text.replace(/[\s`]+/g, '');

let trees: ExampleView[];
beforeAll(async () => {
  trees = (await loadExampleViews()).filter((v) => v.decisions.length > 0);
});

/** Opens a runbook page with its diagram shown; returns the diagram's nodes, top first. */
async function openDiagram(id: string, width: number, colorScheme: 'light' | 'dark') {
  await site.page.setViewportSize({ width, height: 800 });
  await site.page.emulateMedia({ colorScheme });
  await site.page.goto(`${site.url}/runbooks/${id}/`);
  await site.page.locator('.lb-tree-diagram > summary').first().click();
  const svg = site.page.locator('.lb-tree-diagram svg.lb-diagram').first();
  await svg.waitFor();
  return svg.evaluate((el) =>
    [...el.querySelectorAll('.node')].map((node) => ({ text: node.textContent ?? '', top: node.getBoundingClientRect().top })).sort((a, b) => a.top - b.top),
  );
}

describe('decision diagrams on the site', () => {
  it('has trees to check, one of them with an answer that loops back to the root', () => {
    expect(trees.length).toBeGreaterThanOrEqual(5);
    const loopsToRoot = trees.some((t) => t.decisions.some((d) => d.answers.some((a) => a.target.kind === 'decision' && a.target.id === t.decisions[0]!.id)));
    expect(loopsToRoot).toBe(true);
  });

  for (const width of [360, 1366])
    for (const colorScheme of ['light', 'dark'] as const)
      it(`draws the root question above every other node (${width} px, ${colorScheme})`, async () => {
        for (const tree of trees) {
          const nodes = await openDiagram(tree.id, width, colorScheme);
          const root = squash(tree.decisions[0]!.question);
          expect(nodes.length, tree.id).toBeGreaterThan(tree.decisions.length);
          expect(squash(nodes[0]!.text), tree.id).toBe(root);
          expect(nodes[1]!.top, tree.id).toBeGreaterThan(nodes[0]!.top);
        }
      });

  it('ends every line in an arrowhead that exists in the page and is painted', async () => {
    for (const tree of trees) {
      await openDiagram(tree.id, 1366, 'light');
      const lines = await site.page.locator('.lb-tree-diagram svg.lb-diagram').first().evaluate((svg) =>
        [...svg.querySelectorAll('polyline')].map((line) => {
          const ref = (line.getAttribute('marker-end') ?? line.getAttribute('marker-start') ?? '').replace(/^url\(#(.*)\)$/, '$1');
          const marker = ref ? document.getElementById(ref) : null;
          const head = marker?.querySelector('polygon');
          return { ref, found: Boolean(head), fill: head ? getComputedStyle(head).fill : '' };
        }),
      );
      expect(lines.length, tree.id).toBeGreaterThan(0);
      for (const line of lines) {
        expect(line.found, `${tree.id} ${line.ref}`).toBe(true);
        expect(line.fill, `${tree.id} ${line.ref}`).not.toMatch(/^(none|transparent|rgba\(0, 0, 0, 0\))$/);
      }
    }
  });

  it('finds no axe-core violation with the diagram open, light and dark, at 360 and 1366 px', async () => {
    const found: string[] = [];
    for (const width of [360, 1366])
      for (const colorScheme of ['light', 'dark'] as const) {
        await openDiagram('post-restore-503', width, colorScheme);
        // Evaluated, not added as an inline <script>: the pages' Content-Security-Policy refuses those.
        await site.page.evaluate(AXE);
        const violations = await site.page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
          return (await axe.run(document)).violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        });
        found.push(...violations.map((v) => `${colorScheme} ${width}px: ${v}`));
      }
    expect(found).toEqual([]);
  });
});
