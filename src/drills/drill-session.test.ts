import { describe, expect, it } from 'vitest';
import { loadRunbooks } from '../load/load-runbooks.ts';
import { RUNBOOK_HEAD, testdir } from '../../test/support/testdir.ts';
import { endIncident, startIncident } from '../incident/incident.ts';
import { incidentDrillRecord } from '../incident/incident-drill-record.ts';
import { checkDrillRecord } from './check-record.ts';
import { drillProgress, drillRecord, finishDrill, readDrillSession, recordAnswer, recordStep, setDrillStepNote, startDrill, stepActions, stepStates, type DrillSession } from './drill-session.ts';
import { parseDrillRecord } from './parse-record.ts';
import { drillSummary } from './record-summary.ts';
import { drillRecordFileName, drillRecordYaml } from './record-yaml.ts';
import type { DrillRecord } from './record-schema.ts';

const RUNBOOK = `${RUNBOOK_HEAD('restore')}steps:
  - { id: scale-down, title: Scale down, estimate: 2m }
  - { id: restore-db, title: Restore the database, estimate: 10m }
  - { id: warm-cache, title: Warm the cache, estimate: 5m }
verify:
  - { id: smoke-test, title: Smoke test, estimate: 3m }
`;
const STEPS = [
  { id: 'scale-down', number: '1', title: 'Scale down', estimate: 120 },
  { id: 'restore-db', number: '2', title: 'Restore the database', estimate: 600 },
  { id: 'warm-cache', number: '3', title: 'Warm the cache', estimate: 300 },
  { id: 'smoke-test', number: '4', title: 'Smoke test', estimate: 180 },
];
/** Text that breaks naive YAML: quotes, a colon-space, a comment mark, a newline, a flow bracket, non-ASCII. */
const AWKWARD = 'disk "slow": 41 s # not a comment\n second line, [x] {y} — Tomás';
const t = (minute: number, second = 0) => new Date(Date.UTC(2026, 10, 28, 9, minute, second)).toISOString();

function drill(): DrillSession {
  const session = startDrill(t(0), {
    runbook: 'restore', title: 'Restore', build: 'b-1234', rto: '1h', rtoSeconds: 3600, drillKind: 'game-day',
    who: ['Ana (SRE)', 'Raj "RJ" Patel'], clusters: { primary: 'prod-euw1', dr: 'dr-euc1' }, steps: STEPS,
  });
  recordStep(session, t(0, 30), 'started', 'scale-down');
  recordStep(session, t(2), 'done', 'scale-down');
  recordAnswer(session, t(2, 10), 'primary-reachable', 'No: it is "down"');
  recordStep(session, t(2, 20), 'started', 'restore-db');
  recordStep(session, t(3), 'failed', 'restore-db'); // a wrong click, taken back
  recordStep(session, t(3, 5), 'undone', 'restore-db');
  recordStep(session, t(3, 10), 'started', 'restore-db');
  recordStep(session, t(15), 'failed', 'restore-db');
  setDrillStepNote(session, 'restore-db', AWKWARD);
  recordStep(session, t(15, 30), 'skipped', 'warm-cache');
  recordStep(session, t(16), 'started', 'smoke-test'); // started, never finished: measured nothing
  recordStep(session, t(16), 'done', 'no-such-step');
  return session;
}

async function runbooks() {
  const cwd = testdir({ 'runbooks/restore.yaml': RUNBOOK });
  return (await loadRunbooks('runbooks', { cwd, clusters: { primary: 'prod', dr: 'dr' } })).runbooks;
}

/** The record as `drill add` reads it back from the YAML the page downloads: no issue, same data. */
async function fileRecord(record: DrillRecord) {
  const parsed = parseDrillRecord(drillRecordYaml(record), 'record.yaml');
  expect(parsed.issues).toEqual([]);
  const byId = new Map((await runbooks()).map((r) => [r.data.id, r]));
  const issues = checkDrillRecord({ file: 'record.yaml', record: parsed.record!, source: parsed.source }, { runbooks: byId, now: new Date(t(30)), filed: [] });
  return { parsed: parsed.record!, issues };
}

describe('drill mode: a session becomes a record', () => {
  it('folds the timeline: undo takes a step back, only what ended is in the record, in the order it ended', async () => {
    const session = drill();
    expect(stepStates(session).get('restore-db')).toEqual({ start: t(3, 10), end: t(15), outcome: 'failed' });
    expect(stepActions(stepStates(session).get('smoke-test'))).toEqual(['done', 'failed', 'skipped', 'undone']);
    expect(stepActions(undefined)).toEqual(['start', 'skipped']);
    expect(drillProgress(session)).toEqual({ ended: 3, total: 4, failed: 1, skipped: 1 });
    expect(() => drillRecord(session)).toThrow(/once it has ended/);
    finishDrill(session, t(20), 'partial', '  Restore needed a second try.  ');
    recordStep(session, t(21), 'done', 'smoke-test'); // after the end: ignored
    const record = drillRecord(session);
    expect(record.steps.map((s) => [s.id, s.outcome, s.start ?? null])).toEqual([
      ['scale-down', 'done', t(0, 30)],
      ['restore-db', 'failed', t(3, 10)],
      ['warm-cache', 'skipped', null],
    ]);
    expect(record).toMatchObject({ kind: 'game-day', build: 'b-1234', result: 'partial', notes: 'Restore needed a second try.', path: [{ decision: 'primary-reachable', answer: 'No: it is "down"', at: t(2, 10) }] });
    expect(drillRecordFileName(record)).toBe('restore-2026-11-28-game-day.yaml');
  });

  it('writes YAML that drill add reads back to the same record, with no problem against the runbook', async () => {
    const session = drill();
    finishDrill(session, t(20), 'fail', `Line one\nline two: ${AWKWARD}`);
    const record = drillRecord(session);
    const { parsed, issues } = await fileRecord(record);
    expect(issues).toEqual([]);
    expect(parsed).toEqual(record);
  });

  it('a record of a step the runbook no longer has is refused when filed', async () => {
    const session = drill();
    session.steps.push({ id: 'renamed-step', number: '5', title: 'Gone' });
    recordStep(session, t(17), 'skipped', 'renamed-step');
    finishDrill(session, t(20), 'pass', '');
    const { issues } = await fileRecord(drillRecord(session));
    expect(issues.map((i) => i.code)).toEqual(['DrillStepUnknown']);
  });

  it('summarises in plain text: times against estimates, × 2 against the RTO, the path', () => {
    const session = drill();
    finishDrill(session, t(20), 'partial', 'Restore needed a second try.');
    const text = drillSummary(drillRecord(session), { title: 'Restore', rto: '1h', rtoSeconds: 3600, steps: STEPS });
    expect(text).toContain('Game day of "Restore" (restore): partial');
    expect(text).toContain('Run by Ana (SRE), Raj "RJ" Patel against primary prod-euw1, dr dr-euc1, from build b-1234.');
    expect(text).toContain('2026-11-28 09:00 UTC to 2026-11-28 09:20 UTC: 20m. Tested time × 2 = 40m against the RTO of 1h (67%).');
    expect(text).toContain('1 Scale down: done in 1m30s (estimate 2m)');
    expect(text).toContain(`2 Restore the database: failed in 11m50s (estimate 10m). ${AWKWARD}`);
    expect(text).toContain('3 Warm the cache: skipped');
    expect(text).toContain('Decision path: No: it is "down"');
  });

  it('reads back only a well-formed stored drill', () => {
    const session = drill();
    expect(readDrillSession(JSON.stringify(session))).toEqual(session);
    expect(readDrillSession(null)).toBeUndefined();
    expect(readDrillSession('{"kind":"drill-session"')).toBeUndefined();
    for (const broken of [
      { ...session, version: 2 },
      { ...session, startedAt: 'yesterday' },
      { ...session, who: 'Ana' },
      { ...session, events: [...session.events, { at: t(5), type: 'done', step: 'not-a-step' }] },
      { ...session, events: [...session.events, { at: t(5), type: 'exploded', step: 'scale-down' }] },
      { ...session, endedAt: t(20) }, // ended without a result
    ]) expect(readDrillSession(JSON.stringify(broken))).toBeUndefined();
  });
});

describe('incident mode: an ended incident becomes a record of kind incident', () => {
  it('times each step from the step finished before it, and files cleanly', async () => {
    const incident = startIncident(t(0), { id: 'restore', title: 'Restore', rto: '1h', rtoSeconds: 3600, steps: STEPS });
    incident.title = 'Ledger down in euw1';
    incident.events.push(
      { at: t(4), type: 'done', runbook: 'restore', step: 'scale-down' },
      { at: t(5), type: 'decision', runbook: 'restore', decision: 'primary-reachable', question: 'Reachable?', answer: 'No' },
      { at: t(5, 30), type: 'decision', runbook: 'restore', question: 'A question with no id', answer: 'Skipped' },
      { at: t(6), type: 'skipped', runbook: 'restore', step: 'warm-cache', reason: 'cache is cold anyway' },
      { at: t(18), type: 'done', runbook: 'restore', step: 'restore-db' },
    );
    incident.notes.restore = { 'restore-db': AWKWARD };
    expect(() => incidentDrillRecord(incident, 'restore', { who: ['Ana'], result: 'pass' })).toThrow(/once it has ended/);
    endIncident(incident, t(25));
    const record = incidentDrillRecord(incident, 'restore', { who: ['Ana'], result: 'pass', build: 'b-9' });
    expect(record.steps).toEqual([
      { id: 'scale-down', start: t(0), end: t(4), outcome: 'done' },
      { id: 'warm-cache', end: t(6), outcome: 'skipped', note: 'Skipped: cache is cold anyway' },
      { id: 'restore-db', start: t(6), end: t(18), outcome: 'done', note: AWKWARD },
    ]);
    expect(record.path).toEqual([{ decision: 'primary-reachable', answer: 'No', at: t(5) }]);
    expect(record).toMatchObject({ kind: 'incident', startedAt: t(0), endedAt: t(25), notes: 'Incident: Ledger down in euw1', build: 'b-9' });
    const { parsed, issues } = await fileRecord(record);
    expect(issues).toEqual([]);
    expect(parsed).toEqual(record);
  });
});
