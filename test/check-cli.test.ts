/**
 * `lifeboat check` end to end: the real script on real files, exit codes and the full report.
 */
import { describe, expect, it } from 'vitest';
import { runScript, startScript } from './support/run-script.ts';
import { RUNBOOK_HEAD, testdir } from './support/testdir.ts';

describe('lifeboat check', () => {
  it('ends quietly with its exit code when the reader closes the pipe early (`lifeboat check | head`)', async () => {
    const { child, done } = startScript('check', ['--config', 'test/fixtures/broken-runbooks.config.yaml']);
    // Closed before the report is written: every write the check makes meets a closed pipe.
    child.stdout!.destroy();
    const { code, stderr } = await done;
    expect(stderr).toBe('');
    expect(code).toBe(1);
  });

  it('passes on the example runbooks when only their form is checked', async () => {
    const result = await runScript('check', ['--no-facts']);
    expect(result.stdout).toBe('No problems found (7 runbook files checked).\n');
    expect(result.code).toBe(0);
  });

  it('finds the example’s real problems in the demo facts, and exits 1', async () => {
    const result = await runScript('check', ['--format', 'json'], { env: { LIFEBOAT_NOW: '2026-11-22T08:00:00Z' } });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.issues.map((i: { file: string; line: number; code: string }) => `${i.file}:${i.line} ${i.code}`)).toMatchInlineSnapshot(`
      [
        "facts/dr-euc1.json:null ParityGap",
        "facts/dr-euc1.json:null ParityGap",
        "facts/dr-euc1.json:null ParityGap",
        "facts/dr-euc1.json:null ParityGap",
        "facts/dr-euc1.json:null ParityGap",
        "facts/dr-euc1.json:null ParityGap",
        "runbooks/checkout/post-restore-503.yaml:178 NoRecentDrill",
        "runbooks/ledger/ledger-regional-failover.mdx:42 StorageClassNotFound",
        "runbooks/platform/dr-full-cluster-restore.mdx:35 BackupMissingCrd",
        "runbooks/platform/dr-full-cluster-restore.mdx:35 BackupMissingCrd",
        "runbooks/platform/dr-full-cluster-restore.mdx:35 BackupMissingCrd",
        "runbooks/platform/dr-full-cluster-restore.mdx:35 RestoreTestFailed",
        "runbooks/platform/dr-full-cluster-restore.mdx:35 RpoBreached",
        "runbooks/platform/dr-full-cluster-restore.mdx:40 BackupJobFailing",
        "runbooks/platform/dr-full-cluster-restore.mdx:40 RpoBreached",
        "runbooks/platform/dr-full-cluster-restore.mdx:52 StorageClassNotFound",
        "runbooks/platform/dr-full-cluster-restore.mdx:102 NoRecentDrill",
        "runbooks/platform/dr-full-cluster-restore.mdx:104 DrillTooSlow",
        "runbooks/platform/pvc-pending-storageclass-missing.yaml:29 StorageClassNotFound",
        "runbooks/platform/pvc-pending-storageclass-missing.yaml:127 RpoBreached",
        "runbooks/platform/pvc-pending-storageclass-missing.yaml:177 NoRecentDrill",
        "runbooks/platform/pvc-pending-storageclass-missing.yaml:179 DrillTooSlow",
      ]
    `);
  });

  it('reports every problem in a folder of broken runbooks with file:line:col, code and hint, and exits 1', async () => {
    const result = await runScript('check', ['--config', 'test/fixtures/broken-runbooks.config.yaml']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatchInlineSnapshot(`
      "test/fixtures/broken-runbooks/bad-duration.yaml
        test/fixtures/broken-runbooks/bad-duration.yaml:8:6  error  InvalidDuration
          rto is "15 minutes", which is not a duration Lifeboat can read.
          hint: Write a whole number with a unit, largest first: "0", "90s", "15m", "4h", "1h30m", "2d".
          docs: https://runbooks.kestrelpay.example/errors/invalid-duration/
            6 | escalation: [{ name: On-call, chat: "#sre" }]
            7 | lastReviewed: 2026-11-01
          > 8 | rto: 15 minutes
              |      ^

      test/fixtures/broken-runbooks/broken-mdx.mdx
        test/fixtures/broken-runbooks/broken-mdx.mdx:13:1  error  MdxSyntax
          The MDX cannot be compiled: expected a closing tag for \`<Step>\`.
          hint: Close the component with its matching tag (\`</Step>\`), or make it self-closing (\`<Decision id="root" />\`).
          docs: https://runbooks.kestrelpay.example/errors/mdx-syntax/
            11 | ---
            12 |
          > 13 | <Step id="drain" title="Drain the node">
               | ^

      test/fixtures/broken-runbooks/dangling-goto.yaml
        test/fixtures/broken-runbooks/dangling-goto.yaml:18:15  error  DanglingGoto
          decisions[0].answers[0] goes to "restart-pod", but no step or decision in this runbook has that id.
          hint: Did you mean "restart-pods"?
          docs: https://runbooks.kestrelpay.example/errors/dangling-goto/
            16 |     answers:
            17 |       - label: "No"
          > 18 |         goto: restart-pod
               |               ^

      test/fixtures/broken-runbooks/decision-loop.yaml
        test/fixtures/broken-runbooks/decision-loop.yaml:14:9  error  DecisionCycleWithoutExit
          Decisions "healthy", "retried" form a loop in which every answer leads back into the loop, so the on-call could never leave it.
          hint: Give one of these decisions an answer that goes to a step, an outcome, another runbook, or a decision outside the loop.
          docs: https://runbooks.kestrelpay.example/errors/decision-cycle-without-exit/
            12 |     title: One
            13 | decisions:
          > 14 |   - id: healthy
               |         ^

        test/fixtures/broken-runbooks/decision-loop.yaml:24:9  error  UnreachableDecision
          Decision "orphan" cannot be reached from the first decision "healthy", so nobody walking the tree would ever see it.
          hint: Add an answer that goes to it, move it into the tree, or delete it.
          docs: https://runbooks.kestrelpay.example/errors/unreachable-decision/
            22 |       - label: "Yes"
            23 |         goto: healthy
          > 24 |   - id: orphan
               |         ^

      test/fixtures/broken-runbooks/deep-type.yaml
        test/fixtures/broken-runbooks/deep-type.yaml:19:22  error  InvalidType
          steps[1].commands[0].destructive must be true or false, but it is the string "maybe".
          hint: Write true or false here; \`lifeboat schema\` (or \`lifeboat schema --of config\`) gives every field's type.
          docs: https://runbooks.kestrelpay.example/errors/invalid-type/
            17 |     commands:
            18 |       - run: kubectl delete pod web-0
          > 19 |         destructive: maybe
               |                      ^

      test/fixtures/broken-runbooks/duplicate-id-b.yaml
        test/fixtures/broken-runbooks/duplicate-id-b.yaml:1:5  error  DuplicateRunbookId
          Runbook id "shared-id" is already used by test/fixtures/broken-runbooks/duplicate-id-a.yaml; ids must be unique because each becomes a page URL.
          hint: Rename one of the two ids (and update gotos or links that point to it).
          docs: https://runbooks.kestrelpay.example/errors/duplicate-runbook-id/
          > 1 | id: shared-id
              |     ^

      test/fixtures/broken-runbooks/frontmatter-syntax.mdx
        test/fixtures/broken-runbooks/frontmatter-syntax.mdx:3:8  error  YamlSyntax
          The YAML cannot be parsed: missing closing "quote.
          hint: Close the quote or bracket that opens here, or use a block scalar (\`|\`) for multi-line text.
          docs: https://runbooks.kestrelpay.example/errors/yaml-syntax/
            1 | ---
            2 | id: frontmatter-syntax
          > 3 | title: "An unterminated quote in the frontmatter
              |        ^

      test/fixtures/broken-runbooks/roles-and-placeholders.yaml
        test/fixtures/broken-runbooks/roles-and-placeholders.yaml:19:14  error  UnresolvedPlaceholder
          steps[0].commands[0].run uses {{ namspace }}, but no variable of that name is defined, so the copied command would contain the placeholder literally.
          hint: Did you mean "namespace"?
          docs: https://runbooks.kestrelpay.example/errors/unresolved-placeholder/
            17 |     title: List pods
            18 |     commands:
          > 19 |       - run: kubectl -n {{ namspace }} get pods
               |              ^

        test/fixtures/broken-runbooks/roles-and-placeholders.yaml:20:18  error  UnknownClusterRole
          steps[0].commands[0].cluster names cluster role "dsaster", which is mapped neither in this runbook's \`clusters\` nor in the site configuration.
          hint: Known roles: "primary", "dr". To map it, add \`clusters: { dsaster: <cluster-name> }\` to the runbook or to lifeboat.config.yaml.
          docs: https://runbooks.kestrelpay.example/errors/unknown-cluster-role/
            18 |     commands:
            19 |       - run: kubectl -n {{ namspace }} get pods
          > 20 |         cluster: dsaster
               |                  ^

      test/fixtures/broken-runbooks/unknown-component.mdx
        test/fixtures/broken-runbooks/unknown-component.mdx:13:1  error  MdxUnknownComponent
          <Stpe> is neither a Lifeboat component nor imported in this file, so the page would fail to render.
          hint: Did you mean "Step"?
          docs: https://runbooks.kestrelpay.example/errors/mdx-unknown-component/
            11 | ---
            12 |
          > 13 | <Stpe id="drain" title="Drain the node">
               | ^

      test/fixtures/broken-runbooks/unknown-key.yaml
        test/fixtures/broken-runbooks/unknown-key.yaml:15:9  error  UnknownKey
          "expcet" is not a field of "steps[0].commands[0]", so Lifeboat would silently ignore it.
          hint: Did you mean "expect"?
          docs: https://runbooks.kestrelpay.example/errors/unknown-key/
            13 |     commands:
            14 |       - run: kubectl get pods
          > 15 |         expcet: Running
               |         ^

      test/fixtures/broken-runbooks/yaml-syntax.yaml
        test/fixtures/broken-runbooks/yaml-syntax.yaml:12:12  error  YamlSyntax
          The YAML cannot be parsed: nested mappings are not allowed in compact mappings.
          hint: Line the keys of one mapping up in the same column; a key indented further is read as part of the previous value.
          docs: https://runbooks.kestrelpay.example/errors/yaml-syntax/
            10 | steps:
            11 |   - id: one
          > 12 |     title: The title key is indented one space too far
               |            ^

      13 errors, 0 warnings in 11 files (12 runbook files checked).
      "
    `);
  });

  it('writes a machine-readable JSON report', async () => {
    const result = await runScript('check', ['--config', 'test/fixtures/broken-runbooks.config.yaml', '--format', 'json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.summary).toEqual({ errors: 13, warnings: 0, filesWithIssues: 11, runbookFiles: 12 });
    expect(report.issues[0]).toEqual({
      code: 'InvalidDuration',
      severity: 'error',
      file: 'test/fixtures/broken-runbooks/bad-duration.yaml',
      line: 8,
      column: 6,
      path: ['rto'],
      message: 'rto is "15 minutes", which is not a duration Lifeboat can read.',
      hint: 'Write a whole number with a unit, largest first: "0", "90s", "15m", "4h", "1h30m", "2d".',
      title: 'Invalid duration',
      docs: 'https://runbooks.kestrelpay.example/errors/invalid-duration/',
    });
  });

  it('exits 0 on warnings, and 1 with --strict', async () => {
    const dir = testdir({ 'a.yaml': `${RUNBOOK_HEAD('a')}steps: [{ id: one, title: One }]\n`, 'notes.md': '# notes' });
    const plain = await runScript('check', ['--runbooks', dir]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('IgnoredFile');
    expect((await runScript('check', ['--runbooks', dir, '--strict'])).code).toBe(1);
  });

  it('exits 2 on a usage or configuration error', async () => {
    const badFlag = await runScript('check', ['--runbok', 'x']);
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).toContain('Unknown flag "--runbok". Did you mean "--runbooks"?');
    expect(badFlag.stderr).toContain('Usage: lifeboat check');
    const badFormat = await runScript('check', ['--format', 'xml']);
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain('--format must be one of text, json, junit, sarif, github, not "xml".');
    const badConfig = await runScript('check', ['--config', 'does-not-exist.yaml']);
    expect(badConfig.code).toBe(2);
    expect(badConfig.stderr).toContain('the configuration file "does-not-exist.yaml" does not exist');
  });

  it('prints help', async () => {
    const help = await runScript('check', ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Exit codes: 0 no errors, 1 errors');
  });
});
