import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempCacheDir } from '../../test/support/temp-cache-dir.ts';
import { loadFacts } from '../facts/snapshot-file.ts';
import { loadRunbooks } from '../load/load-runbooks.ts';
import { renderDecisionSvg } from './decision-diagram.ts';
import { decisionSvg } from './diagram-cache.ts';
import { decisionSources, startDiagramPrelayout } from './diagram-prelayout.ts';
import { runbookIndex, toRunbookEntry } from './runbook-entry.ts';
import { buildRunbookView, type ViewContext } from './runbook-view.ts';

describe('diagram layout ahead of rendering', () => {
  const cacheDir = useTempCacheDir('lifeboat-prelayout-');

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
    const cached = readdirSync(join(cacheDir(), 'diagrams'));
    expect(cached.filter((f) => f.endsWith('.svg'))).toHaveLength(sources.length);
    expect(cached.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // What a page renders is then read from the cache (the same key), and is what laying it out gives.
    for (const runbook of withTrees) {
      const { decisions } = buildRunbookView(toRunbookEntry(runbook), ctx);
      expect(decisionSvg(decisions)).toBe(renderDecisionSvg(decisions));
    }
    expect(readdirSync(join(cacheDir(), 'diagrams'))).toHaveLength(cached.length);
  });

  it('stops when told, and costs nothing when there is nothing to draw', async () => {
    const none = startDiagramPrelayout([]);
    await none.done;
    const running = startDiagramPrelayout(['flowchart TD\n  a["Start"] --> b["End"]']);
    running.stop();
    await expect(running.done).resolves.toBeUndefined();
  });
});
