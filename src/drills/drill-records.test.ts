import { describe, expect, it } from 'vitest';
import { formatLocation } from '../errors/issue.ts';
import { loadRunbooks } from '../load/load-runbooks.ts';
import { runChecks } from '../checks/run-checks.ts';
import { RUNBOOK_HEAD, testdir } from '../../test/support/testdir.ts';
import { loadDrillRecords } from './load-records.ts';
import { recordFileName } from './record-file.ts';

const NOW = new Date('2026-12-05T12:00:00Z');
const CONFIG = {
  clusters: { primary: 'prod', dr: 'dr' },
  vars: {},
  checks: { reviewMaxAge: '180d', drillMaxAge: '90d', rtoMargin: 2, stepOverrun: 2, severity: {} as Record<string, 'error' | 'warning' | 'off'> },
  parity: { primary: 'primary', dr: 'dr' },
};
const RUNBOOK = `${RUNBOOK_HEAD('restore')}steps:
  - { id: scale-down, title: Scale down, estimate: 2m }
  - { id: restore-db, title: Restore the database, estimate: 10m }
verify:
  - { id: smoke-test, title: Smoke test, estimate: 3m }
`;

/** A valid record of runbook `restore`; `change` replaces whole lines by their key. */
function record(change: Record<string, string> = {}): string {
  const lines: Record<string, string> = {
    version: 'version: 1',
    runbook: 'runbook: restore',
    kind: 'kind: game-day',
    who: 'who: [Ana]',
    startedAt: 'startedAt: 2026-11-28T09:00:00Z',
    endedAt: 'endedAt: 2026-11-28T09:20:00Z',
    result: 'result: pass',
    steps: `steps:
  - { id: scale-down, start: 2026-11-28T09:00:30Z, end: 2026-11-28T09:02:00Z, outcome: done }
  - { id: restore-db, start: 2026-11-28T09:02:00Z, end: 2026-11-28T09:15:00Z, outcome: done, note: slow disk }
  - { id: smoke-test, end: 2026-11-28T09:19:00Z, outcome: skipped }`,
    ...change,
  };
  return `${Object.values(lines).filter(Boolean).join('\n')}\n`;
}

/** Loads a project of `files`; returns the record problems and the readiness findings, one line each. */
async function load(files: Record<string, string>, runbook = RUNBOOK) {
  const cwd = testdir({ 'runbooks/restore.yaml': runbook, ...files });
  const { runbooks } = await loadRunbooks('runbooks', { cwd, clusters: CONFIG.clusters });
  const drills = loadDrillRecords(`${cwd}/drills`, runbooks, { cwd, now: NOW });
  const line = (i: { code: string; message: string; hint?: string }) => `${formatLocation(i as never)} ${i.code}: ${i.message}${i.hint ? ` | ${i.hint}` : ''}`;
  const findings = runChecks(runbooks, new Map(), CONFIG, { now: NOW, records: drills.byRunbook }).filter((f) => f.code !== 'FactsUnknown');
  return { problems: drills.issues.map(line), findings: findings.map(line), counted: drills.byRunbook.get('restore')?.length ?? 0 };
}

describe('drill records', () => {
  it('count as a measured drill: start to end is the duration the RTO is judged by', async () => {
    const fast = await load({ 'drills/restore/2026-11-28-game-day.yaml': record() });
    expect(fast).toEqual({ problems: [], findings: [], counted: 1 });
    const slow = await load({ 'drills/restore/2026-11-28-game-day.yaml': record({ endedAt: 'endedAt: 2026-11-28T09:40:00Z' }) });
    expect(slow.findings).toEqual([
      expect.stringMatching(/^runbooks\/restore\.yaml:8:6 DrillTooSlow: The newest drill \(2026-11-28, game day recorded in drills\/restore\/2026-11-28-game-day\.yaml\) took 40m; with the 2× margin/),
    ]);
  });

  it('do not count when they are tabletops, which measure nothing', async () => {
    const { findings, counted } = await load({ 'drills/restore/2026-11-28-tabletop.yaml': record({ kind: 'kind: tabletop' }) });
    expect(counted).toBe(1);
    expect(findings).toEqual([expect.stringContaining('NoRecentDrill: This runbook has never been tested')]);
  });

  it('name a step measured at more than twice its estimate, with both times', async () => {
    const slowStep = record({
      endedAt: 'endedAt: 2026-11-28T09:29:00Z',
      steps: 'steps:\n  - { id: restore-db, start: 2026-11-28T09:02:00Z, end: 2026-11-28T09:25:00Z, outcome: done }',
    });
    const { findings } = await load({ 'drills/restore/2026-11-28-game-day.yaml': slowStep });
    expect(findings).toEqual([
      'runbooks/restore.yaml:12:62 StepSlowerThanEstimate: Step "restore-db" took 23m in the game day of 2026-11-28 (drills/restore/2026-11-28-game-day.yaml), more than 2× its estimate of 10m. | Correct the estimate to what the step takes, or find out why it was slow (a note in the drill record may say) and make it faster.',
    ]);
  });

  it('before any drill, say when the estimates alone, doubled, exceed the RTO', async () => {
    const tight = RUNBOOK.replace('rto: 1h', 'rto: 20m');
    expect((await load({}, tight)).findings).toContain(
      'runbooks/restore.yaml:8:6 RtoNeverPlausible: The estimates of its steps add up to 15m; with the 2× margin for a real incident that exceeds the RTO of 20m, and no drill has measured it yet. | Agree an RTO the procedure can meet, or shorten the procedure; then drill it to measure the real time.',
    );
    expect((await load({}, RUNBOOK)).findings.filter((f) => f.includes('RtoNeverPlausible'))).toEqual([]);
    // Where a decision tree branches, only what every path runs counts (here: verify's 3m).
    const branching = `${tight}decisions:\n  - { id: which, question: Which?, answers: [{ label: Disk, goto: restore-db }, { label: Other, goto: smoke-test }] }\n`;
    expect((await load({}, branching)).findings.filter((f) => f.includes('RtoNeverPlausible'))).toEqual([]);
  });

  it('refuse a record of a runbook that does not exist, or filed under another runbook', async () => {
    const { problems, counted } = await load({
      'drills/restore/a.yaml': record({ runbook: 'runbook: restor' }),
      'drills/other/b.yaml': record(),
    });
    expect(counted).toBe(0);
    expect(problems).toEqual([
      'drills/other/b.yaml:2:10 DrillRunbookUnknown: This drill record is of runbook "restore" but sits in drills/other/, the folder of another runbook. | Move it to drills/restore/ if `runbook:` is right, or correct `runbook:`: a record belongs in the folder of its own runbook.',
      'drills/restore/a.yaml:2:10 DrillRunbookUnknown: This drill record is of runbook "restor", which no runbook in this project has as its id. | Did you mean "restore"? Correct `runbook:`, or remove the record if the runbook was deleted.',
    ]);
  });

  it('refuse a step id the runbook no longer has, with a did-you-mean', async () => {
    const renamed = record({ steps: 'steps:\n  - { id: restore-dbs, start: 2026-11-28T09:02:00Z, end: 2026-11-28T09:15:00Z, outcome: done }' });
    expect((await load({ 'drills/restore/r.yaml': renamed })).problems).toEqual([
      'drills/restore/r.yaml:9:11 DrillStepUnknown: Step "restore-dbs" is not a step of runbook "restore" as it stands now. | Did you mean "restore-db"? Its steps are: scale-down, restore-db, smoke-test. A step renamed since the drill needs the record corrected by hand.',
    ]);
  });

  it.each([
    ['a drill that ends before it starts', { endedAt: 'endedAt: 2026-11-28T08:00:00Z' }, 'endedAt', /it ends \(2026-11-28T08:00:00Z\) before it starts/],
    ['a drill of zero seconds', { endedAt: 'endedAt: 2026-11-28T09:00:00Z' }, 'endedAt', /ends \(2026-11-28T09:00:00Z\) when it starts/],
    ['a record from the future', { startedAt: 'startedAt: 2026-12-06T09:00:00Z', endedAt: 'endedAt: 2026-12-06T09:20:00Z', steps: 'steps: []' }, 'endedAt', /ends at 2026-12-06T09:20:00Z, in the future \(it is now 2026-12-05T12:00:00Z\)/],
    ['a step that ends before it starts', { steps: 'steps:\n  - { id: restore-db, start: 2026-11-28T09:10:00Z, end: 2026-11-28T09:05:00Z, outcome: done }' }, 'end', /step "restore-db" ends \(2026-11-28T09:05:00Z\) before it starts/],
    ['a step done without a start', { steps: 'steps:\n  - { id: restore-db, end: 2026-11-28T09:05:00Z, outcome: done }' }, 'step', /step "restore-db" is done but has no start time/],
    ['a step outside the drill', { steps: 'steps:\n  - { id: restore-db, start: 2026-11-28T08:10:00Z, end: 2026-11-28T09:05:00Z, outcome: done }' }, 'step', /lies outside the drill/],
  ])('refuse %s', async (_, change, _where, message) => {
    const { problems, counted } = await load({ 'drills/restore/r.yaml': record(change) });
    expect(counted).toBe(0);
    expect(problems).toEqual([expect.stringMatching(new RegExp(`^drills/restore/r\\.yaml:\\d+:\\d+ DrillTimesInvalid: This drill record's times cannot be right: .*${message.source}`))]);
  });

  it('count a drill filed twice once, and name the copy', async () => {
    const { problems, counted } = await load({ 'drills/restore/2026-11-28-game-day.yaml': record(), 'drills/restore/copy.yaml': record() });
    expect(counted).toBe(1);
    expect(problems).toEqual([
      "drills/restore/copy.yaml:5:12 DrillDuplicate: The same drill (same runbook, kind and start) is already filed as drills/restore/2026-11-28-game-day.yaml. | Nothing to do if it is the same drill. Two drills never start at the same second: check the record's startedAt.",
    ]);
  });

  it('refuse a truncated record with the position of what is missing', async () => {
    const truncated = record().split('\n').slice(0, 5).join('\n');
    expect((await load({ 'drills/restore/r.yaml': truncated })).problems).toEqual([
      expect.stringMatching(/^drills\/restore\/r\.yaml:1:1 MissingField: .*endedAt/),
      expect.stringMatching(/^drills\/restore\/r\.yaml:1:1 MissingField: .*result/),
      expect.stringMatching(/^drills\/restore\/r\.yaml:1:1 MissingField: .*steps/),
    ]);
  });

  it('are filed as <runbook>/<UTC date>-<kind>.yaml, numbered when that day already has one', () => {
    const parsed = { runbook: 'restore', kind: 'game-day', startedAt: '2026-11-28T23:30:00-02:00' } as never;
    expect(recordFileName('drills', parsed, () => false)).toBe('drills/restore/2026-11-29-game-day.yaml');
    const taken = new Set(['drills/restore/2026-11-29-game-day.yaml', 'drills/restore/2026-11-29-game-day-2.yaml']);
    expect(recordFileName('drills', parsed, (p) => taken.has(p))).toBe('drills/restore/2026-11-29-game-day-3.yaml');
  });
});
