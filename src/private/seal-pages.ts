/**
 * The build's last word on private runbooks, run once Astro has written the pages and before
 * anything reads them (the search index, the offline edition, the hashes): each private page's
 * runbook block is replaced by its sealed payload and the unlock placeholder, and each audience's
 * keyring is written to `private/<audience>.json`. The rest of such a page was rendered generic
 * ("Private runbook", no table of contents, not indexed), so what remains in clear is the site's
 * chrome. Content keys are new in every build: an old page cannot be opened with a new key.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { balancedDiv, stepSections } from '../offline/extract-runbook.ts';
import { generateContentKey, sealKeyring, sealPayload } from './seal.ts';
import { KEYRINGS_DIR, lockedBlock, SEARCH_KEY, searchContext, type PayloadText, type PrivateSearchText } from './sealed-page.ts';

export interface PrivatePage {
  id: string;
  title: string;
  slug: string;
  audiences: string[];
}

export { KEYRINGS_DIR, SEARCH_KEY, type PayloadText, type PrivateSearchText } from './sealed-page.ts';

const BLOCK = '<div class="lb-runbook"';

export async function sealPrivatePages(
  dir: string,
  pages: readonly PrivatePage[],
  passphrases: ReadonlyMap<string, string>,
  options: { base?: string; iterations?: number } = {},
): Promise<{ pages: number; audiences: number }> {
  const base = options.base ?? '/';
  const keyrings = `${base.replace(/\/$/, '')}/${KEYRINGS_DIR}/`;
  const keys = new Map<string, CryptoKey>();
  const texts = new Map<string, PrivateSearchText['runbooks'][number]>();
  for (const page of pages) {
    const file = join(dir, 'runbooks', page.slug, 'index.html');
    const html = await readFile(file, 'utf8');
    const start = html.indexOf(BLOCK);
    if (start === -1 || html.indexOf(BLOCK, start + 1) !== -1) throw new Error(`Private page ${file} does not hold exactly one runbook block; refusing to publish it.`);
    // Component scripts inside the block name what the runbook contains (a decision tree…): the
    // unlock code starts those parts itself, as the offline edition does.
    const block = balancedDiv(html, start);
    const text: PayloadText = { v: 1, id: page.id, title: page.title, html: block.replace(/<script type="module" src="[^"]*"><\/script>/g, '') };
    texts.set(page.slug, { slug: page.slug, title: page.title, steps: stepSections(text.html) });
    const key = await generateContentKey();
    keys.set(page.slug, key);
    const envelope = await sealPayload(key, JSON.stringify(text), { context: page.slug });
    await writeFile(file, html.slice(0, start) + lockedBlock(page, JSON.stringify(envelope), keyrings) + html.slice(start + block.length));
  }
  await mkdir(join(dir, KEYRINGS_DIR), { recursive: true });
  // Every audience gets a keyring and a search file, even one that reads nothing yet: which
  // audiences read what stays unknown. The search file is sealed under a key of its own, kept in
  // the keyring: one unlock opens the audience's pages and its search.
  for (const [audience, passphrase] of passphrases) {
    const mine = pages.filter((p) => p.audiences.includes(audience));
    const searchKey = await generateContentKey();
    const search: PrivateSearchText = { v: 1, runbooks: mine.map((p) => texts.get(p.slug)!) };
    await writeFile(join(dir, KEYRINGS_DIR, `${audience}.search.json`), JSON.stringify(await sealPayload(searchKey, JSON.stringify(search), { context: searchContext(audience) })));
    const readable = new Map([...mine.map((p) => [p.slug, keys.get(p.slug)!] as const), [SEARCH_KEY, searchKey] as const]);
    const keyring = await sealKeyring(passphrase, readable, options.iterations ? { iterations: options.iterations } : {});
    await writeFile(join(dir, KEYRINGS_DIR, `${audience}.json`), JSON.stringify(keyring));
  }
  return { pages: pages.length, audiences: passphrases.size };
}
