/**
 * Private runbooks in the single-file edition (issue 24), the page's side. The edition carries
 * each one as its web page does, sealed (edition-private.ts); opened at `#rb-<slug>`, the
 * runbook view shows the web page's locked block and runs the web page's own unlock
 * (private-unlock.ts) with the keyrings inline instead of fetched. Keys stay in this page's
 * memory (private-storage.ts keepKeysInMemory: every file:// page of a browser shares one
 * storage), so one unlock opens every runbook of the audience in the file until it is reloaded.
 *
 * Once open, the runbook's ids get the edition's prefix (`rb-<slug>--<id>`, rewriteLinks, as the
 * public runbooks got theirs at build) so its in-page links, step anchors and decision trees work
 * beside the edition's own views; its steps join the edition's search, from the audience's sealed
 * search file opened with the key the keyring holds for it.
 */
import { LOCKED_TITLE, openSearchText, type PrivateRunbook } from '../private/private-page.ts';
import { lockedBlock, SEARCH_KEY } from '../private/sealed-page.ts';
import { initPrivateMode, shareNothing } from '../site/client/private-mode.ts';
import { keepKeysInMemory, remembered } from '../site/client/private-storage.ts';
import type { EditionKeyrings, EditionLocked, EditionPrivate } from './edition-private.ts';
import { prefixed, rewriteLinks } from './extract-runbook.ts';
import type { SearchDoc } from './search-index.ts';

/** A private runbook of this file; `title` once it was opened in this page. */
export interface LockedEntry extends EditionLocked {
  title?: string;
}

/** What the edition's script asks of its private runbooks. */
export interface EditionPrivateRunbooks {
  /** The private runbook at `rb-<slug>`. */
  lookup(slug: string): LockedEntry | undefined;
  /** What the view and the tab are called: the title once opened in this page, else "Private runbook". */
  title(entry: LockedEntry): string;
  /** Puts the locked runbook into `view` and starts its unlock: silent with remembered keys, else the form. */
  render(view: HTMLElement, entry: LockedEntry): void;
  /** The search entries of the private runbooks opened so far (their title, then each step); none before an unlock. */
  searchEntries(): readonly { doc: SearchDoc; text: string }[];
  /**
   * Opens the search file of every audience whose keys this tab remembers and has not opened yet
   * (on start, and after each unlock); `onSearch` is told when runbooks were added.
   */
  openSearch(): void;
}

function json<T>(id: string, fallback: T): T {
  try {
    return (JSON.parse(document.getElementById(id)?.textContent || 'null') as T | null) ?? fallback;
  } catch {
    return fallback;
  }
}

/**
 * The file's private runbooks, keyrings and search files (`#lb-private`, `#lb-keyrings`).
 * `onSearch`: private runbooks joined the search.
 */
export function editionPrivateRunbooks(onSearch: () => void): EditionPrivateRunbooks {
  // Keys stay in this file's memory: every file:// page shares one localStorage (private-storage.ts).
  keepKeysInMemory();
  shareNothing();
  const data = json<Partial<EditionPrivate>>('lb-private', {});
  const bySlug = new Map<string, LockedEntry>();
  for (const runbook of data.runbooks ?? []) if (typeof runbook?.slug === 'string' && Array.isArray(runbook.audiences)) bySlug.set(runbook.slug, runbook);
  const sealedSearch = data.search ?? {};
  const keyrings = json<EditionKeyrings>('lb-keyrings', {});
  const site = document.body.dataset.online;

  const searched = new Set<string>();
  const indexed = new Set<string>();
  const docs: { doc: SearchDoc; text: string }[] = [];
  let opening = Promise.resolve();

  /** True when it added runbooks. One at a time: the start and an unlock may both ask. */
  const openAudiences = async () => {
    let added = false;
    for (const [audience, { keys }] of Object.entries(remembered().audiences)) {
      const raw = keys[SEARCH_KEY];
      if (searched.has(audience) || !raw || !Object.hasOwn(sealedSearch, audience)) continue;
      // Keys of another build do not open it.
      const text = await openSearchText(audience, raw, sealedSearch[audience]);
      if (!text) continue;
      searched.add(audience);
      for (const runbook of text.runbooks) {
        if (!bySlug.has(runbook.slug) || indexed.has(runbook.slug)) continue;
        indexed.add(runbook.slug);
        docs.push({ doc: { anchor: `rb-${runbook.slug}`, runbook: 'private', title: runbook.title }, text: runbook.title });
        for (const step of runbook.steps) docs.push({ doc: { anchor: prefixed(runbook.slug, step.anchor), runbook: runbook.title, title: step.title }, text: step.text });
        added = true;
      }
    }
    return added;
  };
  const openSearch = () => {
    opening = opening.then(openAudiences).then(
      (added) => {
        if (added) onSearch();
      },
      () => undefined,
    );
  };

  return {
    lookup: (slug) => bySlug.get(slug),
    title: (entry) => entry.title ?? LOCKED_TITLE,
    searchEntries: () => docs,
    openSearch,
    render(view, entry) {
      const back = document.createElement('p');
      back.innerHTML = '<a href="#index">All runbooks</a>';
      const heading = document.createElement('h1');
      heading.id = `rb-${entry.slug}`;
      heading.textContent = LOCKED_TITLE;
      const holder = document.createElement('template');
      holder.innerHTML = lockedBlock(entry, { payload: JSON.stringify(entry.payload) });
      view.replaceChildren(back, heading, holder.content);
      initPrivateMode(view, {
        heading,
        urlUpdates: false,
        loadKeyring: (audience) => (Object.hasOwn(keyrings, audience) ? Promise.resolve(keyrings[audience]) : Promise.reject(new Error(`No keyring for ${audience} in this file.`))),
        prepare: (runbook: PrivateRunbook) => ({ ...runbook, html: rewriteLinks(entry.slug, runbook.html, site) }),
        onOpen: (runbook) => {
          entry.title = runbook.title;
          openSearch();
        },
      });
    },
  };
}
