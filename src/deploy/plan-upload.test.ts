import { describe, expect, it } from 'vitest';
import type { DeployRecord } from './deploy-record.ts';
import { classifyFile } from './file-kinds.ts';
import type { LocalFile, LocalSite } from './local-site.ts';
import { planUpload, type RemoteState, type UploadPlan } from './plan-upload.ts';

/** A build: path → content (a short string standing for its hash). */
function site(id: string, contents: Record<string, string>): LocalSite {
  const files: LocalFile[] = Object.entries({ ...contents, '/lifeboat-manifest.json': `manifest-${id}` }).map(([path, content]) => ({
    path,
    sha256: `sha-${content}`,
    md5: `md5-${content}`,
    bytes: content.length,
    file: `/dist${path}`,
    ...classifyFile(path),
  }));
  const manifest = { version: 1 as const, buildId: id, commit: 'c', builtAt: 't', facts: {}, staleFacts: [], files: {} };
  return { manifest, id, files };
}

/** The bucket after a complete deploy of each build in turn (the last one served). */
function deployed(...builds: { site: LocalSite; at: string; completed?: boolean }[]): RemoteState {
  const objects: RemoteState['objects'] = new Map();
  const records: DeployRecord[] = [];
  for (const { site: s, at, completed = true } of builds) {
    for (const f of s.files) objects.set(f.path, { etag: f.md5, size: f.bytes });
    const files = Object.fromEntries(s.files.map((f) => [f.path, { sha256: f.sha256, kind: f.kind, contentType: f.contentType, cacheControl: f.cacheControl }]));
    records.push({ version: 1, id: s.id, buildId: s.id, commit: 'c', builtAt: 't', startedAt: at, ...(completed ? { deployedAt: at } : {}), files });
  }
  return { objects, records };
}

const order = (plan: UploadPlan) => plan.phases.flatMap((p) => p.uploads.map((u) => `${p.name}: ${u.file.path} (${u.reason})`));

const V1 = site('v1', {
  '/_astro/app.aaa.js': 'app1',
  '/_astro/site.aaa.css': 'css1',
  '/index.html': 'home1',
  '/runbooks/a/index.html': 'a1',
  '/runbooks/gone/index.html': 'gone1',
  '/pagefind/pagefind-entry.json': 'entry1',
  '/pagefind/pagefind.en_aaa.pf_meta': 'meta1',
  '/robots.txt': 'robots',
  '/sw.js': 'sw1',
});
const V2 = site('v2', {
  '/_astro/app.aaa.js': 'app1',
  '/_astro/site.bbb.css': 'css2',
  '/index.html': 'home2',
  '/runbooks/a/index.html': 'a2',
  '/runbooks/new/index.html': 'new2',
  '/pagefind/pagefind-entry.json': 'entry2',
  '/pagefind/pagefind.en_bbb.pf_meta': 'meta2',
  '/robots.txt': 'robots',
  '/sw.js': 'sw2',
});

describe('planUpload', () => {
  it('uploads everything into an empty bucket: assets, files, pages, search entry, manifest, service worker', () => {
    const plan = planUpload(V1, { objects: new Map(), records: [] }, { keep: 3 });
    expect(order(plan)).toEqual([
      'assets: /_astro/app.aaa.js (new)',
      'assets: /_astro/site.aaa.css (new)',
      'assets: /pagefind/pagefind.en_aaa.pf_meta (new)',
      'files: /robots.txt (new)',
      'new pages: /index.html (new)',
      'new pages: /runbooks/a/index.html (new)',
      'new pages: /runbooks/gone/index.html (new)',
      'search entry: /pagefind/pagefind-entry.json (new)',
      'manifest: /lifeboat-manifest.json (new)',
      'service worker: /sw.js (new)',
    ]);
    expect(plan).toMatchObject({ writeRecordFirst: true, complete: true, deletes: [], dropRecords: [], unchanged: 0 });
  });

  it('plans nothing at all when the bucket already serves this build', () => {
    const plan = planUpload(V1, deployed({ site: V1, at: '1' }), { keep: 3 });
    expect(plan).toMatchObject({ phases: [], writeRecordFirst: false, complete: false, deletes: [], dropRecords: [], unchanged: 10 });
  });

  it('uploads only what changed, new pages before changed ones, and deletes the old page last', () => {
    const plan = planUpload(V2, deployed({ site: V1, at: '1' }), { keep: 3 });
    expect(order(plan)).toEqual([
      'assets: /_astro/site.bbb.css (new)',
      'assets: /pagefind/pagefind.en_bbb.pf_meta (new)',
      'new pages: /runbooks/new/index.html (new)',
      'pages: /index.html (changed)',
      'pages: /runbooks/a/index.html (changed)',
      'search entry: /pagefind/pagefind-entry.json (changed)',
      'manifest: /lifeboat-manifest.json (changed)',
      'service worker: /sw.js (changed)',
    ]);
    // v1's stylesheet and index stay for pages still open; its removed page goes.
    expect(plan).toMatchObject({ deletes: ['/runbooks/gone/index.html'], kept: 2, unchanged: 2, writeRecordFirst: true, complete: true });
  });

  it('re-uploads a file whose content is the same but whose headers were sent differently', () => {
    const remote = deployed({ site: V1, at: '1' });
    remote.records[0]!.files['/robots.txt']!.contentType = 'binary/octet-stream';
    expect(order(planUpload(V1, remote, { keep: 3 }))).toEqual(['files: /robots.txt (headers)']);
  });

  it('re-uploads a file that someone else put there, since its headers are unknown', () => {
    const remote = deployed({ site: V1, at: '1' });
    delete remote.records[0]!.files['/robots.txt'];
    expect(order(planUpload(V1, remote, { keep: 3 }))).toEqual(['files: /robots.txt (headers)']);
  });

  it('keeps the assets of the last `keep` versions, deletes older ones, then drops their records', () => {
    const V3 = site('v3', { '/_astro/site.ccc.css': 'css3', '/index.html': 'home3' });
    const plan = planUpload(V3, deployed({ site: V1, at: '1' }, { site: V2, at: '2' }), { keep: 2 });
    expect(plan.deletes).toEqual([
      '/_astro/site.aaa.css',
      '/pagefind/pagefind-entry.json',
      '/pagefind/pagefind.en_aaa.pf_meta',
      '/runbooks/a/index.html',
      '/runbooks/gone/index.html',
      '/runbooks/new/index.html',
      '/sw.js',
    ]);
    expect(plan.dropRecords).toEqual(['v1']);
    expect(plan.kept).toEqual(4); // v2's app.js, site.bbb.css, pf_meta and robots.txt
  });

  it('counts an interrupted deploy as a version: readers may have loaded its pages', () => {
    // v2 was killed midway (its record has no deployedAt); now v1 is deployed again.
    const plan = planUpload(V1, deployed({ site: V1, at: '1' }, { site: V2, at: '2', completed: false }), { keep: 2 });
    expect(plan.deletes).toEqual(['/runbooks/new/index.html']);
    expect(plan.dropRecords).toEqual([]);
    expect(plan.complete).toBe(true); // v1 becomes the newest version again
  });

  it('leaves alone objects no Lifeboat record owns', () => {
    const remote = deployed({ site: V1, at: '1' });
    remote.objects.set('/uploads/report.pdf', { etag: 'x', size: 1 });
    const plan = planUpload(V2, remote, { keep: 1 });
    expect(plan.deletes).not.toContain('/uploads/report.pdf');
    expect(plan.foreign).toBe(1);
  });

  it('finishes an interrupted deploy of this very build without uploading again', () => {
    // Killed after the manifest and the service worker went up, before the record said so.
    const plan = planUpload(V2, deployed({ site: V1, at: '1' }, { site: V2, at: '2', completed: false }), { keep: 3 });
    expect(plan).toMatchObject({ phases: [], writeRecordFirst: false, complete: true, deletes: ['/runbooks/gone/index.html'] });
  });
});
