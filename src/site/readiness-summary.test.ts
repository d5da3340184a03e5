import { describe, expect, it } from 'vitest';
import type { Issue } from '../errors/issue.ts';
import { summarizeReadiness } from './readiness-summary.ts';

const issue = (code: string): Issue => ({ code: code as Issue['code'], severity: 'error', file: 'a.yaml', path: [], position: { type: 'unavailable' }, message: 'm' });

describe('summarizeReadiness', () => {
  const runbooks = {
    both: [issue('StorageClassNotFound'), issue('RpoBreached'), issue('RpoBreached')],
    rpo: [issue('RpoBreached')],
    drill: [issue('NoRecentDrill')],
    fine: [],
  } as Record<string, Issue[]>;
  const summary = summarizeReadiness(Object.keys(runbooks), (id) => runbooks[id]!);

  it('counts a runbook under every kind of problem it has, as its row lists them', () => {
    expect(summary.counts).toEqual([
      { kind: 'broken references', runbooks: 1 },
      { kind: 'RPO breach', runbooks: 2 },
      { kind: 'stale drill', runbooks: 1 },
      { kind: 'unknown facts', runbooks: 0 },
      { kind: 'ok', runbooks: 1 },
    ]);
    for (const { kind, runbooks: n } of summary.counts) expect(summary.rows.filter((r) => r.kinds.includes(kind)).length).toBe(n);
    expect(summary.several).toBe(1);
  });

  it('puts the worst rows first', () => {
    expect(summary.rows.map((r) => [r.item, r.kinds])).toEqual([
      ['both', ['broken references', 'RPO breach']],
      ['rpo', ['RPO breach']],
      ['drill', ['stale drill']],
      ['fine', ['ok']],
    ]);
  });
});
