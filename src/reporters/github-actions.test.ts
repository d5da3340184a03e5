import { describe, expect, it } from 'vitest';
import { at } from '../errors/issue.ts';
import { escapeCommandData, escapeCommandProperty, formatWorkflowCommand, githubReporter } from './github-actions.ts';
import { context, issues, uncatalogued } from './report-fixtures.ts';

describe('github reporter: workflow commands', () => {
  it('writes an ::error or ::warning annotation per issue in file order, then the summary line', () => {
    expect(githubReporter(issues, context).stdout).toMatchInlineSnapshot(`
      "::error file=facts/dr-euc1.json,title=FactsInvalid::This facts snapshot is not valid: "version" is 2, and this Lifeboat reads version 1 — ignoring it, so this cluster's facts count as unknown.%0ACollect it again with \`lifeboat facts --context <context>=<cluster>\`; do not edit snapshots by hand.
      ::warning file=runbooks/payments/restore-db.yaml,line=8,col=14,title=FactUnavailable::steps[0].commands[0].run uses {{ facts.dr.lastBackup.ledger-hourly }}, but no snapshot of cluster "dr-euc1" was collected, so the page shows a marked placeholder instead of a value.%0ACollect facts for that cluster (\`lifeboat facts\`), or grant the collector read access to that kind.
      ::error file=runbooks/payments/restore-db.yaml,line=9,col=18,title=UnknownClusterRole::steps[0].commands[0].cluster names cluster role "disaster", which is mapped neither in this runbook's \`clusters\` nor in the site configuration.%0AKnown roles: primary, dr. To map it, add \`clusters: { disaster: <cluster-name> }\` to the runbook or to lifeboat.config.yaml.
      ::error file=runbooks/payments/restore-db.yaml,line=15,col=15,title=DanglingGoto::decisions[0].answers[0] goes to "restart-pod", but no step or decision in this runbook has that id.%0ADid you mean "restart-pods"?
      3 errors, 1 warning in 2 files (3 runbook files checked).
      "
    `);
  });

  it('escapes % and line breaks in messages exactly as @actions/core does', () => {
    expect(escapeCommandData('100% done\r\nnext line\nlast')).toBe('100%25 done%0D%0Anext line%0Alast');
    // Escaping "%" first, or "%0A" in the text would come back as a newline.
    expect(escapeCommandData('literally %0A')).toBe('literally %250A');
  });

  it('also escapes ":" and "," in properties, so a file name cannot add or cut properties', () => {
    expect(escapeCommandProperty('runbooks/a,b:c%\n.yaml')).toBe('runbooks/a%2Cb%3Ac%25%0A.yaml');
    expect(formatWorkflowCommand('error', { file: 'runbooks/x,line=1.yaml', line: 3, col: undefined, title: 'Code' }, 'm')).toBe(
      '::error file=runbooks/x%2Cline=1.yaml,line=3,title=Code::m',
    );
  });

  it('keeps a message from starting a second workflow command on a new line', () => {
    const injected = { ...uncatalogued, message: 'bad\n::warning file=x::spoofed', hint: 'then %0A this' };
    const [line] = githubReporter([injected], context).stdout.split('\n');
    expect(line).toBe('::error file=runbooks/dns-failover.yaml,line=3,col=5,title=StorageClassMissing::bad%0A::warning file=x::spoofed%0Athen %250A this');
  });

  it('annotates the whole file when the position is unknown, and omits the hint line when there is none', () => {
    const noPosition = { ...uncatalogued, position: { type: 'unavailable' as const }, hint: undefined, severity: 'warning' as const };
    expect(githubReporter([noPosition], context).stdout.split('\n')[0]).toBe(
      '::warning file=runbooks/dns-failover.yaml,title=StorageClassMissing::StorageClass "gp3" does not exist in cluster "dr-euc1".',
    );
    expect(githubReporter([{ ...noPosition, position: at(1, 1) }], context).stdout).toContain('line=1,col=1,');
  });
});
