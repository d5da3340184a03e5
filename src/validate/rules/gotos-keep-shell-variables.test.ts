import { describe, expect, it } from 'vitest';
import { formatLocation } from '../../errors/issue.ts';
import { loadRunbooks } from '../../load/load-runbooks.ts';
import { RUNBOOK_HEAD, testdir } from '../../../test/support/testdir.ts';
import { variablesSet, variablesUsed } from './gotos-keep-shell-variables.ts';

async function warnings(file: string, text: string) {
  const cwd = testdir({ [file]: text });
  const { issues } = await loadRunbooks('.', { cwd, clusters: { primary: 'p1', dr: 'd1' }, vars: {} });
  return issues.map((i) => `${formatLocation(i)} ${i.severity} ${i.code}: ${i.message}`);
}

const STEPS = `steps:
  - id: find-backup
    title: Find the backup
    commands:
      - run: BACKUP=$(velero backup get -o name | head -1)
  - id: lock
    title: Lock the location
    commands:
      - run: velero backup-location set default --access-mode ReadOnly
  - id: restore
    title: Restore
    commands:
      - run: velero restore create --from-backup "$BACKUP" --wait
`;
const tree = (goto: string) => `decisions:
  - id: state
    question: Is it gone?
    answers:
      - { label: "Yes", goto: ${goto} }
      - { label: "No", outcome: Nothing to do }
`;

describe('gotos and shell variables', () => {
  it('warns when an answer jumps past the step that sets a variable a later step uses', async () => {
    expect(await warnings('a.yaml', RUNBOOK_HEAD('a') + STEPS + tree('lock'))).toEqual([
      'a.yaml:27:31 warning GotoSkipsVariable: decisions[0].answers[0] goes to step "lock", past step "find-backup", which sets `$BACKUP`; step "restore" uses it, so on that path it is empty or left over from another incident.',
    ]);
  });

  it('is quiet when the answer lands on the step that sets it, or the variable is set again on the way', async () => {
    expect(await warnings('a.yaml', RUNBOOK_HEAD('a') + STEPS + tree('find-backup'))).toEqual([]);
    const again = STEPS.replace('velero backup-location set default --access-mode ReadOnly', 'read -r BACKUP');
    expect(await warnings('a.yaml', RUNBOOK_HEAD('a') + again + tree('lock'))).toEqual([]);
  });

  it('counts only what the runbook sets: $HOME and $KUBECONFIG are the shell\'s', async () => {
    const steps = STEPS.replace('"$BACKUP"', '"$HOME/$KUBECONFIG"');
    expect(await warnings('a.yaml', RUNBOOK_HEAD('a') + steps + tree('lock'))).toEqual([]);
  });

  it('in MDX, skips only the steps between where the body places the decision and the target', async () => {
    const mdx = (placed: 'before' | 'after') => `---
${RUNBOOK_HEAD('m')}${tree('lock')}---
${placed === 'before' ? '<Decision id="state" />\n\n' : ''}<Step id="find-backup" title="Find the backup">
<Command>
\`\`\`sh
export BACKUP=daily-1
\`\`\`
</Command>
</Step>

${placed === 'after' ? '<Decision id="state" />\n\n' : ''}<Step id="lock" title="Lock">
Lock it.
</Step>

<Step id="restore" title="Restore">
<Command>
\`\`\`sh
velero restore create --from-backup \${BACKUP}
\`\`\`
</Command>
</Step>
`;
    expect(await warnings('m.mdx', mdx('before'))).toEqual([expect.stringMatching(/warning GotoSkipsVariable: decisions\[0\]\.answers\[0\] goes to step "lock", past step "find-backup", which sets `\$BACKUP`/)]);
    expect(await warnings('m.mdx', mdx('after'))).toEqual([]);
  });
});

describe('shell variables in commands', () => {
  it('finds assignments, exports, read and for, and every $NAME and ${NAME}', () => {
    const text = 'A=1 kubectl get x\nexport B=2; C=3\nread -r -p "name? " D\nfor E in a b; do echo "$E ${F:-x} $G"; done';
    expect([...variablesSet(text)].sort()).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect([...variablesUsed(text)].sort()).toEqual(['E', 'F', 'G']);
  });
});
