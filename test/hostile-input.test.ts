/**
 * Hostile input, hostile clusters, unlucky kills (issue 28): each crash it reported, through the
 * real `lifeboat` command. The corpus of hostile runbooks is hostile-corpus.test.ts.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it, onTestFinished } from 'vitest';
import { snapshot } from './support/facts-builder.ts';
import { withBuildLock } from './support/build-lock.ts';
import { closedPort } from './support/closed-port.ts';
import { REPO, startCommand } from './support/run-script.ts';
import { runBounded, STACK_TRACE } from './support/run-bounded.ts';
import { RUNBOOK_HEAD, testdir } from './support/testdir.ts';

const CONFIG = 'clusters: { primary: prod }\n';
const STEPS = 'steps:\n  - id: look\n    title: Look at the pods\n    commands:\n      - run: kubectl get pods -n namespace-12345x\n        cluster: primary\n';
/** A project with one runbook; `extra` is appended to the runbook. */
const project = (extra = '', files: Record<string, string> = {}) => {
  const dir = testdir({ 'lifeboat.config.yaml': CONFIG, 'runbooks/a.yaml': `${RUNBOOK_HEAD('a')}${extra}${STEPS}`, ...files });
  // Snapshots of 150,000 namespaces and built sites: never leave them behind.
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
};
const config = (dir: string) => ['--config', join(dir, 'lifeboat.config.yaml')];

describe('hostile input (issue 28)', () => {
  it('reports a YAML alias bomb as YamlSyntax at its first alias, in check and build, quickly', async () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (const name of 'bcdefghi') levels.push(`${name}: &${name} [${Array(9).fill(`*${String.fromCharCode(name.charCodeAt(0) - 1)}`).join(',')}]`);
    const dir = project(`vars:\n${levels.map((l) => `  ${l}`).join('\n')}\n`);
    for (const command of ['check', 'build']) {
      const result = await runBounded(command, [...config(dir), ...(command === 'check' ? ['--no-facts'] : [])]);
      const report = command === 'check' ? result.stdout : result.stderr;
      expect(report).toContain('runbooks/a.yaml:12:10  error  YamlSyntax');
      expect(report).toContain('"billion laughs"');
      expect(report).toMatch(/hint: Write the repeated values out/);
      expect(result.stderr).not.toMatch(STACK_TRACE);
      expect(result.code).toBe(1);
      expect(result.ms).toBeLessThan(15_000);
    }
  });

  it('checks a runbook against a snapshot of 150,000 namespaces, and suggests the closest one', async () => {
    const namespaces = Array.from({ length: 150_000 }, (_, i) => ({ name: `namespace-${i}`, phase: 'Active' }));
    const dir = project('', { 'facts/prod.json': JSON.stringify(snapshot('prod', { namespaces })) });
    const result = await runBounded('check', config(dir), { env: { LIFEBOAT_NOW: '2026-11-22T08:00:00Z' } });
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/runbooks\/a\.yaml:\d+:\d+ {2}error {2}NamespaceNotFound/);
    expect(result.stdout).toContain('"namespace-12345"');
    expect(result.code).toBe(1);
  });

  it('builds a site from a 150,000-namespace snapshot into an --out whose parent folder does not exist yet', async () => {
    const namespaces = Array.from({ length: 150_000 }, (_, i) => ({ name: `namespace-${i}`, phase: 'Active' }));
    const dir = project('', { 'facts/prod.json': JSON.stringify(snapshot('prod', { namespaces })) });
    const out = join(dir, 'not', 'yet', 'dist');
    const result = await runBounded('build', [...config(dir), '--out', out], { timeoutMs: 120_000 });
    expect(result.stderr).not.toMatch(STACK_TRACE);
    expect(result.code).toBe(0);
    expect(existsSync(join(out, 'runbooks/a/index.html'))).toBe(true);
  });

  it('says in one line, exit 2, when the --out folder cannot be created', async () => {
    const dir = project('', { 'a-file': 'not a folder' });
    const result = await runBounded('build', [...config(dir), '--out', join(dir, 'a-file', 'dist')]);
    expect(result.stderr).toBe(`Cannot write the output to ${dir}/a-file/dist: ${dir}/a-file is a file, not a folder. Choose another --out (or LIFEBOAT_OUT, or out: in the configuration).\n`);
    expect(result.code).toBe(2);
  });

  it('prints an uncaught error as one line with a --verbose hint, in a module command and in the bundled check', async () => {
    const dir = project();
    const missing = join(dir, 'no', 'such', 'folder', 'schema.json');
    const plain = await runBounded('schema', ['--out', missing]);
    expect(plain.stderr).toBe(
      `lifeboat schema failed unexpectedly: Error: ENOENT: no such file or directory, open '${missing}'. Run \`lifeboat schema --verbose\` for the stack trace, and please report it if your input is not the cause.\n`,
    );
    expect(plain.code).toBe(1);
    const verbose = await runBounded('schema', ['--out', missing, '--verbose']);
    expect(verbose.stderr).toMatch(/^lifeboat schema failed unexpectedly: Error: ENOENT[^\n]*\.\nError: ENOENT[^\n]*\n {4}at /);

    // A bug inside the bundled check: Node would print the bundle's minified source line first.
    expect((await runBounded('check', [...config(dir), '--no-facts'])).code).toBe(0);
    const bundles = join(dir, 'node_modules/.cache/lifeboat/bundles');
    for (const name of readdirSync(bundles)) {
      if (name.endsWith('.v8cache')) rmSync(join(bundles, name));
      if (name.endsWith('.cjs')) writeFileSync(join(bundles, name), `(function (exports) {${' '.repeat(5000)}exports.main = async () => null.property; })`);
    }
    const crashed = await runBounded('check', [...config(dir), '--no-facts']);
    expect(crashed.stderr).toMatch(/^lifeboat check failed unexpectedly: TypeError: Cannot read properties of null \(reading 'property'\)\. Run `lifeboat check --verbose` for the stack trace, and please report it if your input is not the cause\.\n$/);
    expect(crashed.code).toBe(1);
  });

  it('recovers a build killed between its two renames, and removes what killed builds left, never what a running one uses', async () => {
    const dir = project();
    const out = join(dir, 'site', 'dist');
    // The previous site, which the build moves aside before switching its own in.
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'previous'), '');
    await withBuildLock(async () => {
      // The switch waits between its renames (atomic-output.ts); kill it there.
      const { child, done } = startCommand(process.execPath, [join(REPO, 'bin/lifeboat.js'), 'build', ...config(dir), '--out', out], {
        cwd: REPO,
        env: { ...process.env, NODE_ENV: undefined, LIFEBOAT_TEST_SWITCH_DELAY_MS: '60000' },
        timeoutMs: 120_000,
      });
      const switching = () => readdirSync(join(dir, 'site')).some((name) => name.startsWith('dist.old-'));
      while (!switching() && child.exitCode === null) await sleep(100);
      child.kill('SIGKILL');
      expect((await done).signal).toBe('SIGKILL');
    });
    const left = readdirSync(join(dir, 'site'));
    expect(left).not.toContain('dist');
    expect(left.some((name) => name.startsWith('dist.new-'))).toBe(true);
    expect(left.some((name) => name.startsWith('dist.old-'))).toBe(true);

    // A build that is gone left a staging folder; one that is still running (this test) has its own.
    const gone = spawnSync(process.execPath, ['-e', '']).pid!;
    mkdirSync(join(dir, 'site', `dist.tmp-${gone}-abc123`));
    writeFileSync(join(dir, 'site', `dist.tmp-${gone}-abc123.findings.json`), '[]');
    mkdirSync(join(dir, 'site', `dist.tmp-${process.pid}-abc124`));

    const port = await closedPort();
    const verify = await runBounded('verify', [...config(dir), '--out', out, '--url', `http://127.0.0.1:${port}/`]);
    expect(verify.stderr).toMatch(/^Recovered the output: .*dist was missing, so the build that was stopped while switching it in \(dist\.new-\d+-\w+\) now takes its place; removed 4 folders and files that stopped builds left beside it\.\n$/);
    expect(readFileSync(join(out, 'runbooks/a/index.html'), 'utf8')).toContain('Runbook a');
    expect(readdirSync(join(dir, 'site')).sort()).toEqual(['dist', `dist.tmp-${process.pid}-abc124`]);
  });

  it('removes the staging folder and findings file of a build killed midway, at the next build', async () => {
    const dir = project();
    const out = join(dir, 'dist');
    await withBuildLock(async () => {
      const { child, done } = startCommand(process.execPath, [join(REPO, 'bin/lifeboat.js'), 'build', ...config(dir), '--out', out], {
        cwd: REPO,
        env: { ...process.env, NODE_ENV: undefined },
        timeoutMs: 120_000,
      });
      // Killed once Astro has started writing pages into the staging folder.
      const writing = () => readdirSync(dir).some((name) => name.startsWith('dist.tmp-') && !name.endsWith('.json') && readdirSync(join(dir, name)).length > 0);
      while (!writing() && child.exitCode === null) await sleep(50);
      child.kill('SIGKILL');
      expect((await done).signal).toBe('SIGKILL');
    });
    expect(readdirSync(dir).filter((name) => name.startsWith('dist.'))).toHaveLength(2);

    const build = await runBounded('build', [...config(dir), '--out', out], { timeoutMs: 120_000 });
    expect(build.stdout).toMatch(/^Recovered the output: removed 2 folders and files that stopped builds left beside it\.\n/);
    expect(build.code).toBe(0);
    expect(readdirSync(dir).filter((name) => name.startsWith('dist'))).toEqual(['dist']);
  });
});
