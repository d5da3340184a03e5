/**
 * Private pages leave the sitemap: their addresses are opaque, but a sitemap exists to invite
 * crawlers, and a locked page has nothing to offer them. Starlight's sitemap integration takes no
 * filter, so its files are edited once written.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export async function dropFromSitemap(dir: string, paths: readonly string[]): Promise<void> {
  if (paths.length === 0) return;
  const files = (await readdir(dir)).filter((name) => /^sitemap-\d+\.xml$/.test(name));
  for (const name of files) {
    const xml = await readFile(join(dir, name), 'utf8');
    const kept = xml.replace(/<url><loc>([^<]*)<\/loc>.*?<\/url>/g, (entry, loc: string) => (paths.some((p) => new URL(loc).pathname === p) ? '' : entry));
    if (kept !== xml) await writeFile(join(dir, name), kept);
  }
}
