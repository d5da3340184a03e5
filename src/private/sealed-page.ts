/**
 * What the build publishes of a private runbook, shared by the build (seal-pages.ts) and the
 * scripts that read it (the web page's unlock, the single-file edition, which rebuilds the same
 * locked block from the payload it carries). No DOM and no Node here: both sides bundle it.
 */

/** What the page's unlock code decrypts (src/site/client/private-unlock.ts). */
export interface PayloadText {
  v: 1;
  id: string;
  title: string;
  /** The runbook block as the public page would have it. */
  html: string;
}

/** What an audience's search file decrypts to: the text of each private runbook it may read, step by step. */
export interface PrivateSearchText {
  v: 1;
  runbooks: { slug: string; title: string; steps: { anchor: string; title: string; text: string }[] }[];
}

/** The folder of the keyrings and search files in the output: `private/<hash>/<audience>.json` (with the sealed pages, `<slug>.json`), `private/<audience>.search.json`. */
export const KEYRINGS_DIR = 'private';
/**
 * The keyring entry of an audience's search key, beside the pages' keys (by slug). Not a slug:
 * slugs are ids or base32, neither of which starts with "#".
 */
export const SEARCH_KEY = '#search';
/** What an audience's search file is bound to (the additional data of its seal), as a page is to its slug. */
export const searchContext = (audience: string) => `search:${audience}`;

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The placeholder a private runbook shows until unlocked. On the web, `keyrings` is the folder the
 * page fetches its keyrings and its sealed payload (`<slug>.json`) from; the single-file edition
 * fetches nothing, so it passes the `payload` (the sealed page's JSON) to travel inside the block.
 */
export function lockedBlock(page: { slug: string; audiences: readonly string[] }, where: { keyrings?: string; payload?: string }): string {
  const who = page.audiences.map((a) => `<strong>${escape(a)}</strong>`).join(' or ');
  const folder = where.keyrings === undefined ? '' : ` data-keyrings="${escape(where.keyrings)}"`;
  return (
    `<div class="lb-locked not-content" data-lb-locked data-slug="${escape(page.slug)}" data-audiences="${escape(JSON.stringify(page.audiences))}"${folder}>` +
    `<p class="lb-locked-note">This runbook is private: its text is encrypted. Unlock it with the passphrase of ${who}.</p>` +
    '<noscript><p>Unlocking needs JavaScript, which is off. Use a browser with JavaScript, or the printed binder if your team keeps a private one.</p></noscript>' +
    // JSON of base64 and fixed words has no "<"; escaped anyway, so no payload can end its script.
    (where.payload === undefined ? '' : `<script type="application/json" data-lb-payload>${where.payload.replace(/</g, '\\u003c')}</script>`) +
    '</div>'
  );
}

/** The search text in an opened search file, or `undefined` when it is not one. */
export function parsePrivateSearchText(text: string): PrivateSearchText | undefined {
  try {
    const parsed = JSON.parse(text) as Partial<PrivateSearchText>;
    if (parsed.v !== 1 || !Array.isArray(parsed.runbooks)) return undefined;
    const runbooks = parsed.runbooks.filter(
      (r) => typeof r?.slug === 'string' && typeof r.title === 'string' && Array.isArray(r.steps) && r.steps.every((s) => typeof s?.anchor === 'string' && typeof s.title === 'string' && typeof s.text === 'string'),
    );
    return { v: 1, runbooks };
  } catch {
    return undefined;
  }
}
