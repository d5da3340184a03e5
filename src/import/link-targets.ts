/**
 * Where a link in an imported page should point. Links between pages of the same import become
 * links to the new runbook pages (`/runbooks/<id>/`), with a heading anchor mapped to the step it
 * became; external links stay; a relative link to something that was not imported cannot work on
 * the site, so the caller keeps its text and reports it.
 */
import { basename, dirname, posix, resolve, sep } from 'node:path';

/** One imported page: its file, its runbook id and its heading anchors → step anchors. */
export interface LinkablePage {
  absolutePath: string;
  id: string;
  anchors: ReadonlyMap<string, string>;
}

/** Where a link goes: unchanged (external), to a new runbook page or step, or nowhere on the site. */
export type LinkTarget = { kind: 'external' } | { kind: 'rewritten'; href: string } | { kind: 'missing'; path: string };

const INDEX_NAMES = new Set(['readme.md', '_index.md', 'index.md']);
const SCHEME = /^[a-z][a-z0-9+.-]*:|^\/\//i;

/** GitHub's and Hugo's heading anchor: lowercase, punctuation dropped, spaces as hyphens. */
export function headingSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .trim()
    .replace(/\s/g, '-');
}

/** Builds the resolver for one import run. */
export function createLinkResolver(pages: readonly LinkablePage[]) {
  const byPath = new Map(pages.map((p) => [p.absolutePath, p]));
  /** Path without `.md` and with index files standing for their folder, with forward slashes. */
  const keyOf = (path: string) => {
    const posixPath = path.split(sep).join('/');
    return INDEX_NAMES.has(basename(posixPath).toLowerCase()) ? dirname(posixPath) : posixPath.replace(/\.(md|markdown)$/i, '');
  };
  const keys = pages.map((p) => ({ key: keyOf(p.absolutePath), page: p }));

  const byRelative = (from: string, path: string) => {
    let decoded = path;
    try {
      decoded = decodeURI(path);
    } catch {
      // A malformed %-escape: look the path up as written.
    }
    const target = resolve(dirname(from), decoded);
    for (const candidate of [target, `${target}.md`, ...[...INDEX_NAMES].map((n) => resolve(target, n))]) {
      const page = byPath.get(candidate) ?? pages.find((p) => p.absolutePath.toLowerCase() === candidate.toLowerCase());
      if (page) return page;
    }
    return undefined;
  };
  /** `/docs/add-runbook` (a site-root link) or a bare Hugo `ref "Name.md"`: match by path suffix. */
  const bySuffix = (path: string) => {
    const wanted = posix.normalize(`/${path}`).replace(/\/+$/, '').replace(/\.(md|markdown|html)$/i, '').toLowerCase();
    const found = keys.filter(({ key }) => key.toLowerCase().endsWith(wanted));
    return found.length === 1 ? found[0]!.page : undefined;
  };

  return (url: string, from: string): LinkTarget => {
    if (SCHEME.test(url)) return { kind: 'external' };
    const [path = '', fragment] = url.split('#', 2) as [string, string | undefined];
    const cleanPath = path.split('?')[0]!;
    const page = cleanPath === '' ? byPath.get(from) : (cleanPath.startsWith('/') ? bySuffix(cleanPath) : byRelative(from, cleanPath) ?? bySuffix(cleanPath));
    if (!page) return { kind: 'missing', path: url };
    const anchor = fragment ? `#${page.anchors.get(fragment.toLowerCase()) ?? fragment}` : '';
    return { kind: 'rewritten', href: cleanPath === '' ? anchor : `/runbooks/${page.id}/${anchor}` };
  };
}

/** Resolves `url` as written in the page at `from`. */
export type LinkResolver = ReturnType<typeof createLinkResolver>;
