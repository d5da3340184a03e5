/**
 * `lifeboat verify` end to end: the real script checks sites served over HTTP against the example
 * build — one served exactly, one tampered with, one that does not answer.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closedPort } from './support/closed-port.ts';
import { runScript } from './support/run-script.ts';
import { serveStatic, type StaticServer } from './support/static-server.ts';

let siteDir: string;
let work: string;
let exact: StaticServer;
let tampered: StaticServer;
let buildId: string;
let files: number;

const verify = (...args: string[]) => runScript('verify', ['--out', siteDir, ...args]);

beforeAll(async () => {
  siteDir = inject('siteDir');
  const manifest = JSON.parse(readFileSync(join(siteDir, 'lifeboat-manifest.json'), 'utf8'));
  buildId = manifest.buildId;
  files = Object.keys(manifest.files).length + 1;
  work = mkdtempSync(join(tmpdir(), 'lifeboat-verify-'));
  cpSync(siteDir, join(work, 'site'), { recursive: true });
  const page = join(work, 'site/runbooks/dns-failover/index.html');
  writeFileSync(page, readFileSync(page, 'utf8').replace('</main>', '<p>injected</p></main>'));
  rmSync(join(work, 'site/pagefind/pagefind.js'));
  exact = await serveStatic(siteDir);
  tampered = await serveStatic(join(work, 'site'));
});

afterAll(async () => {
  await exact?.close();
  await tampered?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('lifeboat verify', () => {
  it('passes a site that serves exactly the build, in one line per site', async () => {
    const result = await verify('--url', `${exact.url}/`);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^OK    ${exact.url}/  all ${files} files match build ${buildId} — [\\d.]+ s\\nEvery site serves build ${buildId} \\(commit \\w{12}\\) exactly\\.\\n$`));
  });

  it('names each file that differs and how, and exits 1', async () => {
    const result = await verify('--url', exact.url, '--url', tampered.url);
    expect(result.code).toBe(1);
    const lines = result.stdout.replace(/ — [\d.]+ s/g, ' — T').replace(new RegExp(buildId, 'g'), 'BUILD').split('\n');
    expect(lines).toEqual([
      `OK    ${exact.url}/  all ${files} files match build BUILD — T`,
      `FAIL  ${tampered.url}/  2 of ${files} files differ (1 missing, 1 content) — serving build BUILD, expected BUILD — T`,
      '        /pagefind/pagefind.js              missing        HTTP 404',
      '        /runbooks/dns-failover/index.html  content        differs from every version the site names',
      expect.stringMatching(/^1 of 2 sites does not serve build BUILD \(commit \w{12}\) exactly\.$/),
      '',
    ]);
  });

  it('reports a site that does not answer in one line, not once per file', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/`;
    const result = await verify('--url', url);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(new RegExp(`^FAIL  ${url}  unreachable \\(fetch failed: ECONNREFUSED\\) — [\\d.]+ s\\n1 of 1 site does not serve`));
  });

  it('prints the same as JSON for machines', async () => {
    const result = await verify('--url', tampered.url, '--format', 'json');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ version: 1, ok: false, build: { buildId }, sites: [{ ok: false, url: `${tampered.url}/`, checked: files, servedBuild: { buildId } }] });
    expect(report.sites[0].problems.map((p: { path: string; kind: string }) => `${p.kind} ${p.path}`)).toEqual(['missing /pagefind/pagefind.js', 'content /runbooks/dns-failover/index.html']);
  });

  it('refuses what is not an http(s) URL, with exit 2', async () => {
    const result = await verify('--url', 's3://runbooks');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--url  error  VerifyUrlInvalid\n  "s3://runbooks" is not an http:// or https:// URL, so it cannot be verified.');
    expect((await verify()).stderr).toMatch(/^Name at least one --url\./);
  });
});
