import { describe, expect, it } from 'vitest';
import { formatLocation } from '../errors/issue.ts';
import { loadRunbooks } from '../load/load-runbooks.ts';
import { RUNBOOK_HEAD, testdir } from '../../test/support/testdir.ts';

/** Loads an inline collection and returns its issues as `file:line:col code: message`. */
async function check(files: Record<string, string>, settings = { clusters: { primary: 'p1', dr: 'd1' }, vars: {} }) {
  const cwd = testdir(files);
  const { issues } = await loadRunbooks('.', { cwd, ...settings });
  return issues.map((i) => `${formatLocation(i)} ${i.code}: ${i.message}${i.hint ? ` | ${i.hint}` : ''}`);
}

const STEPS = `steps:
  - id: fix
    title: Fix it
`;

describe('decision trees', () => {
  it('accepts a loop that has a way out', async () => {
    const tree = `decisions:
  - id: healthy
    question: Healthy?
    answers:
      - { label: "No", goto: retried }
      - { label: "Yes", outcome: Done }
  - id: retried
    question: Retried?
    answers:
      - { label: "Yes", goto: healthy }
      - { label: "Still broken", goto: fix }
`;
    expect(await check({ 'a.yaml': RUNBOOK_HEAD('a') + STEPS + tree })).toEqual([]);
  });

  it('resolves gotos into another runbook, to its steps and its decisions', async () => {
    const a = `${RUNBOOK_HEAD('a')}${STEPS}decisions:
  - id: root
    question: Where next?
    answers:
      - { label: Step, runbook: b, goto: other-step }
      - { label: Tree, runbook: b, goto: b-root }
      - { label: Typo, runbook: b, goto: other-stp }
      - { label: Missing, runbook: c }
`;
    const b = `${RUNBOOK_HEAD('b')}steps:
  - id: other-step
    title: Other
decisions:
  - id: b-root
    question: Q?
    answers: [{ label: ok, outcome: Done }]
`;
    expect(await check({ 'a.yaml': a, 'b.yaml': b })).toMatchInlineSnapshot(`
      [
        "a.yaml:19:42 UnknownRunbookTarget: decisions[0].answers[2] points to "other-stp" in runbook "b", which has no step or decision with that id. | Did you mean "other-step"?",
        "a.yaml:20:36 UnknownRunbook: decisions[0].answers[3] points to runbook "c", which does not exist in this collection. | Check the id in the other runbook's \`id:\` field.",
      ]
    `);
  });

  it('requires each answer to lead somewhere, and only one way', async () => {
    const tree = `decisions:
  - id: root
    question: Q?
    answers:
      - { label: Nowhere }
      - { label: Both, goto: fix, outcome: Done }
`;
    expect(await check({ 'a.yaml': RUNBOOK_HEAD('a') + STEPS + tree })).toMatchInlineSnapshot(`
      [
        "a.yaml:17:9 InvalidValue: decisions[0].answers[0] leads nowhere. | Allowed values: \`goto: <step-or-decision-id>\`, \`runbook: <runbook-id>\` (optionally with \`goto\`), or \`outcome: <text>\`.",
        "a.yaml:18:9 InvalidValue: decisions[0].answers[1] has an outcome and a goto, so it is unclear whether the path ends. | Allowed values: \`goto: <step-or-decision-id>\`, \`runbook: <runbook-id>\` (optionally with \`goto\`), or \`outcome: <text>\`.",
      ]
    `);
  });

  it('checks <Decision> placements in MDX against the frontmatter tree', async () => {
    const mdx = `---
${RUNBOOK_HEAD('m')}decisions:
  - id: root
    question: Q?
    answers: [{ label: ok, goto: s }]
---

<Decision id="rot" />

<Step id="s" title="S" />
`;
    expect(await check({ 'm.mdx': mdx })).toEqual([
      'm.mdx:17:1 DanglingGoto: <Decision id="rot"> goes to "rot", but no step or decision in this runbook has that id. | Did you mean "root"?',
    ]);
  });
});

describe('ids, roles, placeholders and links', () => {
  it('finds duplicate step ids across sections and the MDX body', async () => {
    const mdx = `---
${RUNBOOK_HEAD('m')}prechecks:
  - id: check
    title: Check
---

<Step id="check" title="Check again" />
`;
    expect(await check({ 'm.mdx': mdx })).toEqual([
      'm.mdx:16:1 DuplicateStepId: Id "check" is already used by step prechecks[0] in this runbook; step and decision ids share one namespace so gotos are unambiguous. | Rename one of them and update any goto that points to it.',
    ]);
  });

  it('checks cluster roles against the runbook and site mappings, and placeholders against vars', async () => {
    const runbook = `${RUNBOOK_HEAD('a')}clusters: { edge: e1 }
vars: { ns: shop }
steps:
  - id: one
    title: One
    body: Uses {{ cluster.edge }} and {{ cluster.nope }}.
    commands:
      - run: kubectl --context {{ cluster.dr }} -n {{ ns }} get pods
        cluster: edge
      - run: kubectl get pods
        cluster: staging
requires:
  - { kind: StorageClass, name: gp3, cluster: primary }
  - { kind: Service, name: api, cluster: dr }
`;
    expect(await check({ 'a.yaml': runbook })).toMatchInlineSnapshot(`
      [
        "a.yaml:15:11 UnresolvedPlaceholder: steps[0].body uses {{ cluster.nope }}, but no variable of that name is defined, so the copied command would contain the placeholder literally. | Did you mean "cluster.edge"?",
        "a.yaml:20:18 UnknownClusterRole: steps[0].commands[1].cluster names cluster role "staging", which is mapped neither in this runbook's \`clusters\` nor in the site configuration. | Known roles: "primary", "dr", "edge". To map it, add \`clusters: { staging: <cluster-name> }\` to the runbook or to lifeboat.config.yaml.",
        "a.yaml:23:5 MissingField: "requires[1]" has no "namespace", which is required (a Service lives in a namespace). | Add \`namespace: payments\`.",
      ]
    `);
  });

  it('does not call a runbook unknown because it has an unrelated error', async () => {
    const a = `${RUNBOOK_HEAD('a')}${STEPS}related: [b]\n`;
    const b = `${RUNBOOK_HEAD('b').replace('rto: 1h', 'rto: soon')}${STEPS}`;
    expect(await check({ 'a.yaml': a, 'b.yaml': b })).toEqual([
      'b.yaml:8:6 InvalidDuration: rto is "soon", which is not a duration Lifeboat can read. | Write a whole number with a unit, largest first: "0", "90s", "15m", "4h", "1h30m", "2d".',
    ]);
  });

  it('warns about .md files and reports an empty folder', async () => {
    expect(await check({ 'notes.md': '# x' })).toEqual([
      '. NoRunbooks: No .yaml, .yml or .mdx runbooks were found in ".", so there is nothing to check or publish. | Point --runbooks (or LIFEBOAT_RUNBOOKS, or `runbooks:` in lifeboat.config.yaml) at the folder that holds your runbooks.',
      'notes.md IgnoredFile: Files ending in ".md" are not read as runbooks — skipping this file. | Rename it to .yaml, .yml or .mdx to publish it, or move it out of the runbooks folder.',
    ]);
  });

  it('reads nested folders in order and skips dot-files, dot-folders and node_modules', async () => {
    const cwd = testdir({
      'b/deep/c.yaml': RUNBOOK_HEAD('c') + STEPS,
      'a.yaml': RUNBOOK_HEAD('a') + STEPS,
      'b/b.yml': RUNBOOK_HEAD('b') + STEPS,
      '.drafts/x.yaml': 'not: [a runbook',
      'b/.hidden.yaml': 'not: [a runbook',
      'node_modules/pkg/y.yaml': 'not: [a runbook',
      'b/node_modules/z.mdx': 'not a runbook',
    });
    const { runbooks, issues, fileList, sources } = await loadRunbooks('.', { cwd, clusters: { primary: 'p1', dr: 'd1' } });
    expect(issues).toEqual([]);
    expect(fileList).toEqual(['a.yaml', 'b/b.yml', 'b/deep/c.yaml']);
    expect(runbooks.map((r) => r.data.id)).toEqual(['a', 'b', 'c']);
    // The texts read, for reports' code frames: exactly the files' contents.
    expect(Object.fromEntries(sources)).toEqual({ 'a.yaml': RUNBOOK_HEAD('a') + STEPS, 'b/b.yml': RUNBOOK_HEAD('b') + STEPS, 'b/deep/c.yaml': RUNBOOK_HEAD('c') + STEPS });
  });

  it('reports a runbooks folder that does not exist as empty', async () => {
    const cwd = testdir({});
    const { issues } = await loadRunbooks('missing', { cwd });
    expect(issues.map((i) => `${i.file} ${i.code}`)).toEqual(['missing NoRunbooks']);
  });
});

describe('the home page settings', () => {
  it('reports a home.startHere id that names no runbook, with the closest id', async () => {
    const files = { 'restore-cluster.yaml': `${RUNBOOK_HEAD('restore-cluster')}${STEPS}`, 'dns-failover.yaml': `${RUNBOOK_HEAD('dns-failover')}${STEPS}` };
    const settings = { clusters: { primary: 'p1', dr: 'd1' }, vars: {}, startHere: { ids: ['dns-failover', 'restore-clustr'], file: 'lifeboat.config.yaml' } };
    expect(await check(files, settings)).toMatchInlineSnapshot(`
      [
        "lifeboat.config.yaml UnknownRunbook: home.startHere[1] points to runbook "restore-clustr", which does not exist in this collection. | Did you mean "restore-cluster"?",
      ]
    `);
  });
});
