/**
 * The build's last word on private runbooks, run once Astro has written the pages and before
 * anything reads them (the search index, the offline edition, the hashes): each private page's
 * runbook block is sealed into a payload file and replaced by the unlock placeholder, and each
 * audience gets a keyring and a search file (see sealPrivatePages). The rest of such a page was rendered generic
 * ("Private runbook", no table of contents, not indexed), so what remains in clear is the site's
 * chrome. Content keys are new in every build: an old page cannot be opened with a new key.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { balancedDiv, stepSections } from '../offline/extract-runbook.ts';
import { generateContentKey, sealKeyring, sealPayload } from './seal.ts';
import { KEYRINGS_DIR, lockedBlock, SEARCH_KEY, searchContext, type PayloadText, type PrivateSearchText } from './sealed-page.ts';

export { KEYRINGS_DIR, SEARCH_KEY, type PayloadText, type PrivateSearchText } from './sealed-page.ts';

export interface PrivatePage {
  id: string;
  title: string;
  slug: string;
  audiences: string[];
}


const BLOCK = '<div class="lb-runbook"';

/**
 * Seals the private pages in `dir` and writes the keyrings and search files.
 *
 * Keyrings go in a folder named after their own hash, `private/<hash>/<audience>.json`, with the
 * sealed pages beside them (`private/<hash>/<slug>.json`), and each page names that folder: a page and the keyring holding its key always come from the same build,
 * whatever order a deploy uploads them in (the deploy counts them as pages, so the previous
 * build's keyrings, sealed with a passphrase that may have been changed, are deleted with its
 * pages). Search files stay at `private/<audience>.search.json`: their key is in the keyring, and
 * a search file of another build only finds nothing until the reload.
 */
export async function sealPrivatePages(
  dir: string,
  pages: readonly PrivatePage[],
  passphrases: ReadonlyMap<string, string>,
  options: { base?: string; iterations?: number } = {},
): Promise<{ pages: number; audiences: number }> {
  const base = (options.base ?? '/').replace(/\/$/, '');
  const keys = new Map<string, CryptoKey>();
  const texts = new Map<string, PrivateSearchText['runbooks'][number]>();
  const sealed: { file: string; html: string; start: number; end: number; page: PrivatePage; payload: string }[] = [];
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
    sealed.push({ file, html, start, end: start + block.length, page, payload: JSON.stringify(await sealPayload(key, JSON.stringify(text), { context: page.slug })) });
  }
  // Every audience gets a keyring and a search file, even one that reads nothing yet: which
  // audiences read what stays unknown. The search file is sealed under a key of its own, kept in
  // the keyring: one unlock opens the audience's pages and its search.
  const keyrings = new Map<string, string>();
  await mkdir(join(dir, KEYRINGS_DIR), { recursive: true });
  for (const [audience, passphrase] of passphrases) {
    const mine = pages.filter((p) => p.audiences.includes(audience));
    const searchKey = await generateContentKey();
    const search: PrivateSearchText = { v: 1, runbooks: mine.map((p) => texts.get(p.slug)!) };
    await writeFile(join(dir, KEYRINGS_DIR, `${audience}.search.json`), JSON.stringify(await sealPayload(searchKey, JSON.stringify(search), { context: searchContext(audience) })));
    const readable = new Map([...mine.map((p) => [p.slug, keys.get(p.slug)!] as const), [SEARCH_KEY, searchKey] as const]);
    keyrings.set(audience, JSON.stringify(await sealKeyring(passphrase, readable, options.iterations ? { iterations: options.iterations } : {})));
  }
  const version = createHash('sha256').update([...keyrings].map(([a, k]) => `${a}\0${k}`).join('\0')).digest('hex').slice(0, 16);
  await mkdir(join(dir, KEYRINGS_DIR, version), { recursive: true });
  for (const [audience, keyring] of keyrings) await writeFile(join(dir, KEYRINGS_DIR, version, `${audience}.json`), keyring);
  const folder = `${base}/${KEYRINGS_DIR}/${version}/`;
  // Each payload beside the keyrings, where the page fetches it once a key is at hand: ciphertext
  // does not compress, and a locked page's first load would carry it all for nothing.
  for (const { file, html, start, end, page, payload } of sealed) {
    await writeFile(join(dir, KEYRINGS_DIR, version, `${page.slug}.json`), payload);
    await writeFile(file, html.slice(0, start) + lockedBlock(page, { keyrings: folder }) + html.slice(end));
  }
  return { pages: pages.length, audiences: passphrases.size };
}
