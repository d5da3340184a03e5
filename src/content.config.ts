import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { defineCollection } from 'astro:content';
import { runbookLoader } from './site/runbook-loader.ts';

export const collections = {
  /** Starlight's own pages (about, help). Runbooks are not here: they have their own routes. */
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
  /** Every runbook, validated by Lifeboat's loader (YAML and MDX side by side). */
  runbooks: defineCollection({ loader: runbookLoader() }),
};
