import { describe, expect, it } from 'vitest';
import { RunbookSchema } from '../schema/runbook.ts';
import type { RunbookEntry } from './runbook-entry.ts';
import { buildRunbookView, type ViewContext } from './runbook-view.ts';

const runbook = RunbookSchema.parse({
  id: 'a',
  title: 'A',
  service: 's',
  tier: 1,
  owners: ['t'],
  escalation: [{ name: 'On-call', chat: '#c' }],
  lastReviewed: '2026-11-01',
  rto: '1h',
  rpo: '0',
  clusters: { dr: 'dr-local' },
  vars: { ns: 'shop' },
  prechecks: [{ id: 'pre', title: 'Pre' }],
  steps: [
    { id: 'one', title: 'One', commands: [{ run: 'kubectl --context {{ cluster.dr }} -n {{ ns }} get pods\n', cluster: 'dr' }] },
    { id: 'two', title: 'Two' },
  ],
  rollback: [{ id: 'back', title: 'Back' }],
  decisions: [
    {
      id: 'root',
      question: 'Pods in {{ ns }} running?',
      answers: [
        { label: 'No', goto: 'one' },
        { label: 'Other', runbook: 'b', goto: 'b-tree' },
        { label: 'Yes', outcome: 'Done' },
      ],
    },
  ],
  drills: [
    { date: '2026-01-01', duration: '30m', result: 'pass' },
    { date: '2026-06-01', duration: '2h', result: 'partial' },
  ],
});

const ctx: ViewContext = {
  base: '/',
  clusters: { primary: 'p1', dr: 'd1' },
  vars: { ns: 'site-default' },
  facts: new Map(),
  index: new Map([['b', { title: 'Runbook B', decisionIds: new Set(['b-tree']) }]]),
};

describe('buildRunbookView', () => {
  const entry: RunbookEntry = { runbook, file: 'a.yaml', format: 'yaml', bodySteps: [], bodyDecisions: [] };
  const view = buildRunbookView(entry, ctx);

  it('numbers sections and steps the same way everywhere', () => {
    expect(view.sections.map((s) => `${s.number}. ${s.title}: ${s.steps.map((st) => st.number).join(' ')}`)).toEqual([
      '1. Pre-checks: 1.1',
      '2. Steps: 2.1 2.2',
      '3. Rollback: 3.1',
    ]);
  });

  it('fills placeholders (runbook clusters and vars win) and drops the trailing newline of a block scalar', () => {
    expect(view.stepsById.get('one')!.commands[0]).toMatchObject({
      run: 'kubectl --context dr-local -n shop get pods',
      clusterName: 'dr-local',
      domId: 'cmd-one-1',
    });
    expect(view.decisions[0]!.question).toBe('Pods in shop running?');
  });

  it('resolves answers to steps, other runbooks and outcomes', () => {
    expect(view.decisions[0]!.answers.map((a) => a.target)).toEqual([
      { kind: 'step', id: 'one', href: '#step-one', label: '2.1 One' },
      { kind: 'runbook', id: 'b', href: '/runbooks/b/#decision-b-tree', label: 'Runbook B' },
      { kind: 'outcome', text: 'Done' },
    ]);
  });

  it('orders drills newest first', () => {
    expect(view.lastDrill?.date).toBe('2026-06-01');
  });
});

describe('buildRunbookView for an MDX body', () => {
  const mdx: RunbookEntry = {
    runbook: RunbookSchema.parse({ ...runbook, steps: undefined, rollback: undefined, decisions: undefined }),
    file: 'a.mdx',
    format: 'mdx',
    bodySteps: [
      { section: 'prechecks', step: { id: 'pre-2', title: 'More pre' } },
      { section: 'steps', step: { id: 's1', title: 'S1' } },
      { section: 'steps', step: { id: 's2', title: 'S2' } },
      { section: 'verify', step: { id: 'v1', title: 'V1' } },
      { section: 'rollback', step: { id: 'r1', title: 'R1' } },
      { section: 'steps', step: { id: 's3', title: 'S3' } },
    ],
    bodyDecisions: [],
  };
  const view = buildRunbookView(mdx, ctx);
  const opened = (id: string) => view.stepsById.get(id)!.opensSection;

  it('opens each run of body steps in one section with that section\'s numbered heading, as a YAML page does', () => {
    expect(opened('s1')).toEqual({ id: 'steps', text: '2. Steps' });
    expect(opened('s2')).toBeUndefined();
    expect(opened('v1')).toEqual({ id: 'verify', text: '3. Verify' });
    expect(opened('r1')).toEqual({ id: 'rollback', text: '4. Rollback' });
  });

  it('gives a section heading the page already has a new anchor: the fields\' own, or an earlier run in the body', () => {
    // Pre-checks are also written in the fields, which render "1. Pre-checks" with the key as anchor.
    expect(opened('pre-2')).toEqual({ id: 'prechecks-2', text: '1. Pre-checks' });
    // The body goes back to Steps after Rollback: say so again, so 2.3 never reads as a rollback step.
    expect(opened('s3')).toEqual({ id: 'steps-2', text: '2. Steps' });
    expect(view.stepsById.get('s3')!.number).toBe('2.3');
  });

  it('never heads a step written in the fields from here (StepSection does)', () => {
    expect(opened('pre')).toBeUndefined();
  });
});
