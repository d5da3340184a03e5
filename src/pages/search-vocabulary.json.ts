/**
 * `/search-vocabulary.json`: the words of every runbook (most frequent first) that the search
 * dialog corrects typos towards. Fetched only when the dialog first opens, so no page carries it;
 * the service worker precaches it with the rest of the site for searching offline.
 */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { runbookSearchText } from '../search/runbook-search-text.ts';
import { synonymGroups } from '../search/synonyms.ts';
import { buildVocabulary } from '../search/vocabulary.ts';
import type { RunbookEntry } from '../site/runbook-entry.ts';
import { siteConfig } from '../site/site-config.ts';

export const GET: APIRoute = async () => {
  const config = siteConfig();
  // Private runbooks' words are part of what is encrypted: a typo list must not spell them.
  const entries = (await getCollection('runbooks')).map((e) => e.data as unknown as RunbookEntry).filter((e) => !e.access);
  const texts = entries.map((e) => runbookSearchText(e, config.cwd));
  return new Response(JSON.stringify(buildVocabulary(texts, synonymGroups(config.search.synonyms))), { headers: { 'Content-Type': 'application/json' } });
};
