/**
 * The Content-Security-Policy `<meta>` of every page and of the offline edition (issue 28).
 *
 * A second line of defence behind the Markdown sanitizer: if anything from a runbook ever reaches
 * a page as markup, it cannot run. The pages' policy is the header docs/publishing.md recommends
 * (a browser test keeps the two equal), with two differences a `<meta>` needs:
 * - `'unsafe-inline'` in script-src becomes the hash of the one inline script Lifeboat writes
 *   (the theme, set before the first paint). A host that also sends the recommended header keeps
 *   working: both policies apply and the stricter one decides. The header itself keeps
 *   `'unsafe-inline'` so that it does not have to change with every Lifeboat version.
 * - `frame-ancestors` is left out: browsers ignore it in a `<meta>` (and say so in the console).
 *   Send it as a header.
 */
import { createHash } from 'node:crypto';
import { THEME_SCRIPT } from './theme-script.ts';

/** The header docs/publishing.md recommends, directive by directive. */
export const RECOMMENDED_CSP =
  "default-src 'self'; script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/** The CSP source that allows exactly this inline script. */
export function scriptHash(code: string): string {
  return `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`;
}

/** The policy of the site's pages, for a `<meta http-equiv>`. */
export function pagePolicy(header = RECOMMENDED_CSP, inlineScripts: readonly string[] = [THEME_SCRIPT]): string {
  return header
    .split(/\s*;\s*/)
    .filter((directive) => directive && !directive.startsWith('frame-ancestors'))
    .map((directive) =>
      directive.startsWith('script-src ') ? directive.replace(" 'unsafe-inline'", ` ${inlineScripts.map(scriptHash).join(' ')}`) : directive,
    )
    .join('; ');
}

/**
 * The offline edition's policy: one self-contained file, often opened from `file://`, where
 * `'self'` means nothing dependable. It needs nothing outside itself, so it may load nothing:
 * its one script by hash, its inline styles, and `data:` images.
 */
export function offlinePolicy(script: string): string {
  return `default-src 'none'; script-src ${scriptHash(script)}; style-src 'unsafe-inline'; img-src data:; object-src 'none'; base-uri 'none'; form-action 'none'`;
}
