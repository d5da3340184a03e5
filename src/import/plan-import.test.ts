import { describe, expect, it } from 'vitest';
import { parseRunbookFile } from '../load/load-runbooks.ts';
import { allSteps } from '../load/runbook-model.ts';
import type { SourcePage } from './analyze-page.ts';
import { planImport } from './plan-import.ts';

const page = (path: string, text: string): SourcePage => ({ absolutePath: `/src/${path}`, display: path, root: '/src', text });
const plan = (pages: SourcePage[], format: 'mdx' | 'yaml' = 'mdx') => planImport(pages, { format, defaults: {} });
/** Loads a planned file with the real loader: the runbook, or the loader's issues. */
const load = (file: { target: string; content: string }) => {
  const result = parseRunbookFile(file.content, file.target, `/out/${file.target}`);
  expect(result.issues).toEqual([]);
  return result.runbook!;
};

const HAZARDS = `# Hazards

## Mitigation

Use {braces} and a<b, <br> then <https://example.com/x>.
<!-- an HTML comment -->
import is a word here

    indented {code}

Read [the guide][1].

\`\`\`sh
echo "{{ name }}"
\`\`\`

[1]: https://example.com/guide
`;

describe('planImport', () => {
  it('writes prose MDX can compile: braces and angle brackets escaped, comments dropped and reported', () => {
    const { files, reports } = plan([page('team/hazards.md', HAZARDS)]);
    const runbook = load(files[0]!);
    const step = allSteps(runbook)[0]!.step;
    expect(step.body).toContain('Use \\{braces\\} and a\\<b, <br /> then [https://example.com/x](https://example.com/x).');
    expect(step.body).toContain('&#105;mport is a word here');
    expect(step.body).toContain('```\nindented {code}\n```');
    expect(step.body).toContain('Read [the guide](https://example.com/guide).');
    expect(step.body).not.toContain('HTML comment');
    // No Lifeboat placeholder in imported text: shown as written.
    expect(step.commands).toEqual([{ run: 'echo "\\{{ name }}"' }]);
    expect(reports[0]!.items.filter((i) => i.kind === 'dropped')).toEqual([{ line: 6, kind: 'dropped', what: 'HTML comment <!-- an HTML comment -->' }]);
  });

  it('reads TOML front matter, and imports a page whose front matter cannot be read', () => {
    const toml = page('a/toml.md', '+++\ntitle = "Restore the queue"\ntags = ["queue"]\nowners = ["queue-team"]\n+++\n\n## Procedure\n\nDo it.\n');
    const broken = page('a/broken.md', '---\ntitle: "{{ replace .Name "-" " " }}"\n---\n\n## Procedure\n\nDo it.\n');
    const { files, reports } = plan([toml, broken]);
    expect(load(files[0]!).data).toMatchObject({ title: 'Restore the queue', tags: ['imported', 'queue'], owners: ['queue-team'], service: 'a' });
    expect(reports[0]!.defaulted).not.toContain('owners');
    expect(load(files[1]!).data.title).toBe('Broken');
    expect(reports[1]!.items[0]).toMatchObject({ line: 1, kind: 'dropped' });
    expect(reports[1]!.items[0]!.what).toMatch(/^front matter cannot be read \(.+\): its fields were ignored$/);
  });

  it('rewrites links between imported pages to runbook pages and their steps, and keeps the text of the others', () => {
    const first = page('db/Restore.md', '# Restore\n\n## Mitigation\n\nSee [failover](./Failover.md#verify-the-replica), [the wiki](../wiki/x.md) and [here](#mitigation).\n');
    const second = page('db/Failover.md', '# Failover\n\n## Procedure\n\nPromote.\n\n## Verify the replica\n\nCheck.\n');
    const { files, reports } = plan([first, second]);
    const body = allSteps(load(files[0]!))[0]!.step.body;
    expect(body).toBe('See [failover](/runbooks/failover/#step-verify-the-replica), the wiki (`../wiki/x.md`) and [here](#step-mitigation).');
    expect(reports[0]!.items.map((i) => i.kind)).toEqual(['mapped', 'mapped', 'mapped', 'dropped', 'mapped']);
  });

  it('writes YAML with the prose in step bodies and a one-line lead-in as the command description', () => {
    const source = '# Resize\n\n## Procedure\n\nIt takes a while.\n\nDelete the StatefulSet:\n\n```\nkubectl -n monitoring delete sts/thanos\n```\n\nThe output should look like:\n\n```\nstatefulset.apps "thanos" deleted\n```\n';
    const { files } = plan([page('kube/resize.md', source)], 'yaml');
    expect(allSteps(load(files[0]!))[0]!.step).toEqual({
      id: 'procedure',
      title: 'Procedure',
      body: 'It takes a while.\n\nThe output should look like:\n',
      commands: [{ run: 'kubectl -n monitoring delete sts/thanos', expect: 'statefulset.apps "thanos" deleted', description: 'Delete the StatefulSet:' }],
    });
    expect(files[0]!.content).toMatch(/^owners: \[unassigned\] # import default: not in the source, set it$/m);
  });

  it('skips a page with nothing but front matter, and makes a page without any procedure one step', () => {
    const { files, reports } = plan([page('k/_index.md', '---\ntitle: kubernetes\nweight: 10\n---\n'), page('k/notes.md', '# Notes\n\nJust a link: [x](https://example.com).\n')]);
    expect(reports[0]).toMatchObject({ status: 'skipped', reason: 'it has no content besides front matter and a title' });
    expect(allSteps(load(files[0]!)).map((s) => s.step.title)).toEqual(['Overview']);
  });
});
