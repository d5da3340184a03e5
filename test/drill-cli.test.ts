/**
 * `lifeboat drill add` through the real command (`npm run drill`), in a copy of the example
 * project: every kind of bad record is refused with its position and nothing is written, a good
 * record is filed as drills/<runbook>/<date>-<kind>.yaml, and `lifeboat check` then judges the RTO
 * by it.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, runScript } from './support/run-script.ts';

const NOW = { LIFEBOAT_NOW: '2026-12-05T12:00:00Z' };
let project: string;

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'lifeboat-drill-'));
  for (const part of ['runbooks', 'facts', 'lifeboat.config.yaml']) cpSync(join(REPO, part), join(project, part), { recursive: true });
});
afterAll(() => rmSync(project, { recursive: true, force: true }));

/** A record of the example's Velero restore runbook (RTO 30m), 24 minutes long. */
const GOOD = `version: 1
runbook: velero-restore-namespace
build: 2026-12-04T18:00:00Z
kind: game-day
who: [Ana (SRE)]
clusters: { primary: prod-euw1, dr: dr-euw1 }
startedAt: 2026-11-28T09:00:00Z
endedAt: 2026-11-28T09:24:00Z
result: pass
steps:
  - { id: confirm-namespace-gone, start: 2026-11-28T09:00:10Z, end: 2026-11-28T09:01:00Z, outcome: done }
  - { id: create-restore, start: 2026-11-28T09:01:00Z, end: 2026-11-28T09:02:00Z, outcome: failed, note: "wrong namespace, retried" }
  - { id: watch-restore, start: 2026-11-28T09:02:00Z, end: 2026-11-28T09:20:00Z, outcome: done }
  - { id: smoke-test, end: 2026-11-28T09:23:00Z, outcome: skipped }
path:
  - { decision: namespace-state, answer: Gone completely, at: 2026-11-28T09:00:40Z }
`;

function write(name: string, text: string): string {
  const path = join(project, name);
  writeFileSync(path, text);
  return path;
}
const drill = (args: string[]) => runScript('drill', ['add', ...args], { cwd: project, env: NOW });
const filed = () => (existsSync(join(project, 'drills')) ? readdirSync(join(project, 'drills'), { recursive: true, encoding: 'utf8' }).sort() : []);

describe('lifeboat drill add', () => {
  it.each([
    ['truncated YAML', GOOD.slice(0, GOOD.indexOf('endedAt') + 20), /in-truncated\.yaml:\d+:\d+  error  (YamlSyntax|MissingField)/],
    ['a step id that no longer exists', GOOD.replace('id: watch-restore', 'id: watch-the-restore'), /in-step\.yaml:13:11  error  DrillStepUnknown\n  Step "watch-the-restore" is not a step of runbook "velero-restore-namespace" as it stands now\.\n  hint: Did you mean "watch-restore"\?/],
    ['times out of order', GOOD.replace('endedAt: 2026-11-28T09:24:00Z', 'endedAt: 2026-11-28T08:24:00Z'), /in-order\.yaml:8:10  error  DrillTimesInvalid\n  This drill record's times cannot be right: it ends \(2026-11-28T08:24:00Z\) before it starts/],
    ['a record for another runbook', GOOD.replace('runbook: velero-restore-namespace', 'runbook: velero-restore-namespaces'), /in-runbook\.yaml:2:10  error  DrillRunbookUnknown\n.*\n  hint: Did you mean "velero-restore-namespace"\?/],
    ['a record from the future', GOOD.replaceAll('2026-11-28', '2026-12-28'), /in-future\.yaml:8:10  error  DrillTimesInvalid\n  This drill record's times cannot be right: it ends at 2026-12-28T09:24:00Z, in the future/],
  ])('refuses %s with its position, and writes nothing', async (_, text, expected) => {
    const name = `in-${String(expected).match(/in-(\w+)/)![1]}.yaml`;
    const result = await drill([write(name, text)]);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toMatch(expected);
    expect(result.stderr).toContain('Nothing was filed');
    expect(filed()).toEqual([]);
  });

  it('writes nothing when one record of several is bad', async () => {
    const result = await drill([write('good.yaml', GOOD), write('bad.yaml', GOOD.replace('result: pass', 'result: passed'))]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/bad\.yaml:9:9  error  InvalidValue/);
    expect(filed()).toEqual([]);
  });

  it('files a good record, refuses it a second time, and check then judges the RTO by it', async () => {
    const before = await runScript('check', ['--format', 'json'], { cwd: project, env: NOW });
    const codesFor = (out: string) => JSON.parse(out).issues.filter((i: { file: string }) => i.file.endsWith('velero-restore-namespace.yaml')).map((i: { code: string }) => i.code);
    expect(codesFor(before.stdout)).not.toContain('DrillTooSlow');

    const first = await drill([write('good.yaml', GOOD)]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toBe('Filed drills/velero-restore-namespace/2026-11-28-game-day.yaml (Restore the payments namespace from a Velero backup: game day, 24m, pass)\n');
    expect(readFileSync(join(project, 'drills/velero-restore-namespace/2026-11-28-game-day.yaml'), 'utf8')).toBe(GOOD);

    const again = await drill([write('good.yaml', GOOD)]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/good\.yaml:7:12  error  DrillDuplicate\n  The same drill \(same runbook, kind and start\) is already filed as drills\/velero-restore-namespace\/2026-11-28-game-day\.yaml\./);

    // 24 minutes, doubled, exceed the runbook's 30-minute RTO.
    const after = await runScript('check', ['--format', 'json'], { cwd: project, env: NOW });
    expect(codesFor(after.stdout)).toContain('DrillTooSlow');
    const slow = JSON.parse(after.stdout).issues.find((i: { code: string; file: string }) => i.code === 'DrillTooSlow' && i.file.endsWith('velero-restore-namespace.yaml'));
    expect(slow.message).toBe(
      'The newest drill (2026-11-28, game day recorded in drills/velero-restore-namespace/2026-11-28-game-day.yaml) took 24m; with the 2× margin for a real incident that exceeds the RTO of 30m.',
    );
  });

  it('says how to use it when the action or the files are missing', async () => {
    const none = await runScript('drill', [], { cwd: project });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Say what to do: lifeboat drill add FILE…');
    const missing = await drill(['nope.yaml']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('"nope.yaml" does not exist.');
  });
});
