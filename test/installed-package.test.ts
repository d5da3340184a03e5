/**
 * Lifeboat as a team gets it: `npm pack` of this checkout, installed into a fresh folder outside
 * it, with the package folder made read-only. Every command runs from that folder through the
 * installed `lifeboat` bin, against the fake API server and the local S3 server, and what each
 * produced is read back. Nothing here reaches into the checkout's sources.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import packageJson from '../package.json' with { type: 'json' };
import { CRD_SETS, loadFixtureObjects, makeBackupStorageLocation, makeNamespaces, makeScheduledBackups, startFakeKube, type FakeKube } from './support/fake-kube/index.ts';
import { startLocalS3, S3RVER_ENV, type LocalS3 } from './support/local-s3.ts';
import { pdfPageCount, pdfText } from './support/read-pdf.ts';
import { REPO, startCommand } from './support/run-script.ts';

/** Runs a command with this test's Node first on PATH, as `npx` in a team's shell would find it. */
const run = (command: string, args: string[], cwd: string, env: Record<string, string> = {}) =>
  startCommand(command, args, {
    cwd,
    env: { ...process.env, NODE_ENV: undefined, NO_COLOR: '1', PATH: `${join(REPO, 'node_modules', '.bin')}:${process.env.PATH}`, ...env },
    timeoutMs: 240_000,
  }).done;

/** Every file under `dir` with its size and modification time, to prove nothing was written. */
function fingerprint(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      const stat = statSync(path);
      return `${relative(dir, path)} ${stat.size} ${stat.mtimeMs}`;
    })
    .sort();
}

let work: string;
let team: string;
let tarball: string;
let installed: string;
let before: string[];
let kube: FakeKube;
let s3: LocalS3;
const lifeboat = (args: string[], env: Record<string, string> = {}) => run('npx', ['--no-install', 'lifeboat', ...args], team, env);

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'lifeboat-installed-'));
  const packed = await run('npm', ['pack', '--silent', '--pack-destination', work], REPO);
  expect(packed.code, packed.stderr).toBe(0);
  tarball = join(work, packed.stdout.trim().split('\n').pop()!);
  team = join(work, 'runbooks-site');
  mkdirSync(team);
  // npm's own cache already holds every dependency (setup ran `npm ci`): no registry round trips.
  const install = await run('npm', ['install', '--save-dev', '--prefer-offline', '--no-audit', '--no-fund', tarball], team);
  expect(install.code, install.stderr).toBe(0);
  installed = join(team, 'node_modules', 'lifeboat');
  before = fingerprint(installed);
  // As in a read-only store or image: Lifeboat must never write beside itself.
  for (const path of [installed, ...readdirSync(installed, { recursive: true, withFileTypes: true }).map((e) => join(e.parentPath, e.name))]) {
    chmodSync(path, statSync(path).mode & 0o555);
  }
  [kube, s3] = await Promise.all([
    startFakeKube({ objects: [...makeNamespaces(['apps', 'velero']), ...loadFixtureObjects(CRD_SETS.velero), makeBackupStorageLocation(), ...makeScheduledBackups({ name: 'apps-hourly', cron: '0 * * * *', includedNamespaces: ['apps'], count: 3 })] }),
    startLocalS3(),
  ]);
}, 300_000);

afterAll(async () => {
  await Promise.all([kube?.close(), s3?.stop()]);
  if (work) {
    for (const entry of readdirSync(work, { recursive: true, withFileTypes: true })) if (entry.isDirectory()) chmodSync(join(entry.parentPath, entry.name), 0o755);
    rmSync(work, { recursive: true, force: true });
  }
});

describe('the packed package', () => {
  it('holds only what running needs: no tests, bench corpora, fixtures or example facts', () => {
    const files = readdirSync(installed, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(installed, join(entry.parentPath, entry.name)));
    expect(files).toContain('bin/lifeboat.js');
    expect(files).toContain('runbook.schema.json');
    expect(files).toContain('templates/project/lifeboat.config.yaml');
    expect(files.filter((f) => /\.test\.ts$|^test\/|^src\/bench\/|^facts\/|^runbooks\/|^scripts\//.test(f))).toEqual([]);
  });
});

describe('a team folder with the installed package', () => {
  it('init keeps the package.json that already depends on lifeboat and writes the rest', async () => {
    const result = await lifeboat(['init', '--title', 'Acme DR runbooks']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    for (const file of ['lifeboat.config.yaml', 'runbooks/platform/restore-namespace.yaml', 'runbooks/platform/failover-dns.mdx', 'facts/README.md', '.gitignore', '.github/workflows/lifeboat.yml', '.gitlab-ci.yml']) {
      expect(existsSync(join(team, file)), file).toBe(true);
    }
    expect(readFileSync(join(team, 'lifeboat.config.yaml'), 'utf8')).toContain('title: Acme DR runbooks');
    expect(JSON.parse(readFileSync(join(team, 'package.json'), 'utf8')).devDependencies.lifeboat).toMatch(/^file:/);
  });

  it('init into an empty folder writes a package.json that depends on this version', async () => {
    const fresh = join(work, 'another-team');
    const result = await run(join(team, 'node_modules', '.bin', 'lifeboat'), ['init', fresh], team);
    expect(result.code, result.stderr).toBe(0);
    const pkg = JSON.parse(readFileSync(join(fresh, 'package.json'), 'utf8'));
    expect(pkg).toMatchObject({ name: 'another-team', private: true, devDependencies: { lifeboat: `^${packageJson.version}` }, scripts: { check: 'lifeboat check', build: 'lifeboat build' } });
    // The schema line that editors follow resolves inside the installed package.
    const runbook = readFileSync(join(team, 'runbooks/platform/restore-namespace.yaml'), 'utf8');
    const schemaPath = /\$schema=(\S+)/.exec(runbook)![1]!;
    expect(existsSync(join(team, 'runbooks/platform', schemaPath))).toBe(true);
  });

  it('check passes the starter runbooks', async () => {
    const result = await lifeboat(['check']);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/0 errors, \d+ warnings? in \d+ files? \(2 runbook files checked\)/);
  });

  it('facts collects from a cluster (the fake API server) into the team folder', async () => {
    const kubeconfig = join(work, 'kubeconfig');
    await kube.writeKubeconfig(kubeconfig);
    const result = await lifeboat(['facts', '--kubeconfig', kubeconfig, '--context', 'fake=dr']);
    expect(result.code, result.stderr).toBe(0);
    const snapshot = JSON.parse(readFileSync(join(team, 'facts', 'dr.json'), 'utf8'));
    expect(snapshot.cluster).toBe('dr');
    expect(snapshot.kinds.namespaces.items.map((n: { name: string }) => n.name)).toContain('velero');
  });

  it('check then reads those facts: the Velero namespace the starter requires exists', async () => {
    const result = await lifeboat(['check', '--format', 'json']);
    const report = JSON.parse(result.stdout) as { issues: { code: string; message: string }[] };
    expect(report.issues.filter((i) => i.code === 'FactsUnknown' && /Namespace "velero"/.test(i.message))).toEqual([]);
  });

  it('build writes the site, and the versioned schema, into the team folder, with the team\'s look and components', async () => {
    // What docs/installing.md offers a team: a logo, an accent colour, a stylesheet, public files
    // and MDX components of its own, all in its folder.
    mkdirSync(join(team, 'components'));
    writeFileSync(join(team, 'components/OnCallNote.astro'), '---\nconst { team } = Astro.props;\n---\n<p class="oncall-note">Page {team} before you start.</p>\n');
    mkdirSync(join(team, 'assets'));
    writeFileSync(join(team, 'assets/logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>\n');
    writeFileSync(join(team, 'custom.css'), '.oncall-note { border: 3px dashed tomato; }\n');
    mkdirSync(join(team, 'public'));
    writeFileSync(join(team, 'public/_headers'), '/*\n  X-Frame-Options: DENY\n');
    const mdx = join(team, 'runbooks/platform/failover-dns.mdx');
    writeFileSync(mdx, readFileSync(mdx, 'utf8').replace('---\n\nConfirm', "---\nimport OnCallNote from '../../components/OnCallNote.astro';\n\n<OnCallNote team=\"edge-oncall\" />\n\nConfirm"));
    const config = join(team, 'lifeboat.config.yaml');
    // Its components' folder goes into mdx.imports: MDX runbooks may import only from there (issue 28).
    writeFileSync(
      config,
      readFileSync(config, 'utf8')
        .replace(/^theme:\n(?:  .*\n)+/m, 'theme:\n  logo: assets/logo.svg\n  accent: "#0b6bcb"\n  css: [custom.css]\n')
        .replace(/^  imports: .*$/m, '  imports: ["@astrojs/starlight/components", "components/"]'),
    );

    const result = await lifeboat(['build']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Built 2 runbooks into .*dist/);
    const page = readFileSync(join(team, 'dist/runbooks/restore-namespace/index.html'), 'utf8');
    expect(page).toContain('Restore a namespace into the DR cluster');
    expect(readFileSync(join(team, 'dist/index.html'), 'utf8')).toContain('Acme DR runbooks');
    expect(JSON.parse(readFileSync(join(team, `dist/schema/${packageJson.version}/runbook.schema.json`), 'utf8')).title).toBe('Lifeboat runbook');
    expect(existsSync(join(team, 'dist/pagefind'))).toBe(true);
    // The team's public file, and Lifeboat's own for the names the team's public/ lacks.
    expect(readFileSync(join(team, 'dist/_headers'), 'utf8')).toContain('X-Frame-Options: DENY');
    expect(existsSync(join(team, 'dist/favicon.svg'))).toBe(true);
    expect(readFileSync(join(team, 'dist/runbooks/failover-dns/index.html'), 'utf8')).toContain('<p class="oncall-note">Page edge-oncall before you start.</p>');
    expect(readFileSync(join(team, 'dist/index.html'), 'utf8')).toMatch(/<img[^>]+src="\/_astro\/logo\.[\w-]+\.svg"/);
    const css = readdirSync(join(team, 'dist/_astro')).filter((f) => f.endsWith('.css')).map((f) => readFileSync(join(team, 'dist/_astro', f), 'utf8')).join('\n');
    expect(css).toContain('tomato');
    expect(css).toMatch(/--sl-color-accent:\s*#0b6bcb/);
  });

  it('pdf prints the binder from the built site', async () => {
    const result = await lifeboat(['pdf']);
    expect(result.code, result.stderr).toBe(0);
    const binder = join(team, 'dist/binder.pdf');
    expect(pdfPageCount(binder)).toBeGreaterThan(2);
    const text = pdfText(binder);
    expect(text).toContain('Acme DR runbooks');
    expect(text).toContain('Point public DNS at the DR region');
  });

  it('deploy publishes to a bucket (the local S3 server) and verify finds it whole', async () => {
    const root = await s3.createWebsiteBucket('team-site');
    const deployed = await lifeboat(['deploy', '--target', 's3://team-site', '--endpoint', s3.endpoint], S3RVER_ENV);
    expect(deployed.code, deployed.stderr).toBe(0);
    expect(await s3.keys('team-site')).toContain('runbooks/restore-namespace/index.html');
    const verified = await lifeboat(['verify', '--url', root]);
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
  });

  it('left the installed package untouched, and its caches in the team folder', () => {
    expect(fingerprint(installed)).toEqual(before);
    expect(existsSync(join(team, 'node_modules/.cache/lifeboat/bundles'))).toBe(true);
  });
});
