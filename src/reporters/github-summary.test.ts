import { describe, expect, it } from 'vitest';
import { at } from '../errors/issue.ts';
import { githubReporter } from './github-actions.ts';
import { escapeMarkdown, escapeMarkdownCell, formatStepSummary, MAX_SUMMARY_ROWS } from './github-summary.ts';
import { context, issues, uncatalogued } from './report-fixtures.ts';

const linked = { ...context, repositoryUrl: 'https://github.com/acme/runbooks.git', commitSha: '0123abc' };

describe('github reporter: job summary', () => {
  it('gives a verdict, the counts, and a table linking each location to the file at the commit', () => {
    expect(githubReporter(issues, linked).stepSummary).toMatchInlineSnapshot(`
      "## Lifeboat check failed

      3 errors, 1 warning in 2 files (3 runbook files checked).

      | Location | Severity | Code | Message |
      | --- | --- | --- | --- |
      | [facts/dr-euc1.json](https://github.com/acme/runbooks/blob/0123abc/facts/dr-euc1.json) | error | [\`FactsInvalid\`](https://runbooks.example.com/errors/facts-invalid/) | This facts snapshot is not valid: "version" is 2, and this Lifeboat reads version 1 — ignoring it, so this cluster's facts count as unknown.<br>Collect it again with \`lifeboat facts --context <context>=<cluster>\`; do not edit snapshots by hand. |
      | [runbooks/payments/restore-db.yaml:8](https://github.com/acme/runbooks/blob/0123abc/runbooks/payments/restore-db.yaml#L8) | warning | [\`FactUnavailable\`](https://runbooks.example.com/errors/fact-unavailable/) | steps\\[0\\].commands\\[0\\].run uses {{ facts.dr.lastBackup.ledger-hourly }}, but no snapshot of cluster "dr-euc1" was collected, so the page shows a marked placeholder instead of a value.<br>Collect facts for that cluster (\`lifeboat facts\`), or grant the collector read access to that kind. |
      | [runbooks/payments/restore-db.yaml:9](https://github.com/acme/runbooks/blob/0123abc/runbooks/payments/restore-db.yaml#L9) | error | [\`UnknownClusterRole\`](https://runbooks.example.com/errors/unknown-cluster-role/) | steps\\[0\\].commands\\[0\\].cluster names cluster role "disaster", which is mapped neither in this runbook's \`clusters\` nor in the site configuration.<br>Known roles: primary, dr. To map it, add \`clusters: { disaster: <cluster-name> }\` to the runbook or to lifeboat.config.yaml. |
      | [runbooks/payments/restore-db.yaml:15](https://github.com/acme/runbooks/blob/0123abc/runbooks/payments/restore-db.yaml#L15) | error | [\`DanglingGoto\`](https://runbooks.example.com/errors/dangling-goto/) | decisions\\[0\\].answers\\[0\\] goes to "restart-pod", but no step or decision in this runbook has that id.<br>Did you mean "restart-pods"? |
      "
    `);
  });

  it('shows plain locations when the repository or commit is unknown', () => {
    const summary = formatStepSummary(issues, { ...linked, commitSha: undefined });
    expect(summary).toContain('| runbooks/payments/restore-db.yaml:15 | error |');
    expect(summary).not.toContain('](https://github.com');
  });

  it('says the check passed, with warnings or without, and leaves out the table when there is nothing', () => {
    expect(formatStepSummary([], context)).toBe('## Lifeboat check passed\n\nNo problems found (3 runbook files checked).\n');
    const warningsOnly = formatStepSummary([issues[2]!], context);
    expect(warningsOnly.split('\n').slice(0, 3)).toEqual(['## Lifeboat check passed with warnings', '', '0 errors, 1 warning in 1 file (3 runbook files checked).']);
  });

  it('encodes spaces, "#" and parentheses in linked file names so the link stays one link', () => {
    const odd = { ...uncatalogued, file: 'runbooks/dr (eu) #2.yaml', position: at(4, 1) };
    expect(formatStepSummary([odd], linked)).toContain(
      '| [runbooks/dr (eu) \\#2.yaml:4](https://github.com/acme/runbooks/blob/0123abc/runbooks/dr%20%28eu%29%20%232.yaml#L4) | error | `StorageClassMissing` |',
    );
  });

  it('escapes Markdown in messages but keeps code spans, so nothing renders as HTML, a mention or a table break', () => {
    expect(escapeMarkdownCell('<Stpe> is not imported; ask @sre-team about #12 | *now*')).toBe(
      '\\<Stpe\\> is not imported; ask \\@sre-team about \\#12 \\| \\*now\\*',
    );
    expect(escapeMarkdownCell('Add `clusters: { dr: <name> }` or `a|b`.')).toBe('Add `clusters: { dr: <name> }` or `a\\|b`.');
    expect(escapeMarkdownCell('an odd ` backtick')).toBe('an odd \\` backtick');
    expect(escapeMarkdown('two\nlines & [link](x)')).toBe('two<br>lines \\& \\[link\\](x)');
  });

  it(`lists at most ${MAX_SUMMARY_ROWS} rows and says how many more there are`, () => {
    const many = Array.from({ length: MAX_SUMMARY_ROWS + 2 }, (_, i) => ({ ...uncatalogued, position: at(i + 1, 1) }));
    const summary = formatStepSummary(many, context);
    expect(summary.split('\n').filter((line) => line.startsWith('| runbooks/'))).toHaveLength(MAX_SUMMARY_ROWS);
    expect(summary.endsWith('\n2 more not shown; run `lifeboat check` for the full report.\n')).toBe(true);
  });
});
