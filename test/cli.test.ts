/**
 * The `lifeboat` command line itself: help for every command, unknown commands and flags, the
 * Node version gate, and `init`'s refusal to overwrite. Through the real bin in a child process.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import packageJson from '../package.json' with { type: 'json' };
import { COMMANDS } from '../src/cli/start-cli.js';
import { REPO } from './support/run-script.ts';

const BIN = join(REPO, 'bin', 'lifeboat.js');
const work = mkdtempSync(join(tmpdir(), 'lifeboat-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function lifeboat(args: string[], options: { cwd?: string; node?: string } = {}) {
  const result = spawnSync(options.node ?? process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? work,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: undefined, NO_COLOR: '1' },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('lifeboat', () => {
  it('lists every command in --help, and prints its version', () => {
    const help = lifeboat(['--help']);
    expect(help.code).toBe(0);
    for (const name of Object.keys(COMMANDS)) expect(help.stdout).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
    expect(lifeboat(['--version']).stdout).toBe(`${packageJson.version}\n`);
  });

  it.each(Object.keys(COMMANDS))('%s --help lists its flags and exits 0', (name) => {
    const { code, stdout, stderr } = lifeboat([name, '--help']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^Usage: lifeboat ${name}\\b`));
    // Every flag the usage line shows is explained below it.
    const shown = [...stdout.split('\n')[0]!.matchAll(/--[a-z-]+/g)].map((m) => m[0]);
    for (const flag of shown) expect(stdout.split('\n').slice(1).join('\n')).toContain(flag);
  });

  it('answers an unknown command with exit 2, the valid ones and a did-you-mean', () => {
    const { code, stdout, stderr } = lifeboat(['buidl']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatchInlineSnapshot(`
      ""buidl" is not a lifeboat command. Did you mean "build"?
      Commands: init, check, build, facts, parity, pdf, deploy, verify, import, drill, dev, preview, schema. Run \`lifeboat --help\` for what each does.
      "
    `);
  });

  it('answers an unknown flag with exit 2, the valid flags and a did-you-mean', () => {
    const { code, stderr } = lifeboat(['parity', '--al']);
    expect(code).toBe(2);
    expect(stderr.split('\n').slice(0, 2)).toEqual([
      'Unknown flag "--al". Did you mean "--all"?',
      'Valid flags: --config, --runbooks, --facts, --drills, --out, --site, --title, --help, --all.',
    ]);
    expect(stderr).toContain('Usage: lifeboat parity');
  });

  // The system's Node is older than the engines range on these machines; skipped where it is not.
  const systemNode = ['/usr/bin/node', '/usr/local/bin/node'].find((path) => existsSync(path));
  const systemVersion = systemNode ? spawnSync(systemNode, ['--version'], { encoding: 'utf8' }).stdout.trim() : '';
  it.skipIf(!systemNode || Number(systemVersion.slice(1).split('.')[0]) >= 22)(`stops on an old Node (${systemVersion}) with one line and exit 2, for every command`, () => {
    for (const name of [...Object.keys(COMMANDS), '--help']) {
      const { code, stdout, stderr } = lifeboat([name], { node: systemNode! });
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toBe(
        `lifeboat ${packageJson.version} needs Node.js 22.19.0 or newer, and this is Node.js ${systemVersion.slice(1)}: install a current Node.js (https://nodejs.org, or \`nvm install 24\`) and run it again.\n`,
      );
    }
  });
});

describe('lifeboat init', () => {
  it('writes a project that passes check, with nothing of Lifeboat copied into it', () => {
    const dir = join(work, 'payments-runbooks');
    const { code, stdout } = lifeboat(['init', dir]);
    expect(code).toBe(0);
    expect(stdout).toContain('npm install');
    const files = readdirSync(dir, { recursive: true }).map(String).sort();
    expect(files.filter((f) => !f.endsWith('/') && !['.github', '.github/workflows', 'facts', 'runbooks', 'runbooks/platform'].includes(f))).toEqual([
      '.github/workflows/lifeboat.yml',
      '.gitignore',
      '.gitlab-ci.yml',
      'facts/README.md',
      'lifeboat.config.yaml',
      'package.json',
      'runbooks/platform/failover-dns.mdx',
      'runbooks/platform/restore-namespace.yaml',
    ]);
    expect(readFileSync(join(dir, 'lifeboat.config.yaml'), 'utf8')).toContain('title: Payments Runbooks DR runbooks');
    const check = lifeboat(['check'], { cwd: dir });
    expect(check.code, check.stdout).toBe(0);
    expect(check.stdout).toContain('(2 runbook files checked)');
  });

  it('changes nothing in a folder where one of its files exists, and names every one in the way', () => {
    const dir = mkdtempSync(join(work, 'existing-'));
    writeFileSync(join(dir, 'lifeboat.config.yaml'), 'title: Ours\n');
    writeFileSync(join(dir, '.gitignore'), 'secret.env\n');
    writeFileSync(join(dir, 'runbooks'), 'a file, not a folder\n');
    const { code, stdout, stderr } = lifeboat(['init'], { cwd: dir });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^lifeboat init wrote nothing: these files are in the way in \.:\n  \.gitignore\n  lifeboat\.config\.yaml\n  runbooks\/platform\/failover-dns\.mdx\n  runbooks\/platform\/restore-namespace\.yaml\n/);
    expect(stderr).toContain('init never overwrites a file');
    expect(readdirSync(dir).sort()).toEqual(['.gitignore', 'lifeboat.config.yaml', 'runbooks']);
    expect(readFileSync(join(dir, 'lifeboat.config.yaml'), 'utf8')).toBe('title: Ours\n');
    // No flag forces it.
    expect(lifeboat(['init', '--force'], { cwd: dir }).code).toBe(2);
  });

  it('names a package.json of the team\'s own as in the way, with the way to keep it', () => {
    const dir = mkdtempSync(join(work, 'with-package-'));
    writeFileSync(join(dir, 'package.json'), '{ "name": "ours" }\n');
    const { code, stderr } = lifeboat(['init'], { cwd: dir });
    expect(code).toBe(1);
    expect(stderr).toContain('  package.json\n');
    expect(stderr).toContain('npm install --save-dev lifeboat');
    expect(readdirSync(dir)).toEqual(['package.json']);
  });
});
