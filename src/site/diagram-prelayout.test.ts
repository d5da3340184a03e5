import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadFacts } from '../facts/snapshot-file.ts';
import { loadRunbooks } from '../load/load-runbooks.ts';
import { renderDecisionSvg } from './decision-diagram.ts';
import { decisionSvg } from './diagram-cache.ts';
import { decisionSources, startDiagramPrelayout } from './diagram-prelayout.ts';
import { runbookIndex, toRunbookEntry } from './runbook-entry.ts';
import { buildRunbookView, type ViewContext } from './runbook-view.ts';

describe('diagram layout ahead of rendering', () => {
  let dir: string;
  const saved = process.env.LIFEBOAT_CACHE_DIR;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lifeboat-prelayout-'));
    process.env.LIFEBOAT_CACHE_DIR = dir;
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
    if (saved === undefined) delete process.env.LIFEBOAT_CACHE_DIR;
    else process.env.LIFEBOAT_CACHE_DIR = saved;
  });

  it('fills the cache, in a child process, with exactly the diagrams the example pages ask for', async () => {
    const clusters = { primary: 'prod-euw1', dr: 'dr-euc1' };
    const { runbooks } = await loadRunbooks('runbooks', { clusters });
    const { snapshots: facts } = await loadFacts('facts');
    const ctx: ViewContext = { base: '/', clusters, vars: {}, facts, index: runbookIndex(runbooks.map(toRunbookEntry)) };
    const sources = decisionSources(runbooks, ctx);
    const withTrees = runbooks.filter((r) => r.data.decisions?.length);
    expect(withTrees.length).toBeGreaterThan(0);
    expect(sources).toHaveLength(withTrees.length);

    await startDiagramPrelayout(sources).done;
    const cached = readdirSync(join(dir, 'diagrams'));
    expect(cached.filter((f) => f.endsWith('.svg'))).toHaveLength(sources.length);
    expect(cached.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // What a page renders is then read from the cache (the same key), and is what laying it out gives.
    for (const runbook of withTrees) {
      const { decisions } = buildRunbookView(toRunbookEntry(runbook), ctx);
      expect(decisionSvg(decisions)).toBe(renderDecisionSvg(decisions));
    }
    expect(readdirSync(join(dir, 'diagrams'))).toHaveLength(cached.length);
  });

  it('stops when told, and costs nothing when there is nothing to draw', async () => {
    const none = startDiagramPrelayout([]);
    await none.done;
    const running = startDiagramPrelayout(['flowchart TD\n  a["Start"] --> b["End"]']);
    running.stop();
    await expect(running.done).resolves.toBeUndefined();
  });
});
