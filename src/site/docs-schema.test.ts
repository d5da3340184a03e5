import { docsSchema } from '@astrojs/starlight/schema';
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { memoizedDocsSchema } from './docs-schema.ts';

type Context = Parameters<ReturnType<typeof docsSchema>>[0];

// What <StarlightPage> passes: a new helper on every call, with the same source text.
const pageContext = () => ({ image: () => z.custom((value) => typeof value === 'object' && value !== null && 'src' in value, 'Expected ImageMetadata') }) as unknown as Context;
// What a content collection passes: a helper of its own.
const collectionContext = { image: () => z.string() } as unknown as Context;

describe('memoizedDocsSchema', () => {
  it('builds the schema once for every page and once for the collection', () => {
    let builds = 0;
    const real = docsSchema();
    const schema = memoizedDocsSchema((context) => {
      builds++;
      return real(context);
    });
    const first = schema(pageContext());
    for (let i = 0; i < 50; i++) expect(schema(pageContext())).toBe(first);
    const collection = schema(collectionContext);
    expect(collection).not.toBe(first);
    expect(schema(collectionContext)).toBe(collection);
    expect(builds).toBe(2);
  });

  it('validates exactly as a schema built on each call', async () => {
    const memo = memoizedDocsSchema();
    const fresh = docsSchema();
    const frontmatter = { title: 'Fail payments over', description: 'DR', editUrl: false, pagefind: true, banner: { content: 'Facts are 3 days old' } };
    for (let i = 0; i < 3; i++) expect(await memo(pageContext()).parseAsync(frontmatter)).toEqual(await fresh(pageContext()).parseAsync(frontmatter));
    const bad = { title: 42 };
    expect((await memo(pageContext()).safeParseAsync(bad)).success).toBe(false);
    expect((await memo(pageContext()).safeParseAsync({ title: 'Hero', hero: { image: { file: 'nope' } } })).success).toBe(false);
  });
});
