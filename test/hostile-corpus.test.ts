/**
 * The hostile-input corpus (test/fixtures/hostile/, one project per case, each with a README
 * saying what it is): every case goes through `lifeboat check`, and through `lifeboat build`
 * where a build once crashed or could have written raw bytes into a page. Each run exits 1 with
 * the expected code at a position, or succeeds with the content escaped; none prints a stack
 * trace; each finishes within 30 s and 1 GiB. Cases too big or too odd to commit (20 MB, invalid
 * UTF-8, NUL bytes, symbolic links) are written here, into a copy of their folder.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { snapshot } from './support/facts-builder.ts';
import { runBounded, STACK_TRACE, type BoundedResult } from './support/run-bounded.ts';
import { RUNBOOK_HEAD } from './support/testdir.ts';

const CORPUS = fileURLToPath(new URL('./fixtures/hostile/', import.meta.url));
const STEPS = 'steps:\n  - id: look\n    title: Look at the pods\n    commands:\n      - run: kubectl get pods -n payments\n';

interface Case {
  /** The code `check` must report, at a source position unless `fileLevel`. */
  code: string;
  /** The problem is about the whole file (its size, a link): no line to point at. */
  fileLevel?: true;
  /** `check`'s exit code: 1 for errors, 2 for a configuration error, 0 when the case only warns or must simply work. */
  exit: 0 | 1 | 2;
  /** Also run `lifeboat build`. */
  build?: true;
  /** Writes the files that are not committed, into the case's copy. */
  generate?: (dir: string) => void;
}

const write = (dir: string, path: string, data: string | Uint8Array) => {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), data);
};

const CASES: Record<string, Case> = {
  'alias-bomb': { code: 'YamlSyntax', exit: 1, build: true },
  'huge-runbook': {
    code: 'RunbookTooLarge',
    fileLevel: true,
    exit: 1,
    build: true,
    generate: (dir) => write(dir, 'runbooks/huge.yaml', `${RUNBOOK_HEAD('huge')}${STEPS}${'# padding padding padding padding\n'.repeat(600_000)}`),
  },
  'deep-nesting': {
    code: 'YamlSyntax',
    exit: 1,
    generate: (dir) => write(dir, 'runbooks/deep.yaml', `${RUNBOOK_HEAD('deep')}vars:\n  x: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n${STEPS}`),
  },
  'deep-indentation': {
    code: 'YamlSyntax',
    exit: 1,
    generate: (dir) => {
      const levels = Array.from({ length: 1_300 }, (_, i) => `${' '.repeat(i + 1)}k:`).join('\n');
      write(dir, 'runbooks/indented.yaml', `${RUNBOOK_HEAD('indented')}vars:\n${levels} x\n${STEPS}`);
    },
  },
  'invalid-utf8': {
    code: 'InvalidEncoding',
    exit: 1,
    build: true,
    generate: (dir) => {
      const text = Buffer.from(`${RUNBOOK_HEAD('latin1')}${STEPS.replace('Look at', 'Caf@ at')}`);
      text[text.indexOf('@')] = 0xe9; // "é" in Latin-1
      write(dir, 'runbooks/latin1.yaml', text);
    },
  },
  'nul-byte': {
    code: 'ControlCharacter',
    exit: 1,
    build: true,
    generate: (dir) => write(dir, 'runbooks/nul.yaml', `${RUNBOOK_HEAD('nul')}${STEPS.replace('Look at', 'Look\0 at')}`),
  },
  'symlink-loop': {
    code: 'SkippedLink',
    fileLevel: true,
    exit: 0,
    generate: (dir) => {
      symlinkSync('loop-b', join(dir, 'runbooks/loop-a'));
      symlinkSync('loop-a', join(dir, 'runbooks/loop-b'));
      mkdirSync(join(dir, 'runbooks/team'));
      symlinkSync('..', join(dir, 'runbooks/team/up'));
    },
  },
  'big-facts': {
    code: 'NamespaceNotFound',
    exit: 1,
    generate: (dir) => {
      const namespaces = Array.from({ length: 150_000 }, (_, i) => ({ name: `namespace-${i}`, phase: 'Active' }));
      write(dir, 'facts/prod.json', JSON.stringify(snapshot('prod', { namespaces })));
    },
  },
  'many-missing-references': {
    code: 'FindingsNotListed',
    fileLevel: true,
    exit: 1,
    generate: (dir) => {
      const namespaces = Array.from({ length: 150_000 }, (_, i) => ({ name: `namespace-${i}`, phase: 'Active' }));
      write(dir, 'facts/prod.json', JSON.stringify(snapshot('prod', { namespaces })));
      const names = Array.from({ length: 120_000 }, (_, i) => `nx${i}`).join(' ');
      write(dir, 'runbooks/every.yaml', `${RUNBOOK_HEAD('every')}${STEPS.replace('get pods -n payments', `get namespace ${names}`)}        cluster: primary\n`);
    },
  },
  'config-control-character': {
    code: 'ControlCharacter',
    exit: 2,
    generate: (dir) => write(dir, 'lifeboat.config.yaml', 'title: "Kestrel\0 Pay"\nclusters: { primary: prod }\n'),
  },
  'huge-values': {
    code: 'UnknownKey',
    exit: 1,
    generate: (dir) => write(dir, 'runbooks/long.yaml', `${RUNBOOK_HEAD('long').replace('tier: 2', `tier: ${'9'.repeat(300_000)}x`)}${'k'.repeat(300_000)}: 1\n${STEPS}`),
  },
  'missing-rto': { code: 'MissingField', exit: 1 },
  'binary-tag': { code: 'InvalidType', exit: 1 },
  'unknown-key': { code: 'UnknownKey', exit: 1 },
  'wrong-type': { code: 'InvalidType', exit: 1 },
  'not-allowed-value': { code: 'InvalidValue', exit: 1 },
  'empty-file': { code: 'InvalidType', exit: 1 },
  'mdx-expression-attribute': { code: 'MdxInvalidComponent', exit: 1 },
  'html-in-fields': { code: '', exit: 0, build: true },
};

interface JsonIssue {
  code: string;
  line: number | null;
  message: string;
  hint?: string;
}

/** A copy of the case's project, with what it generates and a configuration. */
function prepare(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `lifeboat-hostile-${name}-`));
  cpSync(join(CORPUS, name), dir, { recursive: true });
  mkdirSync(join(dir, 'runbooks'), { recursive: true });
  writeFileSync(join(dir, 'lifeboat.config.yaml'), 'clusters: { primary: prod }\n');
  CASES[name]!.generate?.(dir);
  return dir;
}

/** Bounded, and no stack trace in anything it printed. */
function expectWellBehaved(result: BoundedResult): void {
  expect(result.signal, 'killed after 30 s').toBeNull();
  expect(result.ms).toBeLessThan(30_000);
  expect(result.peakRss).toBeGreaterThan(0);
  expect(result.peakRss).toBeLessThan(1024 ** 3);
  expect(result.stdout).not.toMatch(STACK_TRACE);
  expect(result.stderr).not.toMatch(STACK_TRACE);
}

/** Every HTML file under `dir`. */
const htmlFiles = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).map((f) => join(dir, f));

describe('the hostile-input corpus', () => {
  it('has a README and an entry here for every case', () => {
    const folders = readdirSync(CORPUS).sort();
    expect(folders).toEqual(Object.keys(CASES).sort());
    for (const name of folders) expect(readFileSync(join(CORPUS, name, 'README'), 'utf8').trim().split('\n')).toHaveLength(1);
  });

  for (const [name, spec] of Object.entries(CASES)) {
    it.skipIf(name === 'symlink-loop' && process.platform === 'win32')(`${name}: check ${spec.exit ? `exits ${spec.exit} with ${spec.code}` : 'succeeds'}${spec.build ? ', and so does build' : ''}, bounded`, async () => {
      const dir = prepare(name);
      // Some cases hold tens of megabytes: never leave them behind.
      onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
      const config = ['--config', join(dir, 'lifeboat.config.yaml')];
      const check = await runBounded('check', [...config, '--format', 'json'], { env: { LIFEBOAT_NOW: '2026-11-22T08:00:00Z' } });
      expectWellBehaved(check);
      expect(check.code).toBe(spec.exit);
      if (spec.exit === 2) {
        // The configuration is reported before any runbook, as text on stderr.
        expect(check.stderr).toMatch(new RegExp(`^\\S*lifeboat\\.config\\.yaml:\\d+:\\d+ {2}error {2}${spec.code}\\n {2}.+\\n {2}hint: `));
        return;
      }
      expect(check.stderr).toBe('');
      const issues = (JSON.parse(check.stdout) as { issues: JsonIssue[] }).issues;
      if (spec.code) {
        const issue = issues.find((i) => i.code === spec.code);
        expect(issue, `${spec.code} in ${check.stdout}`).toBeDefined();
        if (!spec.fileLevel) expect(issue!.line).toBeGreaterThan(0);
        expect(issue!.hint).toBeTruthy();
      }
      // Every error says what to do, in a few lines whatever the input.
      for (const issue of issues) {
        expect(issue.hint, issue.code).toBeTruthy();
        expect(issue.message.length + issue.hint!.length, issue.code).toBeLessThan(2_000);
      }

      if (!spec.build) return;
      const out = join(dir, 'dist');
      const build = await runBounded('build', [...config, '--out', out], { env: { LIFEBOAT_NOW: '2026-11-22T08:00:00Z' } });
      expectWellBehaved(build);
      if (spec.exit) {
        expect(build.stderr).toContain(`error  ${spec.code}`);
        expect(build.stderr).toContain('Build stopped: fix the errors above. The previous output was left untouched.');
        expect(build.code).toBe(1);
        expect(existsSync(out)).toBe(false);
        return;
      }
      expect(build.code).toBe(0);
      const pages = htmlFiles(out).map((file) => readFileSync(file, 'utf8'));
      for (const page of pages) {
        expect(page).not.toMatch(/<script>alert|<img src=x|<b>bold<\/b>|[\0-\x08\x0b\x0c\x0e-\x1f]/);
      }
      const page = readFileSync(join(out, 'runbooks/html/index.html'), 'utf8');
      expect(page).toContain('Restore &lt;script&gt;alert(');
      expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    });
  }
});
