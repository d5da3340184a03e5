import { describe, expect, it } from 'vitest';
import { placeholderScope } from '../load/placeholders.ts';
import { commandLines } from './command-lines.ts';

const hasFacts = (lines: ReturnType<typeof commandLines>['lines']) => lines.some((line) => line.some((p) => p.fact));

const scope = placeholderScope({ schedule: 'hourly' }, {}, { primary: 'prod' }, (name) =>
  name === 'facts.primary.lastBackup.hourly' ? { value: 'hourly-20261120' } : name === 'facts.dr.context' ? { value: 'dr-ctx' } : undefined,
);
const times = { primary: { cluster: 'prod', collectedAt: '2026-11-20T06:07:00Z' } };
const text = (lines: ReturnType<typeof commandLines>['lines']) => lines.map((l) => l.map((p) => p.text).join('')).join('\n');

describe('commandLines', () => {
  it('fills the command, cuts it into lines that join back to it, and drops trailing newlines', () => {
    const command = commandLines('BACKUP={{ facts.primary.lastBackup.hourly }}\nvelero backup describe "$BACKUP" \\\n  --details\n', scope, times);
    expect(command.run).toBe('BACKUP=hourly-20261120\nvelero backup describe "$BACKUP" \\\n  --details');
    expect(text(command.lines)).toBe(command.run);
    expect(command.lines).toHaveLength(3);
  });

  it('marks the values that came from the facts with their cluster and age, and no other value', () => {
    const command = commandLines('velero --kubecontext {{ cluster.primary }} --selector schedule={{ schedule }} {{ facts.primary.lastBackup.hourly }}', scope, times);
    const facts = command.lines.flat().filter((p) => p.fact);
    expect(facts).toEqual([{ text: 'hourly-20261120', fact: { name: 'facts.primary.lastBackup.hourly', cluster: 'prod', collectedAt: '2026-11-20T06:07:00Z' } }]);
    expect(hasFacts(command.lines)).toBe(true);
    expect(hasFacts(commandLines('kubectl get pods', scope, times).lines)).toBe(false);
  });

  it('leaves a fact unmarked when no snapshot time is known for its cluster role', () => {
    expect(hasFacts(commandLines('--context {{ facts.dr.context }}', scope, times).lines)).toBe(false);
  });

  it('keeps blank lines inside a command as empty lines', () => {
    expect(commandLines('a\n\nb', scope, times).lines.map((l) => l.length)).toEqual([1, 0, 1]);
  });
});
