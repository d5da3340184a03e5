import { describe, expect, it } from 'vitest';
import { corpusRunbook } from './corpus-model.ts';
import { fillPlaceholders, runbookMarkdown } from './corpus-markdown.ts';

describe('fillPlaceholders', () => {
  it('fills cluster roles and variables, and leaves unknown names as they are', () => {
    expect(fillPlaceholders('kubectl --context {{ cluster.dr }} -n {{ns}} get {{ what }}', { ns: 'team-001' })).toBe('kubectl --context dr -n team-001 get {{ what }}');
  });
});

describe('runbookMarkdown', () => {
  it('carries every command, expected output and step of the runbook, with placeholders filled', () => {
    const runbook = Array.from({ length: 100 }, (_, i) => corpusRunbook(i)).find((r) => r.kind === 'dr' && r.data.vars && r.data.decisions?.length)!;
    const markdown = runbookMarkdown(runbook, (id) => `/runbooks/${id}/`);
    const steps = (['prechecks', 'steps', 'verify', 'rollback'] as const).flatMap((s) => runbook.data[s] ?? []);
    for (const step of steps) expect(markdown).toContain(step.title);
    for (const command of steps.flatMap((s) => s.commands ?? [])) {
      expect(markdown).toContain(fillPlaceholders(command.run, runbook.data.vars).trimEnd());
      if (command.expect) expect(markdown).toContain(fillPlaceholders(command.expect, runbook.data.vars).trimEnd());
    }
    for (const decision of runbook.data.decisions!) expect(markdown).toContain(decision.question);
    expect(markdown).not.toContain('{{');
  });

  it('links related runbooks where the peer serves them', () => {
    const runbook = Array.from({ length: 100 }, (_, i) => corpusRunbook(i)).find((r) => r.data.related?.length)!;
    expect(runbookMarkdown(runbook, (id) => `/x/${id}/`)).toContain(`](/x/${runbook.data.related![0]}/)`);
  });
});
