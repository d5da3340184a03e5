import jsYaml from 'js-yaml';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusRunbook } from '../bench/corpus-model.ts';
import { formatLocation } from '../errors/issue.ts';
import { RunbookSchema } from '../schema/runbook.ts';
import { compiledRunbookSchema, parseYamlRunbook } from './parse-yaml-runbook.ts';

const HEAD = `id: restore-db
title: Restore the database
service: ledger
tier: 1
owners: [ledger-team]
escalation:
  - name: Ledger on-call
    pager: "pagerduty:LEDGER"
lastReviewed: 2026-11-01
rto: 1h
rpo: 0
`;

const brief = (text: string) =>
  parseYamlRunbook(text, 'r.yaml').issues.map((i) => `${formatLocation(i)} ${i.code}: ${i.message}${i.hint ? ` | ${i.hint}` : ''}`);

describe('parseYamlRunbook', () => {
  it('returns typed data for a valid runbook, with durations as strings', () => {
    const { data, issues } = parseYamlRunbook(`${HEAD}steps:\n  - id: one\n    title: One\n    estimate: 5m\n`, 'r.yaml');
    expect(issues).toEqual([]);
    expect(data?.rpo).toBe('0');
    expect(data?.steps?.[0]?.estimate).toBe('5m');
  });

  it('reports every schema problem in the file, each at its own position', () => {
    const text = `${HEAD.replace('tier: 1', 'tier: high').replace('rto: 1h', 'rto: 1 hour')}steps:
  - id: One
    title: One
    commands:
      - run: kubectl get pods
        destructive: "yes"
        expcet: Running
`;
    expect(brief(text)).toMatchInlineSnapshot(`
      [
        "r.yaml:4:7 InvalidType: tier must be a number, but it is the string "high". | Write a number here; \`lifeboat schema\` (or \`lifeboat schema --of config\`) gives every field's type.",
        "r.yaml:10:6 InvalidDuration: rto is "1 hour", which is not a duration Lifeboat can read. | Write a whole number with a unit, largest first: "0", "90s", "15m", "4h", "1h30m", "2d".",
        "r.yaml:13:9 InvalidId: steps[0].id is "One", but ids become URLs and anchors, so they may hold only lowercase letters, digits and single hyphens. | Use "one".",
        "r.yaml:17:22 InvalidType: steps[0].commands[0].destructive must be true or false, but it is the string "yes". | Write true or false here; \`lifeboat schema\` (or \`lifeboat schema --of config\`) gives every field's type.",
        "r.yaml:18:9 UnknownKey: "expcet" is not a field of "steps[0].commands[0]", so Lifeboat would silently ignore it. | Did you mean "expect"?",
      ]
    `);
  });

  it('names a missing required field and where to add it', () => {
    const text = HEAD.replace('service: ledger\n', '');
    expect(brief(text)).toMatchInlineSnapshot(`
      [
        "r.yaml:1:1 MissingField: The runbook has no "service", which is required (a string). | Add \`service: payments-api\`.",
      ]
    `);
  });

  it('explains values YAML reads as another type', () => {
    const text = `${HEAD}tags: [dns, 503]\nsteps:\n  - id: one\n    title: One\n`;
    expect(brief(text)).toEqual([
      'r.yaml:12:13 InvalidType: tags[1] must be a string, but it is the number 503. | Quote the value so YAML reads it as text: "503".',
    ]);
  });

  it('rejects a file that is not a mapping', () => {
    expect(brief('- id: a\n')).toEqual([
      'r.yaml:1:1 InvalidType: A runbook must be a mapping of fields (id, title, service, …), but it is a list. | Start the file with `id: my-runbook` and the other required fields; see runbook.schema.json.',
    ]);
  });

  it('salvages the structure of a runbook whose only error is elsewhere, for collection rules', () => {
    const result = parseYamlRunbook(`${HEAD.replace('rto: 1h', 'rto: soon')}steps:\n  - id: one\n    title: One\n`, 'r.yaml');
    expect(result.data).toBeUndefined();
    expect(result.partial?.id).toBe('restore-db');
    expect(result.partial?.steps?.[0]?.id).toBe('one');
  });
});

describe('the compiled runbook schema', () => {
  it('parses every runbook in the repository and 300 generated ones exactly as the schema does, and rejects what it rejects', () => {
    const root = new URL('../../', import.meta.url).pathname;
    const fromFiles = ['runbooks', 'test/fixtures']
      .flatMap((dir) => readdirSync(root + dir, { recursive: true }).map((f) => `${root}${dir}/${String(f)}`))
      .filter((f) => /\.(ya?ml|mdx)$/.test(f))
      .map((f) => readFileSync(f, 'utf8'))
      .map((text) => (text.startsWith('---') ? text.split(/^---\s*$/m)[1] ?? '' : text))
      .flatMap((text) => {
        try {
          return [jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA })];
        } catch {
          return [];
        }
      });
    const generated = Array.from({ length: 300 }, (_, i) => corpusRunbook(i).data);
    let valid = 0;
    let invalid = 0;
    for (const data of [...fromFiles, ...generated]) {
      const expected = RunbookSchema.safeParse(data);
      const actual = compiledRunbookSchema().safeParse(data);
      expect(actual.success).toBe(expected.success);
      if (expected.success) {
        valid++;
        expect(actual.data).toStrictEqual(expected.data);
      } else {
        invalid++;
        expect(actual.error!.issues).toStrictEqual(expected.error.issues);
      }
    }
    expect(valid).toBeGreaterThan(300);
    expect(invalid).toBeGreaterThan(5);
  });
});
