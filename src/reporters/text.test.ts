import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { context, issues, RESTORE_DB, uncatalogued } from './report-fixtures.ts';
import { textReporter } from './text.ts';

describe('text reporter', () => {
  it('groups issues by file in line order, with message, hint, docs link and code frame', () => {
    // Given in a shuffled order: the report sorts them.
    const { stdout, stepSummary } = textReporter([issues[3]!, issues[0]!, issues[2]!, issues[1]!], context);
    expect(stepSummary).toBeUndefined();
    expect(stdout).toMatchInlineSnapshot(`
      "facts/dr-euc1.json
        facts/dr-euc1.json  error  FactsInvalid
          This facts snapshot is not valid: "version" is 2, and this Lifeboat reads version 1 — ignoring it, so this cluster's facts count as unknown.
          hint: Collect it again with \`lifeboat facts --context <context>=<cluster>\`; do not edit snapshots by hand.
          docs: https://runbooks.example.com/errors/facts-invalid/

      runbooks/payments/restore-db.yaml
        runbooks/payments/restore-db.yaml:8:14  warning  FactUnavailable
          steps[0].commands[0].run uses {{ facts.dr.lastBackup.ledger-hourly }}, but no snapshot of cluster "dr-euc1" was collected, so the page shows a marked placeholder instead of a value.
          hint: Collect facts for that cluster (\`lifeboat facts\`), or grant the collector read access to that kind.
          docs: https://runbooks.example.com/errors/fact-unavailable/
            6 |     title: Scale the API down
            7 |     commands:
          > 8 |       - run: kubectl -n payments scale deploy/api --replicas={{ facts.dr.lastBackup.ledger-hourly }}
              |              ^

        runbooks/payments/restore-db.yaml:9:18  error  UnknownClusterRole
          steps[0].commands[0].cluster names cluster role "disaster", which is mapped neither in this runbook's \`clusters\` nor in the site configuration.
          hint: Known roles: primary, dr. To map it, add \`clusters: { disaster: <cluster-name> }\` to the runbook or to lifeboat.config.yaml.
          docs: https://runbooks.example.com/errors/unknown-cluster-role/
            7 |     commands:
            8 |       - run: kubectl -n payments scale deploy/api --replicas={{ facts.dr.lastBackup.ledger-hourly }}
          > 9 |         cluster: disaster
              |                  ^

        runbooks/payments/restore-db.yaml:15:15  error  DanglingGoto
          decisions[0].answers[0] goes to "restart-pod", but no step or decision in this runbook has that id.
          hint: Did you mean "restart-pods"?
          docs: https://runbooks.example.com/errors/dangling-goto/
            13 |     answers:
            14 |       - label: No
          > 15 |         goto: restart-pod
               |               ^

      3 errors, 1 warning in 2 files (3 runbook files checked).
      "
    `);
  });

  it('prints a code the catalogue does not know, without a docs link', () => {
    expect(textReporter([uncatalogued], context).stdout).toMatchInlineSnapshot(`
      "runbooks/dns-failover.yaml
        runbooks/dns-failover.yaml:3:5  error  StorageClassMissing
          StorageClass "gp3" does not exist in cluster "dr-euc1".
          hint: It has "gp3-csi", "standard".

      1 error, 0 warnings in 1 file (3 runbook files checked).
      "
    `);
  });

  it('leaves out the code frame when the file cannot be read or the reader throws', () => {
    const unreadable = textReporter([issues[0]!], { ...context, readSource: () => undefined }).stdout;
    const throwing = textReporter([issues[0]!], {
      ...context,
      readSource: () => {
        throw new Error('EACCES');
      },
    }).stdout;
    expect(unreadable).not.toContain(' | ');
    expect(unreadable).toContain('docs: https://runbooks.example.com/errors/dangling-goto/');
    expect(throwing).toBe(unreadable);
  });

  it('leaves out docs links when the site URL is unknown', () => {
    const { site: _, ...noSite } = context;
    expect(textReporter(issues, noSite).stdout).not.toContain('docs:');
  });

  it('indents every line of a multi-line message under the issue', () => {
    const multiLine = { ...issues[0]!, message: 'first\nsecond', hint: undefined };
    expect(textReporter([multiLine], { ...context, readSource: undefined }).stdout).toContain('    first\n    second\n');
  });

  it('says that nothing was found, and how much was checked, when there are no issues', () => {
    expect(textReporter([], context).stdout).toBe('No problems found (3 runbook files checked).\n');
    expect(textReporter([], { ...context, runbookCount: 1 }).stdout).toBe('No problems found (1 runbook file checked).\n');
  });

  it('colours only when asked, with the same text underneath', () => {
    const coloured = textReporter(issues, { ...context, color: true }).stdout;
    expect(coloured).toContain(`\u001b[4m${RESTORE_DB}`);
    expect(stripVTControlCharacters(coloured)).toBe(textReporter(issues, context).stdout);
  });
});
