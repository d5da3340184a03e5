import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { i18nSchema } from '@astrojs/starlight/schema';
import { defineCollection } from 'astro:content';
import { memoizedDocsSchema } from './site/docs-schema.ts';
import { runbookLoader } from './site/runbook-loader.ts';

export const collections = {
  /** Starlight's own pages (about, help). Runbooks are not here: they have their own routes. */
  docs: defineCollection({ loader: docsLoader(), schema: memoizedDocsSchema() }),
  /** Starlight UI strings Lifeboat words differently (src/content/i18n/en.json). */
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
  /** Every runbook, validated by Lifeboat's loader (YAML and MDX side by side). */
  runbooks: defineCollection({ loader: runbookLoader() }),
};
