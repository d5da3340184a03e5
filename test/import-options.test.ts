/**
 * `lifeboat import` flags and safety: dry runs, never overwriting without --force, usage errors,
 * defaults instead of the built-in ones, YAML output, and commands reaching the CI gate.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRunbooks } from '../src/load/load-runbooks.ts';
import { allSteps } from '../src/load/runbook-model.ts';
import { runScript } from './support/run-script.ts';
import { testdir } from './support/testdir.ts';

const SAMPLE = 'test/fixtures/import/runbooks';
const ETCD = `${SAMPLE}/openshift__runbooks/alerts/cluster-etcd-operator/etcdMembersDown.md`;
const scratch = () => mkdtempSync(join(tmpdir(), 'lifeboat-import-'));

describe('lifeboat import, safely', () => {
  it('writes nothing with --dry-run, but reports what it would write', async () => {
    const out = join(scratch(), 'out');
    const result = await runScript('import', [ETCD, '--out', out, '--dry-run']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/→ .*out\/cluster-etcd-operator\/etcd-members-down\.mdx \(alert layout\)/);
    expect(existsSync(out)).toBe(false);
  });

  it('never replaces an existing runbook without --force, and replaces it with --force', async () => {
    const out = scratch();
    const target = join(out, 'cluster-etcd-operator/etcd-members-down.mdx');
    expect((await runScript('import', [ETCD, '--out', out])).code).toBe(0);
    writeFileSync(target, 'edited by hand');

    const again = await runScript('import', [ETCD, '--out', out]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('error  ImportOutputExists');
    expect(again.stderr).toContain(`etcd-members-down.mdx already exists, so ${ETCD} was not written over it — skipping this file.`);
    expect(readFileSync(target, 'utf8')).toBe('edited by hand');

    const forced = await runScript('import', [ETCD, '--out', out, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(target, 'utf8')).toMatch(/^---\n# Imported by `lifeboat import` from /);
    // The file is renamed into place: no temporary file is left behind.
    expect(readdirSync(join(out, 'cluster-etcd-operator'))).toEqual(['etcd-members-down.mdx']);
  });

  it('does not take the id of a runbook already in the output folder', async () => {
    const out = testdir({ 'platform/etcd.yaml': 'id: etcd-members-down\n' });
    const result = await runScript('import', [ETCD, '--out', out, '--json']);
    expect(JSON.parse(result.stdout).reports[0].id).toBe('cluster-etcd-operator-etcd-members-down');
  });

  it('exits 2 without sources, with a missing source, or with an invalid defaults file, and writes nothing', async () => {
    const out = join(scratch(), 'out');
    const none = await runScript('import', ['--out', out]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^Name at least one Markdown file or folder to import\.\n\nUsage: lifeboat import/);

    const missing = await runScript('import', ['no-such-folder', '--out', out]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('"no-such-folder" does not exist, so nothing was imported.');

    const defaults = testdir({ 'defaults.yaml': 'owners: payments-team\nrto: 30 minutes\n' });
    const invalid = await runScript('import', [ETCD, '--out', out, '--defaults', join(defaults, 'defaults.yaml')]);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('error  ImportDefaultsInvalid');
    expect(invalid.stderr).toMatch(/owners: .*; rto: /);
    expect(existsSync(out)).toBe(false);
  });

  it('fills missing fields from flags and the defaults file instead of the built-in defaults', async () => {
    const out = scratch();
    const dir = testdir({ 'defaults.yaml': 'escalation: [{ name: Storage on-call, pager: "pagerduty:STORAGE" }]\nrto: 1h\nrpo: 15m\nlastReviewed: 2026-11-01\n' });
    const result = await runScript('import', [ETCD, '--out', out, '--defaults', join(dir, 'defaults.yaml'), '--owner', 'etcd-team', '--tier', '1', '--service', 'control-plane', '--json']);
    expect(JSON.parse(result.stdout).reports[0].defaulted).toEqual([]);
    const { runbooks, issues } = await loadRunbooks(out);
    expect(issues).toEqual([]);
    expect(runbooks[0]!.data).toMatchObject({ service: 'control-plane', owners: ['etcd-team'], tier: 1, rto: '1h', rpo: '15m', lastReviewed: '2026-11-01' });
    expect(readFileSync(runbooks[0]!.absolutePath, 'utf8')).not.toContain('import default:');
  });

  it('writes YAML runbooks, prose in step bodies, that load without a problem', async () => {
    const out = scratch();
    expect((await runScript('import', [SAMPLE, '--out', out, '--format', 'yaml'])).code).toBe(0);
    const { runbooks, issues } = await loadRunbooks(out);
    expect(issues).toEqual([]);
    expect(runbooks).toHaveLength(19);
    const etcd = runbooks.find((r) => r.data.id === 'etcd-members-down')!;
    expect(etcd.format).toBe('yaml');
    expect(allSteps(etcd).map(({ section, step }) => `${section}: ${step.title}`)).toEqual([
      'prechecks: Meaning',
      'prechecks: Impact',
      'prechecks: Diagnosis',
      'prechecks: General etcd health',
      'steps: Mitigation',
    ]);
  });
});

describe('imported commands in the CI gate', () => {
  it('are skipped while their cluster is unknown, and checked once --cluster names the role they run on', async () => {
    const unknown = scratch();
    await runScript('import', [ETCD, '--out', unknown]);
    const quiet = await runScript('check', ['--runbooks', unknown, '--format', 'json']);
    expect(JSON.parse(quiet.stdout).issues.map((i: { code: string }) => i.code)).not.toContain('NamespaceNotFound');

    const known = scratch();
    await runScript('import', [ETCD, '--out', known, '--cluster', 'primary']);
    const checked = await runScript('check', ['--runbooks', known, '--format', 'json']);
    const findings = JSON.parse(checked.stdout).issues.filter((i: { code: string }) => i.code === 'NamespaceNotFound');
    // `oc rsh -n openshift-etcd …` (the namespace is named twice in it, reported once), against the demo facts of prod-euw1.
    expect(findings.map((i: { message: string; line: number }) => `${i.line} ${i.message}`)).toEqual([
      '76 Namespace "openshift-etcd" (named by `-n` in oc rsh) does not exist in cluster "prod-euw1" (role primary) according to its facts.',
    ]);
    expect(checked.code).toBe(1);
  });
});
