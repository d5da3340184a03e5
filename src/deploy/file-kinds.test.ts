import { describe, expect, it } from 'vitest';
import { classifyFile, mediaType } from './file-kinds.ts';

describe('classifyFile', () => {
  it('gives every kind of file of a build its Content-Type and cache policy', () => {
    const paths = [
      '/runbooks/etcd/index.html',
      '/_astro/page.cNngjUgL.js',
      '/_astro/print.ehPL0gv-.css',
      '/_astro/inter.Bd3f9a.woff2',
      '/lifeboat-manifest.json',
      '/sw.js',
      '/pagefind/pagefind-entry.json',
      '/pagefind/pagefind.en_71a1188082.pf_meta',
      '/pagefind/index/en_5edd2a6.pf_index',
      '/pagefind/fragment/en_41248e6.pf_fragment',
      '/pagefind/filter/en_3a871aa.pf_filter',
      '/pagefind/wasm.en.pagefind',
      '/pagefind/pagefind.js',
      '/pagefind/pagefind-ui.css',
      '/binder.pdf',
      '/favicon.svg',
      '/manifest.webmanifest',
      '/sitemap-index.xml',
      '/robots.txt',
      '/search.wasm',
      '/LICENSE',
    ];
    const table = paths.map((path) => {
      const f = classifyFile(path);
      return `${path.padEnd(44)} ${f.kind.padEnd(14)} ${f.contentType.padEnd(40)} ${f.cacheControl}`;
    });
    expect(table).toMatchInlineSnapshot(`
      [
        "/runbooks/etcd/index.html                    page           text/html; charset=utf-8                 public, max-age=0, must-revalidate",
        "/_astro/page.cNngjUgL.js                     asset          text/javascript; charset=utf-8           public, max-age=31536000, immutable",
        "/_astro/print.ehPL0gv-.css                   asset          text/css; charset=utf-8                  public, max-age=31536000, immutable",
        "/_astro/inter.Bd3f9a.woff2                   asset          font/woff2                               public, max-age=31536000, immutable",
        "/lifeboat-manifest.json                      manifest       application/json; charset=utf-8          public, max-age=0, must-revalidate",
        "/sw.js                                       service-worker text/javascript; charset=utf-8           public, max-age=0, must-revalidate",
        "/pagefind/pagefind-entry.json                search-entry   application/json; charset=utf-8          public, max-age=0, must-revalidate",
        "/pagefind/pagefind.en_71a1188082.pf_meta     asset          application/octet-stream                 public, max-age=31536000, immutable",
        "/pagefind/index/en_5edd2a6.pf_index          asset          application/octet-stream                 public, max-age=31536000, immutable",
        "/pagefind/fragment/en_41248e6.pf_fragment    asset          application/octet-stream                 public, max-age=31536000, immutable",
        "/pagefind/filter/en_3a871aa.pf_filter        asset          application/octet-stream                 public, max-age=31536000, immutable",
        "/pagefind/wasm.en.pagefind                   file           application/octet-stream                 public, max-age=0, must-revalidate",
        "/pagefind/pagefind.js                        file           text/javascript; charset=utf-8           public, max-age=0, must-revalidate",
        "/pagefind/pagefind-ui.css                    file           text/css; charset=utf-8                  public, max-age=0, must-revalidate",
        "/binder.pdf                                  file           application/pdf                          public, max-age=0, must-revalidate",
        "/favicon.svg                                 file           image/svg+xml                            public, max-age=0, must-revalidate",
        "/manifest.webmanifest                        file           application/manifest+json; charset=utf-8 public, max-age=0, must-revalidate",
        "/sitemap-index.xml                           file           application/xml; charset=utf-8           public, max-age=0, must-revalidate",
        "/robots.txt                                  file           text/plain; charset=utf-8                public, max-age=0, must-revalidate",
        "/search.wasm                                 file           application/wasm                         public, max-age=0, must-revalidate",
        "/LICENSE                                     file           application/octet-stream                 public, max-age=0, must-revalidate",
      ]
    `);
  });

  it('compares media types without their parameters', () => {
    expect(mediaType('Text/HTML; charset=UTF-8')).toBe('text/html');
  });
});
