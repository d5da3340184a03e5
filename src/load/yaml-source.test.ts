import { describe, expect, it } from 'vitest';
import { loadWithStarts } from './yaml-positions.ts';
import { parseYamlSource, parseYamlSourceWithAst as slowSource } from './yaml-source.ts';
import { at, formatLocation } from '../errors/issue.ts';

const SOURCE = `id: a
steps:
  - id: one
    commands:
      - run: kubectl get pods
        cluster: dr
`;

describe('parseYamlSource', () => {
  it('locates values at any depth from the YAML AST', () => {
    const source = parseYamlSource(SOURCE, 'a.yaml');
    expect(source.locate(['steps', 0, 'commands', 0, 'cluster'])).toEqual({ type: 'source', line: 6, column: 18 });
    expect(source.locate(['steps', 0, 'id'])).toEqual({ type: 'source', line: 3, column: 9 });
  });

  it('falls back to the nearest existing ancestor for a missing field', () => {
    const source = parseYamlSource(SOURCE, 'a.yaml');
    // `title` is missing from steps[0]: point at the step itself.
    expect(source.locate(['steps', 0, 'title'])).toEqual({ type: 'source', line: 3, column: 5 });
  });

  it('locates a key (not its value) for unknown-key errors', () => {
    const source = parseYamlSource(SOURCE, 'a.yaml');
    expect(source.locateKey(['steps', 0, 'commands', 0], 'cluster')).toEqual({ type: 'source', line: 6, column: 9 });
  });

  it('shifts lines for frontmatter', () => {
    const source = parseYamlSource(SOURCE, 'a.mdx', 1);
    expect(source.locate(['id'])).toEqual({ type: 'source', line: 2, column: 5 });
  });

  it('reports a syntax error once per line with a position and a hint', () => {
    const source = parseYamlSource('a: 1\na: 2\n', 'dup.yaml');
    expect(source.data).toBeUndefined();
    expect(source.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "YamlSyntax",
          "file": "dup.yaml",
          "hint": "Each key may appear once per mapping: remove or rename the second one.",
          "message": "The YAML cannot be parsed: map keys must be unique.",
          "path": [],
          "position": {
            "column": 1,
            "line": 2,
            "type": "source",
          },
          "severity": "error",
        },
      ]
    `);
  });

  it('reads YAML 1.2: dates and yes/no stay strings', () => {
    const source = parseYamlSource('date: 2026-11-02\nanswer: yes\n', 'a.yaml');
    expect(source.data).toEqual({ date: '2026-11-02', answer: 'yes' });
  });
});

describe('the fast path and the positions parser', () => {
  it('read the same data from every runbook and fixture in the repository', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { parse } = await import('yaml');
    const root = new URL('../../', import.meta.url).pathname;
    const files = ['runbooks', 'test/fixtures']
      .flatMap((dir) => readdirSync(root + dir, { recursive: true }).map((f) => `${root}${dir}/${String(f)}`))
      .filter((f) => /\.ya?ml$/.test(f));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const source = parseYamlSource(text, file);
      if (source.issues.length === 0) expect(source.data, file).toEqual(parse(text));
    }
  });

  it('refuses an alias bomb as a syntax error at its first alias, and keeps a few aliases', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (const name of 'bcdefghi') levels.push(`${name}: &${name} [${Array(9).fill(`*${String.fromCharCode(name.charCodeAt(0) - 1)}`).join(', ')}]`);
    const started = performance.now();
    const bomb = parseYamlSource(`id: x\nvars:\n${levels.map((l) => `  ${l}\n`).join('')}`, 'bomb.yaml');
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(bomb.data).toBeUndefined();
    expect(bomb.issues.map((i) => `${formatLocation(i)} ${i.code} ${i.message}`)).toEqual([
      'bomb.yaml:4:10 YamlSyntax The YAML cannot be parsed: its aliases (`*name`) would expand to more than 100 copies of the values they refer to, which looks like a "billion laughs" attack.',
    ]);
    const few = parseYamlSource('base: &b { cluster: dr }\none: *b\ntwo: *b\n', 'few.yaml');
    expect(few.issues).toEqual([]);
    expect(few.data).toEqual({ base: { cluster: 'dr' }, one: { cluster: 'dr' }, two: { cluster: 'dr' } });
  });

  it('still reports syntax errors the fast parser rejects, with the positions parser’s wording', () => {
    const source = parseYamlSource('steps:\n  - id: a\n     title: b\n', 'a.yaml');
    expect(source.issues.map((i) => i.code)).toEqual(['YamlSyntax']);
    expect(source.data).toBeUndefined();
  });
});

describe('positions from the fast parser', () => {
  /** Every path to a value in `data`, and every key of every mapping. */
  function* paths(data: unknown, path: (string | number)[] = []): Generator<(string | number)[]> {
    yield path;
    if (Array.isArray(data)) for (const [i, item] of data.entries()) yield* paths(item, [...path, i]);
    else if (data && typeof data === 'object') for (const [key, value] of Object.entries(data)) yield* paths(value, [...path, key]);
  }

  it('agree with the YAML AST on every value, key and word of every runbook and fixture in the repository', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const root = new URL('../../', import.meta.url).pathname;
    const files = ['runbooks', 'test/fixtures', 'src']
      .flatMap((dir) => readdirSync(root + dir, { recursive: true }).map((f) => `${root}${dir}/${String(f)}`))
      .filter((f) => /\.ya?ml$/.test(f));
    let compared = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const fast = parseYamlSource(text, file);
      if (fast.issues.length) continue;
      // The example runbooks are plain YAML: their positions come from the fast tree, not the fallback.
      if (file.startsWith(`${root}runbooks/`)) expect(loadWithStarts(text).tree, file).toBeDefined();
      const slow = slowSource(text, file);
      for (const path of paths(fast.data)) {
        expect(fast.locate(path), `${file} ${path.join('.')}`).toEqual(slow.locate(path));
        const last = path.at(-1);
        if (typeof last === 'string') expect(fast.locateKey(path.slice(0, -1), last), `${file} key ${path.join('.')}`).toEqual(slow.locateKey(path.slice(0, -1), last));
        expect(fast.locateInValue(path, 3), `${file} word ${path.join('.')}`).toEqual(slow.locateInValue(path, 3));
        compared++;
      }
      // A missing field points at its nearest ancestor, as in the AST.
      expect(fast.locate(['steps', 0, 'no-such-field'])).toEqual(slow.locate(['steps', 0, 'no-such-field']));
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('gives way to the AST where its tree cannot be exact: aliases, merge keys, empty values', () => {
    const text = 'base: &b\n  cluster: dr\nsteps:\n  - <<: *b\n    id: one\n  - id: two\n    title:\n';
    expect(loadWithStarts(text).tree).toBeUndefined();
    expect(loadWithStarts('steps:\n  - id: two\n    title:\n').tree).toBeUndefined();
    // JavaScript lists index-like keys first, whatever the source order: the tree reads key names
    // from the data, so it gives way rather than pair a key with the wrong position.
    expect(loadWithStarts('vars:\n  b: x\n  "1": y\n').tree).toBeUndefined();
    expect(parseYamlSource('vars:\n  b: x\n  "1": y\n', 'v.yaml').locate(['vars', '1'])).toEqual(at(3, 8));
    expect(parseYamlSource('vars:\n  b: x\n  "1": y\n', 'v.yaml').locateKey(['vars'], 'b')).toEqual(at(2, 3));
    const fast = parseYamlSource(text, 'a.yaml');
    const slow = slowSource(text, 'a.yaml');
    for (const path of [['steps', 0, 'id'], ['steps', 1, 'title'], ['steps', 1, 'id'], ['base', 'cluster']]) {
      expect(fast.locate(path), path.join('.')).toEqual(slow.locate(path));
    }
    expect(fast.locate(['steps', 1, 'id'])).toEqual({ type: 'source', line: 6, column: 9 });
  });
});
