import { describe, expect, it } from 'vitest';
import { exampleIncident as example } from './example-incident.ts';
import { endIncident, runbookProgress, setStepNote, stepNote, stepOutcomes } from './incident.ts';
import { incidentMarkdown } from './incident-markdown.ts';
import { incidentRecord } from './incident-record.ts';

describe('an incident', () => {
  it('folds each step’s last outcome from the timeline, per runbook', () => {
    const incident = example();
    expect([...stepOutcomes(incident, 'restore-db')]).toEqual([
      ['b', { outcome: 'done', at: '2026-11-22T09:04:10.000Z' }],
      ['a', { outcome: 'skipped', at: '2026-11-22T09:14:00.000Z', reason: 'backup | known' }],
    ]);
    expect(runbookProgress(incident, incident.runbooks[0]!)).toEqual({ finished: 2, total: 3 });
    expect(runbookProgress(incident, incident.runbooks[1]!)).toEqual({ finished: 0, total: 1 });
    expect(incident.runbooks.map((r) => [r.id, r.joinedAt])).toEqual([
      ['restore-db', '2026-11-22T09:00:00.000Z'],
      ['fail-dns', '2026-11-22T09:10:00.000Z'],
    ]);
  });

  it('ends once, and keeps notes per runbook and step without touching prototypes', () => {
    const incident = example();
    endIncident(incident, '2026-11-22T11:00:00.000Z');
    expect(incident.endedAt).toBe('2026-11-22T10:07:00.000Z');
    expect(incident.events.filter((e) => e.type === 'ended')).toHaveLength(1);
    expect(stepNote(incident, 'restore-db', 'b')).toBe('line one\nline two');
    expect(stepNote(incident, 'restore-db', 'constructor')).toBe('');
    setStepNote(incident, 'constructor', 'x', 'n');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    setStepNote(incident, 'restore-db', 'b', '');
    expect(stepNote(incident, 'restore-db', 'b')).toBe('');
  });

  it('exports a record: runbook ids, per-step outcome, time, reason and note, the decision path', () => {
    const record = incidentRecord(example(), '2026-11-22T10:10:00.000Z');
    expect(record).toMatchObject({ kind: 'incident', version: 1, startedAt: '2026-11-22T09:00:00.000Z', endedAt: '2026-11-22T10:07:00.000Z', title: null });
    expect(record.runbooks[0]!.steps).toEqual([
      { id: 'a', number: '1.1', title: 'Find', outcome: 'skipped', end: '2026-11-22T09:14:00.000Z', reason: 'backup | known', note: null },
      { id: 'b', number: '1.2', title: 'Restore', outcome: 'done', end: '2026-11-22T09:04:10.000Z', reason: null, note: 'line one\nline two' },
      { id: 'c', number: '2.1', title: 'Verify', outcome: null, end: null, reason: null, note: null },
    ]);
    expect(record.runbooks[1]!.decisionPath).toEqual([{ decision: 'zone-reachable', answer: 'No', at: '2026-11-22T09:12:00.000Z', question: 'Is the zone reachable?' }]);
    expect(record.events).toHaveLength(10);
  });

  it('exports a Markdown timeline in UTC with the time since the start, table cells kept on one line', () => {
    const markdown = incidentMarkdown(example());
    expect(markdown).toContain('- Started: 2026-11-22 09:00 UTC (2026-11-22T09:00:00.000Z)');
    expect(markdown).toContain('- Ended: 2026-11-22 10:07 UTC (2026-11-22T10:07:00.000Z), after 1:07:00');
    expect(markdown).toContain('| Restore \\| the DB (restore-db) | 2h | +0:00 | 2 of 3 |');
    expect(markdown.split('## Timeline')[1]!.split('\n').filter((l) => l.startsWith('| 0'))).toEqual([
      '| 09:00:00 | +0:00 | restore-db | Opened runbook: Restore \\| the DB |',
      '| 09:04:10 | +4:10 | restore-db | Done: 1.2 Restore |',
      '| 09:10:00 | +10:00 | fail-dns | Opened runbook: Fail over DNS |',
      '| 09:12:00 | +12:00 | fail-dns | Decision: Is the zone reachable? → No |',
      '| 09:13:00 | +13:00 | fail-dns | Copied destructive command (step 1.1 Flip): kubectl delete ns payments |',
      '| 09:14:00 | +14:00 | restore-db | Skipped: 1.1 Find — reason: backup \\| known |',
      '| 09:15:00 | +15:00 | restore-db | Done: 2.1 Verify |',
      '| 09:16:00 | +16:00 | restore-db | Marked not done: 2.1 Verify |',
      '| 09:17:00 | +17:00 |  | Continued in another browser by Sam (imported) |',
    ]);
    expect(markdown).toContain('| restore-db | 1.2 Restore | line one line two |');
  });
});
