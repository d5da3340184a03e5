/**
 * Private runbooks in the single-file edition (issue 24), the build's side. A sealed page has no
 * runbook block to extract: the edition carries what its locked block carries (its opaque slug,
 * its audiences and its sealed payload, byte for byte the page's own) and, since `file://` cannot
 * fetch, every audience's keyring and search file inline. No title, no id, no text: the index
 * lists each as the site does ("Private runbook (sre)"). The page's side is offline-private.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAudiences } from '../private/private-page.ts';
import { KEYRINGS_DIR } from '../private/sealed-page.ts';
import { escapeHtml } from '../site/markdown.ts';
import { lockedLabel } from '../site/navigation.ts';

/** A private runbook as the edition carries it. */
export interface EditionLocked {
  slug: string;
  audiences: string[];
  /** The page's sealed payload (a `PayloadEnvelope`): `openPayload(key, payload, slug)` opens it. */
  payload: unknown;
}

/** The edition's `#lb-private` element: the locked runbooks and each audience's sealed search file. */
export interface EditionPrivate {
  runbooks: EditionLocked[];
  /** Audience → its search file (`private/<audience>.search.json`), sealed. */
  search: Record<string, unknown>;
}

/** The edition's `#lb-keyrings` element: audience → its keyring (`private/<audience>.json`). */
export type EditionKeyrings = Record<string, unknown>;

const OPENING = /<div class="lb-locked[^"]*" data-lb-locked([^>]*)>/;
const PAYLOAD = /<script type="application\/json" data-lb-payload>([\s\S]*?)<\/script>/;
const unescapeAttribute = (text: string) => text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/**
 * The locked block of a sealed page (seal-pages.ts), or `undefined` for any other page; `dir` is
 * the built site, where a web page's payload sits beside its keyrings (`<data-keyrings><slug>.json`).
 */
export function extractLocked(page: string, dir: string): (EditionLocked & { keyrings?: string }) | undefined {
  const opening = OPENING.exec(page);
  if (!opening) return undefined;
  const attribute = (name: string) => {
    const value = new RegExp(` data-${name}="([^"]*)"`).exec(opening[1]!)?.[1];
    return value === undefined ? undefined : unescapeAttribute(value);
  };
  const slug = attribute('slug');
  const keyrings = attribute('keyrings');
  const inline = PAYLOAD.exec(page.slice(opening.index))?.[1]?.replace(/\\u003c/g, '<');
  let payload = inline;
  if (payload === undefined && slug && keyrings) {
    try {
      payload = readFileSync(join(dir, keyrings, `${slug}.json`), 'utf8');
    } catch {
      payload = undefined;
    }
  }
  if (!slug || !payload) throw new Error(`A sealed page's locked block lacks its slug or payload; refusing to write the offline edition.`);
  return { slug, audiences: parseAudiences(attribute('audiences')), payload: JSON.parse(payload), ...(keyrings ? { keyrings } : {}) };
}

/**
 * Every audience's keyring, from the build's keyring folder (`keyrings`, as the pages name it:
 * `/private/<hash>/`, where the sealed pages sit too, told apart by their kind), and every search
 * file, from `<dir>/private/`.
 */
export function readAudienceFiles(dir: string, keyrings = `/${KEYRINGS_DIR}/`): { keyrings: EditionKeyrings; search: Record<string, unknown> } {
  const found: EditionKeyrings = {};
  const search: Record<string, unknown> = {};
  const list = (folder: string) => {
    try {
      return readdirSync(folder).sort();
    } catch {
      return [];
    }
  };
  for (const name of list(join(dir, keyrings))) {
    const match = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.json$/.exec(name);
    if (!match) continue;
    const sealed = JSON.parse(readFileSync(join(dir, keyrings, name), 'utf8')) as { kind?: unknown };
    if (sealed?.kind === 'keyring') found[match[1]!] = sealed;
  }
  for (const name of list(join(dir, KEYRINGS_DIR))) {
    const match = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.search\.json$/.exec(name);
    if (match) search[match[1]!] = JSON.parse(readFileSync(join(dir, KEYRINGS_DIR, name), 'utf8'));
  }
  return { keyrings: found, search };
}

/** JSON for a `<script type="application/json">`: no `<` to end it early. */
export const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/** The index's section of private runbooks, worded as the site's home page words it. */
export function lockedList(runbooks: readonly EditionLocked[]): string {
  if (!runbooks.length) return '';
  const n = runbooks.length;
  return (
    `<h2>Private runbooks</h2><p>${n} runbook${n === 1 ? ' is' : 's are'} encrypted: open one and unlock it with your audience's passphrase. Their titles are part of what is encrypted.</p>` +
    `<ul>${runbooks.map((r) => `<li><a href="#rb-${escapeHtml(r.slug)}">${escapeHtml(lockedLabel(r))}</a></li>`).join('')}</ul>`
  );
}
