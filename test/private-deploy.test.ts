/**
 * Issue 24: changing a passphrase re-encrypts, and the next deploy takes the old ciphertext away.
 * The private project (test/support/private-project.ts) is built twice, the second time with the
 * sre audience's passphrase changed, and both builds are deployed in turn to one bucket of a real
 * local S3 server. Afterwards the old passphrase opens nothing that is served, the new one opens
 * the served pages, and the keyrings of the first build are gone. During the deploy the keyrings
 * arrive before the pages that name them (they deploy as new pages).
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPayload, unlock } from '../src/private/open.ts';
import { startLocalS3, S3RVER_ENV, type LocalS3 } from './support/local-s3.ts';
import { runScript } from './support/run-script.ts';
import { PASSPHRASES, privateSlugs, writePrivateProject } from './support/private-project.ts';

const ROTATED = 'a brand new passphrase for sre';
let s3: LocalS3;
let dir: string;
const builds: { out: string; version: string; slug: string }[] = [];

beforeAll(async () => {
  s3 = await startLocalS3();
  const project = writePrivateProject();
  dir = project.dir;
  for (const [name, sre] of [['v1', PASSPHRASES.sre], ['v2', ROTATED]] as const) {
    const out = join(dir, name);
    const built = await runScript('build', ['--config', project.config, '--out', out], { env: { ...project.env, LIFEBOAT_PASSPHRASE_SRE: sre } });
    expect(built.code, built.stderr).toBe(0);
    const version = readdirSync(join(out, 'private')).find((f) => /^[0-9a-f]{16}$/.test(f))!;
    builds.push({ out, version, slug: privateSlugs(out).yaml });
  }
});
afterAll(async () => {
  await s3?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});


describe('a passphrase changed between two deploys', () => {
  it('re-encrypts, serves only the new ciphertext after the next deploy, and uploads keyrings before the pages that name them', async () => {
    const [v1, v2] = builds as [(typeof builds)[0], (typeof builds)[0]];
    // Same address (slugs are keyed by the project's salt, not by passphrases), new keyring folder.
    expect(v2.slug).toBe(v1.slug);
    expect(v2.version).not.toBe(v1.version);

    const root = await s3.createWebsiteBucket('private-site');
    const deploy = (out: string, extra: string[] = []) => runScript('deploy', ['--out', out, '--target', 's3://private-site', '--endpoint', s3.endpoint, ...extra], { env: S3RVER_ENV });
    const first = await deploy(v1.out);
    expect(first.code, first.stderr).toBe(0);
    const get = async (path: string) => {
      const response = await fetch(new URL(path.slice(1), root));
      return { status: response.status, text: await response.text() };
    };
    expect((await get(`/private/${v1.version}/sre.json`)).status).toBe(200);

    // The plan: the new keyrings go up with the new pages, before the changed private pages.
    const plan = await deploy(v2.out, ['--dry-run']);
    expect(plan.code, plan.stderr).toBe(0);
    const newPages = plan.stdout.indexOf(`/private/${v2.version}/sre.json`);
    const changedPage = plan.stdout.indexOf(`/runbooks/${v2.slug}/index.html`);
    expect(newPages).toBeGreaterThan(-1);
    expect(changedPage).toBeGreaterThan(newPages);

    const second = await deploy(v2.out);
    expect(second.code, second.stderr).toBe(0);
    // The first build's keyrings are deleted with its pages.
    expect((await get(`/private/${v1.version}/sre.json`)).status).toBe(404);
    const keyring = JSON.parse((await get(`/private/${v2.version}/sre.json`)).text);
    expect(await unlock(PASSPHRASES.sre, keyring)).toMatchObject({ ok: false, reason: 'wrong-passphrase' });
    const opened = await unlock(ROTATED, keyring);
    if (!opened.ok) throw new Error(opened.message);
    const served = await get(`/runbooks/${v2.slug}/`);
    expect(served.text).toContain(`data-keyrings="/private/${v2.version}/"`);
    const payload = JSON.parse((await get(`/private/${v2.version}/${v2.slug}.json`)).text);
    expect(await openPayload(opened.keys.get(v2.slug)!, payload, v2.slug)).toMatchObject({ ok: true });
    expect((await get(`/private/${v1.version}/${v1.slug}.json`)).status).toBe(404);
    // The old build's keys, which the old passphrase opens, open nothing that is served now.
    const old = await unlock(PASSPHRASES.sre, JSON.parse(readFileSync(join(v1.out, 'private', v1.version, 'sre.json'), 'utf8')));
    if (!old.ok) throw new Error(old.message);
    expect(await openPayload(old.keys.get(v1.slug)!, payload, v1.slug)).toMatchObject({ ok: false, reason: 'damaged' });
  });
});
