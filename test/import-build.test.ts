/**
 * Imported runbooks build into the site: the real import, then the real `lifeboat build`, then the
 * generated pages — every runbook has a page, rewritten links land on pages that exist, and
 * imported commands render like any other.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runScript } from './support/run-script.ts';

let work: string;
const page = (id: string) => readFileSync(join(work, 'dist', 'runbooks', id, 'index.html'), 'utf8');

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'lifeboat-import-build-'));
  const imported = await runScript('import', ['test/fixtures/import/runbooks', '--out', join(work, 'runbooks'), '--json']);
  expect(imported.code).toBe(0);
  const built = await runScript('build', ['--runbooks', join(work, 'runbooks'), '--out', join(work, 'dist')]);
  expect(built.stderr).not.toMatch(/error/i);
  expect(built.code).toBe(0);
  expect(built.stdout).toMatch(/Built 19 runbooks into /);
});

describe('the site built from imported runbooks', () => {
  it('has a page for every imported runbook, and every link between them lands on one', () => {
    const ids = ['kube-pod-crash-looping', 'etcd-members-down', 'etcd-members-down-2', 'k8s-pvc-resize', 'hypershift-addon-sop', 'postgres-dr-replicas'];
    for (const id of ids) expect(existsSync(join(work, 'dist', 'runbooks', id, 'index.html')), id).toBe(true);
    const links = [...page('node-filesystem-almost-out-of-space').matchAll(/href="\/runbooks\/([a-z0-9-]+)\/"/g)].map((m) => m[1]!);
    expect(links).toContain('node-filesystem-files-filling-up');
    for (const id of links) expect(existsSync(join(work, 'dist', 'runbooks', id, 'index.html')), id).toBe(true);
  });

  it('renders an imported command as a command block (the page script adds its copy button) with the output it should print', () => {
    const html = page('k8s-pvc-resize');
    const block = html.slice(html.indexOf('kubectl -n monitoring describe sts/thanos-store-0') - 300, html.indexOf('Access Modes:'));
    expect(block).toContain('class="lb-command-bar"');
    expect(block).toContain('<code id="cmd-');
    expect(block).toMatch(/class="lb-expect"[\s\S]*Name: +thanos-store-0/);
  });

  it('keeps the escaped prose readable: braces and placeholders show as written', () => {
    expect(page('ceph-mon-quorum-lost')).toContain('/var/log/ceph/&lt;cluster-id&gt; location');
    expect(page('kube-pod-crash-looping')).toContain('id="step-diagnosis"');
  });
});
