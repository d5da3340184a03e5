import { describe, expect, it } from 'vitest';
import { classifyFile } from '../deploy/file-kinds.ts';
import type { LocalFile } from '../deploy/local-site.ts';
import { compareFile, type ServedFile } from './compare-file.ts';

const file = (path: string): LocalFile => ({ path, sha256: 'new', md5: 'm', bytes: 1, file: `/dist${path}`, ...classifyFile(path) });
const page = file('/runbooks/a/index.html');
const asset = file('/_astro/app.abc123.js');
const ok: ServedFile = { status: 200, sha256: 'new', contentType: 'text/html; charset=utf-8', cacheControl: 'public, max-age=0, must-revalidate' };
const problems = (expected: LocalFile, served: Partial<ServedFile>, manifest?: { buildId: string; files: Record<string, { sha256: string; bytes: number }> }) =>
  compareFile(expected, { ...ok, ...served }, manifest).map((p) => `${p.kind}: ${p.detail}`);

describe('compareFile', () => {
  it('accepts the exact bytes with an equivalent Content-Type', () => {
    expect(problems(page, { contentType: 'TEXT/HTML' })).toEqual([]);
    expect(problems(page, { cacheControl: 'no-cache' })).toEqual([]);
    expect(problems(asset, { contentType: 'application/javascript; charset=utf-8', cacheControl: null })).toEqual(['content-type: Content-Type is application/javascript, expected text/javascript']);
  });

  it('says when a file is still from the build the site says it serves', () => {
    const previous = { buildId: 'old1', files: { '/runbooks/a/index.html': { sha256: 'old', bytes: 1 } } };
    expect(problems(page, { sha256: 'old' }, previous)).toEqual(['content: still from build old1']);
    expect(problems(page, { sha256: 'tampered' }, previous)).toEqual(['content: differs from every version the site names']);
  });

  it('flags long caching of files that change in place, not of hashed assets', () => {
    expect(problems(page, { cacheControl: 'public, max-age=31536000, immutable' })).toEqual([
      'cache-control: Cache-Control "public, max-age=31536000, immutable" keeps readers on an old version; expected revalidation (public, max-age=0, must-revalidate)',
    ]);
    expect(problems(page, { cacheControl: 'max-age=60, s-maxage=86400' })).toHaveLength(1);
    expect(problems(page, { cacheControl: 'max-age=600' })).toEqual([]);
    expect(problems(asset, { contentType: 'text/javascript', cacheControl: 'public, max-age=31536000, immutable' })).toEqual([]);
  });

  it('tells a missing file from a site that failed to answer', () => {
    expect(problems(page, { status: 404 })).toEqual(['missing: HTTP 404']);
    expect(problems(page, { status: 403 })).toEqual(['missing: HTTP 403']);
    expect(problems(page, { status: 502 })).toEqual(['unreachable: HTTP 502']);
    expect(problems(page, { status: 0, error: 'fetch failed: ECONNRESET' })).toEqual(['unreachable: fetch failed: ECONNRESET']);
  });
});
