import { describe, expect, it } from 'vitest';
import { RunbookSchema } from '../schema/runbook.ts';
import { runbookHeadings } from './runbook-headings.ts';
import { buildRunbookView } from './runbook-view.ts';

const base = {
  id: 'a',
  title: 'A',
  service: 's',
  tier: 1,
  owners: ['t'],
  escalation: [{ name: 'On-call', chat: '#c' }],
  lastReviewed: '2026-11-01',
  rto: '1h',
  rpo: '0',
};
const ctx = { base: '/', clusters: {}, vars: {}, facts: new Map(), index: new Map() };
const line = (h: { depth: number; slug: string; text: string }) => `${'  '.repeat(h.depth - 2)}${h.text} #${h.slug}`;

describe('runbookHeadings', () => {
  it('lists a YAML runbook\'s sections with their steps under them, the tree before Verify as on the page', () => {
    const runbook = RunbookSchema.parse({
      ...base,
      prechecks: [{ id: 'p', title: 'P' }],
      steps: [{ id: 's', title: 'S' }],
      verify: [{ id: 'v', title: 'V' }],
      rollback: [{ id: 'r', title: 'R' }],
    });
    const view = buildRunbookView({ runbook, file: 'a.yaml', format: 'yaml', bodySteps: [], bodyDecisions: [] }, ctx);
    expect(runbookHeadings(view, [], { findings: true, requires: false, tree: true }).map(line)).toEqual([
      'Readiness #findings',
      'Escalation #escalation',
      '1. Pre-checks #prechecks',
      '  1.1 P #step-p',
      '2. Steps #steps',
      '  2.1 S #step-s',
      'Decision tree #decision-tree',
      '3. Verify #verify',
      '  3.1 V #step-v',
      '4. Rollback #rollback',
      '  4.1 R #step-r',
      'Drill history #drills',
    ]);
  });

  it('lists an MDX runbook\'s body steps in body order under the same section headings', () => {
    const runbook = RunbookSchema.parse({ ...base, prechecks: [{ id: 'p', title: 'P' }], requires: undefined });
    const bodySteps = [
      { section: 'steps' as const, step: { id: 's', title: 'S' } },
      { section: 'verify' as const, step: { id: 'v', title: 'V' } },
      { section: 'rollback' as const, step: { id: 'r', title: 'R' } },
    ];
    const view = buildRunbookView({ runbook, file: 'a.mdx', format: 'mdx', bodySteps, bodyDecisions: [] }, ctx);
    expect(runbookHeadings(view, ['s', 'v', 'r'], { findings: false, requires: true, tree: false }).map(line)).toEqual([
      'Escalation #escalation',
      'Depends on #requires',
      '1. Pre-checks #prechecks',
      '  1.1 P #step-p',
      '2. Steps #steps',
      '  2.1 S #step-s',
      '3. Verify #verify',
      '  3.1 V #step-v',
      '4. Rollback #rollback',
      '  4.1 R #step-r',
      'Drill history #drills',
    ]);
  });
});
