/**
 * `lifeboat import` end to end: the real script on real runbook pages from four public collections
 * (test/fixtures/import/SOURCES.md), read back with the real loader.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FileReport } from '../src/import/import-report.ts';
import { loadRunbooks, type LoadResult } from '../src/load/load-runbooks.ts';
import { allSteps } from '../src/load/runbook-model.ts';
import { runScript } from './support/run-script.ts';

const SAMPLE = 'test/fixtures/import/runbooks';
const page = (collection: string, path: string) => `${SAMPLE}/${collection}/${path}`;

let out: string;
let reports: FileReport[];
let loaded: LoadResult;
const runbook = (id: string) => loaded.runbooks.find((r) => r.data.id === id)!;
const steps = (id: string) => allSteps(runbook(id)).map(({ section, step }) => `${section}: ${step.title}`);
const commands = (id: string) => allSteps(runbook(id)).flatMap(({ step }) => step.commands ?? []);
const text = (id: string) => readFileSync(runbook(id).absolutePath, 'utf8');
const reportOf = (source: string) => reports.find((r) => r.source === source)!;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'lifeboat-import-'));
  const result = await runScript('import', [SAMPLE, '--out', out, '--json']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  reports = JSON.parse(result.stdout).reports;
  loaded = await loadRunbooks(out);
});

describe('lifeboat import on pages from four collections', () => {
  it('imports every page with content, skips the empty ones, and the runbooks load without a single problem', () => {
    expect(reports.filter((r) => r.status === 'skipped').map((r) => r.source)).toEqual([
      page('prometheus-operator__runbooks', 'archetypes/default.md'),
      page('prometheus-operator__runbooks', 'content/runbooks/kubernetes/_index.md'),
    ]);
    expect(reports.filter((r) => r.status === 'imported')).toHaveLength(19);
    expect(loaded.issues).toEqual([]);
    expect(loaded.runbooks).toHaveLength(19);
  });

  it('maps the alert layout: Meaning and Impact stay prose, Diagnosis becomes a pre-check, Mitigation the procedure', () => {
    expect(runbook('kube-pod-crash-looping').data).toMatchObject({ title: 'KubePodCrashLooping', service: 'kubernetes', tags: ['imported'] });
    expect(runbook('kube-pod-crash-looping').data.summary).toMatch(/^Pod is in CrashLoop which means/);
    expect(steps('kube-pod-crash-looping')).toEqual(['prechecks: Diagnosis', 'steps: Mitigation']);
    expect(text('kube-pod-crash-looping')).toMatch(/---\n\n## Meaning\n\nPod is in CrashLoop/);
    expect(reportOf(page('prometheus-operator__runbooks', 'content/runbooks/kubernetes/KubePodCrashLooping.md')).layout).toBe('alert');
  });

  it('turns console blocks into commands: prompts removed, output kept as expected output, the rest byte for byte', () => {
    expect(commands('etcd-members-down').map((c) => c.run)).toEqual([
      'oc get nodes -l node-role.kubernetes.io/master=',
      'oc adm upgrade',
      `oc get nodes -l node-role.kubernetes.io/master= -o template --template='{{range .items}}{{"===> node:> "}}{{.metadata.name}}{{"\\n"}}{{range $k, $v := .metadata.annotations}}{{println $k ":" $v}}{{end}}{{"\\n"}}{{end}}'`,
      `oc rsh -c etcdctl -n openshift-etcd $(oc get pod -l app=etcd -oname -n openshift-etcd | awk -F"/" 'NR==1{ print $2 }')`,
      'etcdctl version',
      'etcdctl endpoint health -w table',
    ]);
    expect(commands('k8s-pvc-resize')[0]).toMatchObject({ run: 'kubectl -n monitoring describe sts/thanos-store-0', expect: expect.stringMatching(/^Name: +thanos-store-0\n/) });
  });

  it('lifts commands out of list items and maps a verification heading to the verify section', () => {
    expect(steps('acm-thanos-compact-halted')).toContain('verify: 4. Verify Resolution');
    const halted = allSteps(runbook('acm-thanos-compact-halted')).find((s) => s.step.title === "1. Halted due to 'no space left on device'")!;
    expect(halted.step.commands?.map((c) => c.run)).toEqual([
      "oc get pvc data-observability-thanos-compact-0 -n open-cluster-management-observability -o jsonpath='{.spec.storageClassName}'",
      'oc get sc <YOUR_STORAGE_CLASS> -o yaml | grep allowVolumeExpansion',
      'oc edit pvc data-observability-thanos-compact-0 -n open-cluster-management-observability',
    ]);
    // The PromQL query in a console block is code to read, not a command.
    expect(commands('acm-thanos-compact-halted').some((c) => c.run.startsWith('acm_thanos_compact_halted'))).toBe(false);
  });

  it('maps a procedure page onto pre-checks, steps, verify and rollback', () => {
    expect(steps('k8s-pvc-resize')).toEqual([
      'prechecks: Step 1: Preflight checks',
      'steps: Step 2: Check the current state',
      'steps: Step 3: Delete the StateFul Set',
      'steps: Step 4: Resize the Persistent Volumes',
      'verify: Step 5: Post-operation checks',
      'rollback: Rollback',
    ]);
    // The text under "## Procedure" introduces the steps below it.
    expect(text('k8s-pvc-resize')).toContain('## Procedure\n\nAs an example here');
  });

  it('maps the symptoms layout and the SOP layout, naming the panel each SOP action is for', () => {
    expect(steps('app-db-conn-pool-saturation')).toEqual(['prechecks: Troubleshooting', 'steps: Resolution']);
    expect(text('app-db-conn-pool-saturation')).toMatch(/## Causes[\s\S]*## Symptoms[\s\S]*<Step id="troubleshooting"/);
    expect(steps('hypershift-addon-sop')).toContain('steps: Actions — Panel: Placement score failures');
  });

  it('rewrites links between imported pages, Hugo refs included, and keeps the text of links to pages it did not import', () => {
    expect(text('node-filesystem-almost-out-of-space')).toContain('See [Node Filesystem FilesFilling Up](/runbooks/node-filesystem-files-filling-up/)');
    expect(text('postgres-dr-replicas')).toContain('(/runbooks/postgres-dr-delayed-postgres-dr-replicas/)');
    expect(text('stolostron-managed-service-runbooks')).toContain('## Policy SOPs (`./policy-addon/policy-addon-sop.md`)');
    const readme = reportOf(page('stolostron__managed-service-runbooks', 'README.md'));
    expect(readme.items).toContainEqual({
      line: 5,
      kind: 'dropped',
      what: 'link to ./policy-addon/policy-addon-sop.md: not among the imported pages, so the link is removed (its text and address are kept)',
    });
  });

  it('gives every page a unique id, and says which ones it had to qualify', () => {
    expect(runbook('etcd-members-down').data.service).toBe('cluster-etcd-operator');
    expect(runbook('etcd-members-down-2').data.service).toBe('etcd');
    // The extension-less twin of PrometheusOperatorSyncFailed.md is imported too, after it.
    expect(reportOf(page('prometheus-operator__runbooks', 'content/runbooks/prometheus-operator/PrometheusOperatorSyncFailed')).items).toContainEqual({
      line: 1,
      kind: 'mapped',
      what: 'id "prometheus-operator-sync-failed" is taken by another runbook: this one is "prometheus-operator-sync-failed-2"',
    });
  });

  it('drops HTML comments and table-of-contents markers, keeps PlantUML as code, and reports each with its line', () => {
    const kas = reportOf(page('mattrussi__gitlab-com-runbooks', 'docs/kas/README.md'));
    const dropped = kas.items.filter((i) => i.kind === 'dropped').map((i) => `${i.line} ${i.what}`);
    expect(dropped).toContain('5 table of contents marker [[_TOC_]]: the site shows its own');
    expect(dropped).toContain('23 HTML comment <!-- END_MARKER -->');
    expect(dropped.filter((d) => d.includes('HTML comment'))).toHaveLength(2);
    expect(text('kas')).toContain('```plantuml\ntop to bottom direction');
    expect(text('external-managed-kubeconfig')).toContain('[Image: image](https://github.com/user-attachments/assets/a4168d61-db2b-467f-80b1-38421b79c171)');
  });
});

describe('lifeboat import, the report', () => {
  it('lists per page what was mapped, kept as prose and dropped, with source lines, then the totals', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'lifeboat-import-'));
    const result = await runScript('import', [page('prometheus-operator__runbooks', 'content/runbooks/general/InfoInhibitor.md'), '--out', join(scratch, 'out'), '--dry-run']);
    expect(result.code).toBe(0);
    // The report prints paths relative to the working directory, which depends on where the checkout is.
    expect(result.stdout.replaceAll(relative(process.cwd(), scratch), 'SCRATCH').replaceAll(scratch, 'SCRATCH')).toMatchInlineSnapshot(`
      "test/fixtures/import/runbooks/prometheus-operator__runbooks/content/runbooks/general/InfoInhibitor.md → SCRATCH/out/general/info-inhibitor.mdx (alert layout)
         1  dropped  front matter weight: no runbook field for it
         6  mapped   title heading "InfoInhibitor" → title
         8  prose    "## Meaning" kept as text
        15  dropped  HTML tag <details> (the text around it is kept)
        15  prose    HTML <summary> "Full context" kept as bold text
        19  dropped  HTML tag </details> (the text around it is kept)
        21  prose    "## Impact" kept as text
        25  mapped   "## Diagnosis" → pre-check step "Diagnosis"
        31  mapped   "## Mitigation" → procedure step "Mitigation"
        defaults: tier, owners, escalation, lastReviewed, rto, rpo

      Would import 1 of 1 page into SCRATCH/out (0 skipped, 0 failed).
      Sections: 2 became steps, 2 kept as prose. Items: 3 mapped, 3 kept as prose, 3 dropped.
      Layouts: alert 1.
      Defaults written (marked "# import default"): tier 1, owners 1, escalation 1, lastReviewed 1, rto 1, rpo 1. Set them with --owner, --tier, --defaults FILE, or by editing the runbooks.
      Dry run: nothing was written.
      "
    `);
  });
});
