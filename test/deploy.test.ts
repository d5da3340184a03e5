/**
 * `lifeboat deploy` and `lifeboat verify` end to end, on real builds of the example site, against
 * real S3 servers (s3rver) on 127.0.0.1. A counting proxy in front of the server sees every request
 * the deploy makes, so "uploads nothing" and "uploads only what changed" are measured, not assumed.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuildManifest } from '../src/build/build-manifest.ts';
import { startLocalS3, S3RVER_ENV, type LocalS3 } from './support/local-s3.ts';
import { closedPort } from './support/closed-port.ts';
import { checkPagesLoad } from './support/page-loads.ts';
import { REPO, runScript } from './support/run-script.ts';
import { startS3Proxy } from './support/s3-proxy.ts';

let s3: LocalS3;
let work: string;
/** The example site, and the same site with one step reworded. */
const v1 = { dir: '', manifest: undefined as unknown as BuildManifest };
const v2 = { dir: '', manifest: undefined as unknown as BuildManifest };
const EDITED_PAGE = '/runbooks/dns-failover/index.html';
let buckets = 0;

const readManifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'lifeboat-manifest.json'), 'utf8')) as BuildManifest;
const deploy = (dir: string, args: string[], env: Record<string, string | undefined> = S3RVER_ENV) => runScript('deploy', ['--out', dir, ...args], { env });
const verify = (dir: string, ...urls: string[]) => runScript('verify', ['--out', dir, ...urls.flatMap((url) => ['--url', url])]);
/** A fresh website bucket on the shared server: its name and its site root URL. */
async function freshBucket() {
  const name = `site-${++buckets}`;
  return { name, root: await s3.createWebsiteBucket(name) };
}
/** Site paths the deploy wrote, from the proxy's record (its own `_lifeboat/` state left out). */
const written = (writes: { method: string; path: string }[], bucket: string) =>
  writes.filter((w) => w.method === 'PUT' && !w.path.startsWith(`${bucket}/_lifeboat/`)).map((w) => w.path.slice(bucket.length)).sort();

beforeAll(async () => {
  s3 = await startLocalS3();
  work = mkdtempSync(join(tmpdir(), 'lifeboat-deploy-'));
  // The example runbooks, built twice from the same folder with the same identity (build id,
  // time, commit; every footer shows them), the second time with one sentence changed.
  const runbooks = join(work, 'runbooks');
  cpSync(join(REPO, 'runbooks'), runbooks, { recursive: true });
  // MDX runbooks import packages (Starlight's components); let them resolve from out here.
  symlinkSync(join(REPO, 'node_modules'), join(work, 'node_modules'));
  const env = { LIFEBOAT_BUILD_TIME: '2026-11-22T08:00:00.000Z', LIFEBOAT_COMMIT: '0123456789abcdef0123', LIFEBOAT_BUILD_ID: 'same-id' };
  for (const [version, dir] of [[v1, 'v1'], [v2, 'v2']] as const) {
    if (version === v2) {
      const file = join(runbooks, 'edge/dns-failover.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('Never point DNS at a region that does not answer.', 'Never point DNS at a region that does not answer, not even briefly.'));
    }
    version.dir = join(work, dir);
    const built = await runScript('build', ['--runbooks', runbooks, '--out', version.dir], { env });
    expect(built.code, built.stderr).toBe(0);
    version.manifest = readManifest(version.dir);
  }
});

afterAll(async () => {
  await s3?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('a first deploy', () => {
  it('uploads every file with its content type and cache policy, and every page loads with all its assets', async () => {
    const { name, root } = await freshBucket();
    const result = await deploy(v1.dir, ['--target', `s3://${name}`, '--endpoint', s3.endpoint]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const count = Object.keys(v1.manifest.files).length + 1;
    expect(result.stdout).toContain(`uploaded ${count} files`);
    expect(result.stdout).toContain('Deployed build same-id to the target.');

    const headers = async (path: string) => {
      const response = await fetch(new URL(path.slice(1), root));
      await response.arrayBuffer();
      return `${response.status} ${response.headers.get('content-type')} | ${response.headers.get('cache-control')}`;
    };
    const sample = (pattern: RegExp) => Object.keys(v1.manifest.files).find((p) => pattern.test(p))!;
    const kinds = {
      'a runbook page': EDITED_PAGE,
      'the build manifest': '/lifeboat-manifest.json',
      'an Astro script': sample(/^\/_astro\/.*\.js$/),
      'an Astro stylesheet': sample(/^\/_astro\/.*\.css$/),
      'the Pagefind entry': '/pagefind/pagefind-entry.json',
      'the Pagefind runtime': '/pagefind/pagefind.js',
      'Pagefind wasm': '/pagefind/wasm.en.pagefind',
      'a Pagefind fragment': sample(/\.pf_fragment$/),
      'the Pagefind meta': sample(/\.pf_meta$/),
      'the sitemap': '/sitemap-index.xml',
      'robots.txt': '/robots.txt',
    };
    const table = Object.fromEntries(await Promise.all(Object.entries(kinds).map(async ([kind, path]) => [kind, await headers(path)])));
    expect(table).toMatchInlineSnapshot(`
      {
        "Pagefind wasm": "200 application/octet-stream | public, max-age=0, must-revalidate",
        "a Pagefind fragment": "200 application/octet-stream | public, max-age=31536000, immutable",
        "a runbook page": "200 text/html; charset=utf-8 | public, max-age=0, must-revalidate",
        "an Astro script": "200 text/javascript; charset=utf-8 | public, max-age=31536000, immutable",
        "an Astro stylesheet": "200 text/css; charset=utf-8 | public, max-age=31536000, immutable",
        "robots.txt": "200 text/plain; charset=utf-8 | public, max-age=0, must-revalidate",
        "the Pagefind entry": "200 application/json; charset=utf-8 | public, max-age=0, must-revalidate",
        "the Pagefind meta": "200 application/octet-stream | public, max-age=31536000, immutable",
        "the Pagefind runtime": "200 text/javascript; charset=utf-8 | public, max-age=0, must-revalidate",
        "the build manifest": "200 application/json; charset=utf-8 | public, max-age=0, must-revalidate",
        "the sitemap": "200 application/xml; charset=utf-8 | public, max-age=0, must-revalidate",
      }
    `);

    const pages = await checkPagesLoad(root, [v1.manifest]);
    expect(pages.broken).toEqual([]);
    expect(pages.notServed).toEqual([]);
    expect(pages.served.length).toBeGreaterThan(40);
    const checked = await verify(v1.dir, root);
    expect(checked.code).toBe(0);
    expect(checked.stdout).toMatch(new RegExp(`^OK    ${root}  all ${count} files match build ${v1.manifest.buildId} — [\\d.]+ s\\n`));
  });
});

describe('a redeploy', () => {
  it('of the same build uploads nothing and deletes nothing', async () => {
    const { name } = await freshBucket();
    expect((await deploy(v1.dir, ['--target', `s3://${name}`, '--endpoint', s3.endpoint])).code).toBe(0);
    const proxy = await startS3Proxy(s3.endpoint);
    const again = await deploy(v1.dir, ['--target', `s3://${name}`, '--endpoint', proxy.endpoint]);
    await proxy.close();
    expect(again.code).toBe(0);
    expect(proxy.writes()).toEqual([]);
    expect(again.stdout).toContain(`uploaded 0 files (0 B), deleted 0; ${Object.keys(v1.manifest.files).length + 1} unchanged`);
  });

  it('after one runbook changed uploads that page, the search files that changed and the manifest, nothing else', async () => {
    const { name, root } = await freshBucket();
    expect((await deploy(v1.dir, ['--target', `s3://${name}`, '--endpoint', s3.endpoint])).code).toBe(0);
    const proxy = await startS3Proxy(s3.endpoint);
    const result = await deploy(v2.dir, ['--target', `s3://${name}`, '--endpoint', proxy.endpoint]);
    await proxy.close();
    expect(result.code).toBe(0);

    const changed = Object.entries(v2.manifest.files).filter(([path, f]) => v1.manifest.files[path]?.sha256 !== f.sha256).map(([path]) => path);
    expect(written(proxy.writes(), name)).toEqual([...changed, '/lifeboat-manifest.json'].sort());
    // Measured, not assumed: exactly one page, the single-file offline edition (it holds every
    // runbook), Pagefind's files for the page, search's typo vocabulary (the edit added a word),
    // and the service worker (its precache list names hashes).
    expect(changed.filter((p) => p.endsWith('.html'))).toEqual(['/lifeboat-offline.html', EDITED_PAGE]);
    expect(changed.filter((p) => !p.endsWith('.html') && !p.startsWith('/pagefind/'))).toEqual(['/search-vocabulary.json', '/sw.js']);
    // Nothing deleted: the previous search index files stay for pages still open.
    expect(proxy.writes().filter((w) => w.method === 'DELETE')).toEqual([]);
    expect((await verify(v2.dir, root)).code).toBe(0);
    expect((await checkPagesLoad(root, [v2.manifest])).broken).toEqual([]);
  });

  it('with --dry-run prints the plan in upload order and changes nothing', async () => {
    const { name } = await freshBucket();
    expect((await deploy(v1.dir, ['--target', `s3://${name}`, '--endpoint', s3.endpoint])).code).toBe(0);
    const proxy = await startS3Proxy(s3.endpoint);
    const result = await deploy(v2.dir, ['--target', `s3://${name}`, '--endpoint', proxy.endpoint, '--dry-run']);
    await proxy.close();
    expect(result.code).toBe(0);
    expect(proxy.writes()).toEqual([]);
    const plan = result.stdout.split('\n').filter((line) => /^ {4}\S/.test(line)).map((line) => line.trim().replace(/_\w{7,}\./, '_HASH.').replace(/ +/g, ' '));
    // How many index chunks Pagefind rewrites for one edited page depends on its words: count them.
    const added = (dir: string) => Object.keys(v2.manifest.files).filter((p) => p.startsWith(`/pagefind/${dir}/`) && !v1.manifest.files[p]);
    expect(added('index').length).toBeGreaterThan(0);
    expect(plan).toEqual([
      ...added('fragment').map(() => 'assets /pagefind/fragment/en_HASH.pf_fragment (new)'),
      ...added('index').map(() => 'assets /pagefind/index/en_HASH.pf_index (new)'),
      'assets /pagefind/pagefind.en_HASH.pf_meta (new)',
      'files /search-vocabulary.json (changed)',
      'pages /lifeboat-offline.html (changed)',
      `pages ${EDITED_PAGE} (changed)`,
      'search entry /pagefind/pagefind-entry.json (changed)',
      'manifest /lifeboat-manifest.json (changed)',
      'service worker /sw.js (changed)',
    ]);
    expect(result.stdout).toContain('— dry run, nothing changed');
  });
});

describe('several targets', () => {
  it('publishes one build to two independent servers, one of them under a prefix', async () => {
    const other = await startLocalS3();
    try {
      const { name, root } = await freshBucket();
      const mirror = `${await other.createWebsiteBucket('mirror')}lifeboat/`;
      const result = await deploy(v1.dir, ['--target', `s3://${name}`, '--target', `s3://mirror/lifeboat?endpoint=${other.endpoint}`, '--endpoint', s3.endpoint]);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('Deployed build same-id to all 2 targets.');
      const checked = await verify(v1.dir, root, mirror);
      expect(checked.stdout).toContain('Every site serves build same-id (commit 0123456789ab) exactly.');
      expect(checked.code).toBe(0);
      expect((await checkPagesLoad(mirror, [v1.manifest])).broken).toEqual([]);
      expect((await other.keys('mirror')).every((key) => key.startsWith('lifeboat/'))).toBe(true);
    } finally {
      await other.stop();
    }
  });

  it('still publishes to the others when one is down, names it, and exits 1', async () => {
    const downEndpoint = `http://127.0.0.1:${await closedPort()}`;
    const { name, root } = await freshBucket();
    const result = await deploy(v1.dir, ['--target', `s3://down?endpoint=${downEndpoint}`, '--target', `s3://${name}`, '--endpoint', s3.endpoint]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^s3:\/\/down {2}error {2}DeployFailed\n {2}Reading s3:\/\/down failed: .*ECONNREFUSED/);
    expect(result.stderr).toContain('hint: Check the endpoint and the network, then run the same deploy again');
    expect(result.stdout).toContain('Deployed build same-id to 1 of 2 targets; 1 failed (above). Run the same command again to finish.');
    expect((await verify(v1.dir, root)).code).toBe(0);
  });
});

describe('a flaky provider', () => {
  it('gets its failed requests retried with backoff, and the deploy completes', async () => {
    const { name, root } = await freshBucket();
    // The first attempt of every third upload answers 503 SlowDown.
    const failed = new Set<string>();
    let puts = 0;
    const proxy = await startS3Proxy(s3.endpoint, {
      action: (r) => (r.method === 'PUT' && !failed.has(r.path) && ++puts % 3 === 0 && failed.add(r.path) ? 'fail' : 'forward'),
    });
    const result = await deploy(v1.dir, ['--target', `s3://${name}`, '--endpoint', proxy.endpoint]);
    await proxy.close();
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(failed.size).toBeGreaterThan(10);
    expect(result.stdout).toContain(`${failed.size} requests retried`);
    expect((await verify(v1.dir, root)).code).toBe(0);
  });
});

describe('credentials', () => {
  const SECRET_ENV = { ...S3RVER_ENV, AWS_ACCESS_KEY_ID: 'AKIAENVDONOTPRINT0001', AWS_SECRET_ACCESS_KEY: 'env-secret-DO-NOT-PRINT' };

  it('are masked even when a provider quotes them back in an error', async () => {
    const proxy = await startS3Proxy(s3.endpoint, { action: () => 'deny' });
    const result = await deploy(v1.dir, ['--target', 's3://anything', '--endpoint', proxy.endpoint], SECRET_ENV);
    await proxy.close();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('SignatureDoesNotMatch');
    expect(result.stderr).toContain('Credential=***/');
    expect(result.stderr).toContain('hint: Check the credentials and that their policy allows');
    expect(result.stdout + result.stderr).not.toContain('DONOTPRINT');
  });

  it('from a profile are masked too, and never printed in a bad target URL', async () => {
    const credentials = join(work, 'credentials');
    writeFileSync(credentials, '[lifeboat-test]\naws_access_key_id = AKIAPROFILEDONOTPRINT\naws_secret_access_key = profile-secret\n');
    const proxy = await startS3Proxy(s3.endpoint, { action: () => 'deny' });
    const env = { ...S3RVER_ENV, AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined, AWS_SHARED_CREDENTIALS_FILE: credentials, AWS_CONFIG_FILE: join(work, 'none') };
    const denied = await deploy(v1.dir, ['--target', `s3://anything?profile=lifeboat-test&endpoint=${proxy.endpoint}`], env);
    await proxy.close();
    expect(denied.stderr).toContain('Credential=***/');
    expect(denied.stdout + denied.stderr).not.toContain('DONOTPRINT');

    const badTarget = await deploy(v1.dir, ['--target', 's3://Bad_Bucket?endpoint=http://key:pw-DONOTPRINT@127.0.0.1:9'], SECRET_ENV);
    expect(badTarget.code).toBe(2);
    expect(badTarget.stderr).toContain('--target  error  DeployTargetInvalid');
    expect(badTarget.stderr).toContain('"Bad_Bucket" is not a valid bucket name');
    expect(badTarget.stderr).not.toContain('DONOTPRINT');
  });

  it('missing everywhere: says where credentials come from, uploads nothing, exits 2', async () => {
    const env = {
      ...S3RVER_ENV,
      AWS_ACCESS_KEY_ID: undefined,
      AWS_SECRET_ACCESS_KEY: undefined,
      AWS_PROFILE: undefined,
      AWS_SHARED_CREDENTIALS_FILE: join(work, 'none'),
      AWS_CONFIG_FILE: join(work, 'none'),
    };
    const result = await deploy(v1.dir, ['--target', 's3://anything', '--endpoint', s3.endpoint], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('s3://anything  error  DeployCredentialsMissing');
    expect(result.stderr).toContain('AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_PROFILE');
  });
});

describe('a build that cannot be published', () => {
  it('is refused when there is none, with exit 2', async () => {
    const result = await deploy(join(work, 'never-built'), ['--target', 's3://anything', '--endpoint', s3.endpoint]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/lifeboat-manifest\.json {2}error {2}BuildManifestMissing\n {2}The build manifest cannot be used: it does not exist\./);
  });

  it('is refused when a file changed after the build, before anything is uploaded', async () => {
    const copy = join(work, 'tampered');
    cpSync(v1.dir, copy, { recursive: true });
    writeFileSync(join(copy, 'index.html'), '<p>hand-edited</p>');
    const proxy = await startS3Proxy(s3.endpoint);
    const result = await deploy(copy, ['--target', 's3://anything', '--endpoint', proxy.endpoint]);
    await proxy.close();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('index.html  error  BuildOutputChanged');
    expect(result.stderr).toContain('This file does not match the build manifest: it changed after the build. Publishing it would mix two builds — nothing was uploaded.');
    expect(proxy.requests).toEqual([]);
  });

  it('is a usage error without a target', async () => {
    const result = await deploy(v1.dir, []);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^Name at least one --target s3:\/\/BUCKET\[\/PREFIX\]\.\n\nUsage: lifeboat deploy/);
  });
});
