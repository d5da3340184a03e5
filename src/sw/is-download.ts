/**
 * Which addresses are downloads rather than pages of the site: the single-file edition and the
 * PDFs of `lifeboat pdf`. Shared by the service worker (downloads.ts) and the pages' labels
 * (src/site/client/offline.ts), so the two never disagree about what is kept.
 */
export function isDownload(pathname: string): boolean {
  return /\.pdf$/i.test(pathname) || pathname.endsWith('/lifeboat-offline.html');
}
