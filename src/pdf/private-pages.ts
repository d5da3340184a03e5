/**
 * `lifeboat pdf --include-private`: the private runbooks' pages as they read once unlocked, for
 * the print browser to serve from memory (print-browser.ts `serve`). Each sealed page is opened
 * with the passphrase of one of its audiences (from the environment or `passphraseFile`, as the
 * build reads them) and its locked block put back into the runbook block it was sealed from, so
 * the binder prints exactly what the unlocked page shows. Nothing decrypted is ever written to disk.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { balancedDiv } from '../offline/extract-runbook.ts';
import { extractLocked } from '../offline/edition-private.ts';
import { escapeHtml } from '../site/markdown.ts';
import { openPayload, unlock } from '../private/open.ts';
import type { PayloadText } from '../private/sealed-page.ts';

const LOCKED = '<div class="lb-locked';
const HEADING = /(<h1 id="_top"[^>]*>)[\s\S]*?(<\/h1>)/;

export type OpenedPages = { pages: Map<string, string> } | { problem: string };

export async function openPrivatePages(dir: string, paths: readonly string[], passphrases: ReadonlyMap<string, string>): Promise<OpenedPages> {
  const keyrings = new Map<string, Promise<Map<string, CryptoKey> | undefined>>();
  const keysOf = (folder: string, audience: string) => {
    const key = `${folder}${audience}`;
    if (!keyrings.has(key)) {
      keyrings.set(
        key,
        (async () => {
          const passphrase = passphrases.get(audience);
          if (passphrase === undefined) return undefined;
          const unlocked = await unlock(passphrase, JSON.parse(await readFile(join(dir, folder, `${audience}.json`), 'utf8')));
          return unlocked.ok ? unlocked.keys : undefined;
        })().catch(() => undefined),
      );
    }
    return keyrings.get(key)!;
  };
  const pages = new Map<string, string>();
  for (const path of paths) {
    const html = await readFile(join(dir, path, 'index.html'), 'utf8');
    const locked = extractLocked(html, dir);
    if (!locked?.keyrings) return { problem: `${path} is not a sealed page of this build` };
    let text: PayloadText | undefined;
    for (const audience of locked.audiences) {
      const key = (await keysOf(locked.keyrings, audience))?.get(locked.slug);
      const opened = key && (await openPayload(key, locked.payload, locked.slug));
      if (opened && opened.ok) {
        text = JSON.parse(opened.text) as PayloadText;
        break;
      }
    }
    if (!text) return { problem: `the private runbook at ${path} opens with none of the passphrases given (it is for ${locked.audiences.join(', ')})` };
    const start = html.indexOf(LOCKED);
    const block = balancedDiv(html, start);
    pages.set(path, (html.slice(0, start) + text.html + html.slice(start + block.length)).replace(HEADING, `$1${escapeHtml(text.title)}$2`));
  }
  return { pages };
}
