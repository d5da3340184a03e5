import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { testdir } from '../../test/support/testdir.ts';
import { cssImports, firstLoad, medianPageLoad, moduleImports, pageAssets, resolveAsset } from './page-weight.ts';

describe('pageAssets', () => {
  it('finds stylesheets (print ones too), scripts and module preloads, not icons or inline scripts', () => {
    const html = `<link rel="shortcut icon" href="/favicon.svg"><link rel=stylesheet href=/_astro/a.css>
      <link href="/_astro/print.css" rel="stylesheet" media="print"><link rel="modulepreload" href="/_astro/m.js">
      <link rel="preload" as="font" href="/f.woff2"><script>inline()</script><script type="module" src='/_astro/p.js'></script>`;
    expect(pageAssets(html)).toEqual(['/_astro/a.css', '/_astro/print.css', '/_astro/m.js', '/_astro/p.js']);
  });
});

describe('moduleImports and cssImports', () => {
  it('follows static imports and re-exports but not dynamic imports', () => {
    expect(moduleImports('import"./a.js";import{b}from"./b.js";export{c}from "./c.js";const d=()=>import("./d.js")')).toEqual(['./a.js', './b.js', './c.js']);
  });

  it('follows @import in both spellings', () => {
    expect(cssImports('@import url("./x.css");@import "y.css";a{color:red}')).toEqual(['./x.css', 'y.css']);
  });
});

describe('resolveAsset', () => {
  it('resolves relative and absolute references on the site, and drops other origins', () => {
    expect(resolveAsset('/runbooks/a/', '../../_astro/x.js')).toBe('/_astro/x.js');
    expect(resolveAsset('/_astro/p.js', './q.js')).toBe('/_astro/q.js');
    expect(resolveAsset('/runbooks/a/', 'https://cdn.example/x.js')).toBeUndefined();
  });
});

describe('firstLoad', () => {
  const site = testdir({
    'runbooks/small/index.html': '<link rel="stylesheet" href="/_astro/s.css"><script type="module" src="/_astro/p.js"></script>',
    'runbooks/middle/index.html': `<link rel="stylesheet" href="/_astro/s.css"><script type="module" src="/_astro/p.js"></script>${'<p>step</p>'.repeat(20)}`,
    'runbooks/large/index.html': `<script type="module" src="/_astro/p.js"></script>${'<p>step</p>'.repeat(200)}`,
    'runbooks/index.html': 'the list of runbooks, not a runbook page',
    '_astro/s.css': '@import "./t.css"; body { margin: 0 }',
    '_astro/t.css': 'p { color: black }',
    '_astro/p.js': 'import "./q.js"; import "/pagefind/pagefind.js"; const lazy = () => import("./ui.js");',
    '_astro/q.js': 'import "./p.js"; export const q = 1;',
  });
  afterAll(() => rmSync(site, { recursive: true, force: true }));

  it('counts the page and each file it loads once, search bundle and lazy chunks left out', async () => {
    const load = await firstLoad(site, '/runbooks/small/');
    expect(load.files.map((f) => f.path)).toEqual(['/runbooks/small/', '/_astro/s.css', '/_astro/t.css', '/_astro/p.js', '/_astro/q.js']);
    expect(load.bytes).toBe(load.files.reduce((n, f) => n + f.bytes, 0));
    expect(load.gzip).toBeGreaterThan(0);
    expect(load.brotli).toBeGreaterThan(0);
  });

  it('measures the runbook page of median HTML size', async () => {
    expect(await medianPageLoad(site)).toMatchObject({ page: '/runbooks/middle/', pages: 3 });
  });
});
