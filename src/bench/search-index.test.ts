import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { testdir } from '../../test/support/testdir.ts';
import { isIndexFile, measureSearchIndex } from './search-index.ts';

describe('measureSearchIndex', () => {
  it('splits the index, which grows with the pages, from the runtime, which does not', async () => {
    const site = testdir({
      'pagefind/pagefind-entry.json': JSON.stringify({ version: '1.6.0', languages: { en: { hash: 'en_1', wasm: 'en', page_count: 4 } } }),
      'pagefind/index/en_1.pf_index': 'x'.repeat(1000),
      'pagefind/fragment/en_2.pf_fragment': 'x'.repeat(300),
      'pagefind/pagefind.en_1.pf_meta': 'x'.repeat(100),
      'pagefind/pagefind.js': 'x'.repeat(5000),
      'pagefind/wasm.en.pagefind': 'x'.repeat(7000),
    });
    try {
      const size = await measureSearchIndex(site);
      const entryBytes = JSON.stringify({ version: '1.6.0', languages: { en: { hash: 'en_1', wasm: 'en', page_count: 4 } } }).length;
      expect(size).toEqual({ indexBytes: 1400 + entryBytes, runtimeBytes: 12000, files: 6, pages: 4 });
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  });

  it('says there is no index when the site has none', async () => {
    const site = testdir({ 'index.html': '' });
    expect(await measureSearchIndex(site)).toBeUndefined();
    rmSync(site, { recursive: true, force: true });
  });

  it('counts filters as index and the UI bundle as runtime', () => {
    expect(isIndexFile('filter/en_1.pf_filter')).toBe(true);
    expect(isIndexFile('pagefind-ui.js')).toBe(false);
  });
});
