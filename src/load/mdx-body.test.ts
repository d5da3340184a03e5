import { describe, expect, it } from 'vitest';
import { formatLocation } from '../errors/issue.ts';
import { readMdxBody } from './mdx-body.ts';

const FENCE = '```';

describe('readMdxBody', () => {
  it('reports an attribute given as an expression once, not again as a missing field', () => {
    const body = readMdxBody('---\nid: x\n---\n\n<Step id="one" title={"One"}>\nDo it.\n</Step>\n', 'x.mdx');
    expect(body.issues.map((i) => `${formatLocation(i)} ${i.code}: ${i.message}`)).toEqual(['x.mdx:5:1 MdxInvalidComponent: <Step> sets title with an expression.']);
  });

  it('extracts steps and commands byte for byte, with expected output and flags', () => {
    const source = `---
id: x
---

Intro prose.

<Step id="restore" title="Restore" estimate="10m">
Why this step matters.

<Command cluster="dr" destructive>
${FENCE}sh
kubectl apply -f - <<'EOF'
  apiVersion: v1
\tkind: ConfigMap   # a tab, kept
EOF
${FENCE}
<Expect>
${FENCE}
configmap/x created
${FENCE}
</Expect>
</Command>

<Command run="kubectl get cm x" description="Check it" />
</Step>

<Step id="check" title="Check" section="verify" />
`;
    const body = readMdxBody(source, 'x.mdx');
    expect(body.issues).toEqual([]);
    expect(body.steps).toHaveLength(2);
    const [restore, check] = body.steps;
    expect(restore!.section).toBe('steps');
    expect(restore!.step).toMatchObject({ id: 'restore', title: 'Restore', estimate: '10m', body: 'Why this step matters.' });
    expect(restore!.step.commands![0]).toEqual({
      run: "kubectl apply -f - <<'EOF'\n  apiVersion: v1\n\tkind: ConfigMap   # a tab, kept\nEOF",
      expect: 'configmap/x created',
      cluster: 'dr',
      destructive: true,
    });
    expect(restore!.step.commands![1]).toEqual({ run: 'kubectl get cm x', description: 'Check it' });
    expect(check).toEqual({ section: 'verify', step: { id: 'check', title: 'Check', commands: [] } });
    expect(body.positions.get('$body/0/commands/0')).toEqual({ type: 'source', line: 10, column: 1 });
  });

  it('records <Decision> placements and allows imported components', () => {
    const body = readMdxBody(
      "import { Aside } from '@astrojs/starlight/components';\n\n<Aside>Careful.</Aside>\n\n<Decision id=\"root\" />\n",
      'x.mdx',
    );
    expect(body.issues).toEqual([]);
    expect(body.decisions).toEqual([{ id: 'root', position: { type: 'source', line: 5, column: 1 } }]);
  });

  const problems = (source: string) => readMdxBody(source, 'x.mdx').issues.map((i) => `${formatLocation(i)} ${i.code}: ${i.message}`);

  it('rejects commands that are not static, complete and inside a step', () => {
    expect(
      problems(`<Command run="ls" />

<Step id="a" title="A">
<Command run={\`kubectl get pods\`} />
<Command>
kubectl get pods
</Command>
</Step>
`),
    ).toMatchInlineSnapshot(`
      [
        "x.mdx:1:1 MdxInvalidComponent: <Command> is outside a <Step>.",
        "x.mdx:4:1 MdxInvalidComponent: <Command> sets run with an expression.",
        "x.mdx:6:1 MdxInvalidComponent: <Command> holds text outside a fenced code block.",
      ]
    `);
  });

  it('validates step attributes with the step schema', () => {
    expect(problems('<Step id="Bad Id" title="A" estimate="soon" />\n')).toMatchInlineSnapshot(`
      [
        "x.mdx:1:1 InvalidId: id is "Bad Id", but ids become URLs and anchors, so they may hold only lowercase letters, digits and single hyphens.",
        "x.mdx:1:1 InvalidDuration: estimate is "soon", which is not a duration Lifeboat can read.",
      ]
    `);
  });

  it('reports syntax errors at their position without the repeated location', () => {
    expect(problems('# Title\n\nText with {an unclosed expression\n')).toMatchInlineSnapshot(`
      [
        "x.mdx:3:11 MdxSyntax: The MDX cannot be compiled: unexpected end of file in expression, expected a corresponding closing brace for \`{\`.",
      ]
    `);
  });

  it('suggests the Lifeboat component for a misspelt name', () => {
    const issue = readMdxBody('<Stpe id="a" title="A" />\n', 'x.mdx').issues[0]!;
    expect(issue.code).toBe('MdxUnknownComponent');
    expect(issue.hint).toBe('Did you mean "Step"?');
  });
});
