/**
 * Runs inside the print page (passed to `page.evaluate`, so it must not use anything from its
 * module scope). Fetches every built runbook page, lets the browser parse it, and keeps the
 * rendered runbook (title + body) aside for `placeRunbooks`: the binder prints the HTML the
 * site build rendered, it never renders a runbook a second time.
 */

/** What the binder needs to know about one built runbook page. */
export interface CollectedRunbook {
  /** Site path, e.g. `/runbooks/dns-failover/`. */
  path: string;
  id: string;
  title: string;
  service: string;
  tier: number;
  /** Public URL of the page, when the site was built with one (`site` setting). */
  url?: string;
}

/** What `collectRunbookPages` read from the built pages. */
export interface CollectedPages {
  runbooks: CollectedRunbook[];
  /** Pages that are not runbook pages after all (hand-edited output): path and what is missing. */
  problems: string[];
  siteTitle: string;
  /** Stylesheets of the site, in page order. */
  stylesheets: string[];
}

/**
 * Fetches and parses `paths`. With `keep`, each runbook's title and body stay on
 * `window.lifeboatPages` for `placeRunbooks`; without, only the facts are returned.
 */
export async function collectRunbookPages({ paths, keep }: { paths: string[]; keep: boolean }): Promise<CollectedPages> {
  const kept = new Map<string, { title: Element; body: Element }>();
  if (keep) (window as unknown as { lifeboatPages: typeof kept }).lifeboatPages = kept;
  const runbooks: CollectedRunbook[] = [];
  const problems: string[] = [];
  let siteTitle = '';
  let stylesheets: string[] = [];
  const texts = await Promise.all(
    paths.map(async (path) => {
      const response = await fetch(path);
      return response.ok ? response.text() : '';
    }),
  );
  texts.forEach((html, i) => {
    const path = paths[i]!;
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const title = doc.querySelector('main h1');
    const body = doc.querySelector('.lb-runbook[data-runbook]');
    if (!title || !body) {
      problems.push(`${path} ${html ? 'is not a runbook page' : 'could not be read'}`);
      return;
    }
    if (keep) kept.set(path, { title, body });
    const data = (body as HTMLElement).dataset;
    const url = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined;
    runbooks.push({ path, id: data.runbook!, title: title.textContent!.trim(), service: data.service ?? '', tier: Number(data.tier ?? 3), url });
    if (!stylesheets.length) {
      siteTitle = doc.querySelector('.site-title')?.textContent?.trim() ?? '';
      stylesheets = [...doc.querySelectorAll('link[rel="stylesheet"]')].map((l) => l.getAttribute('href')!);
    }
  });
  return { runbooks, problems, siteTitle, stylesheets };
}
