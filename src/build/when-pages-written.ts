/**
 * Work that needs every page written but not the search index: the offline edition and the
 * hashes of the pages. Astro runs the integrations' `astro:build:done` hooks one after another
 * once the pages are written, and Starlight's builds the Pagefind index there (3–5 s at 1,000
 * runbooks, in a process of its own). Started from `astro:build:generated` instead, that work
 * overlaps the index instead of following it.
 */
import type { AstroIntegration } from 'astro';

export interface PagesWritten<T> {
  /** Add to Astro's `build()` call. */
  integration: AstroIntegration;
  /** The work's result: started by the hook, or now if the hook never ran. */
  result(): Promise<T>;
  /** Waits for work already started to stop, whatever its outcome (before discarding its folder). */
  settled(): Promise<void>;
}

export function whenPagesWritten<T>(work: () => Promise<T>): PagesWritten<T> {
  let started: Promise<T> | undefined;
  const start = () => {
    started ??= work();
    // Awaited by result(); until then a failure must not count as unhandled.
    started.catch(() => {});
    return started;
  };
  return {
    integration: { name: 'lifeboat:when-pages-written', hooks: { 'astro:build:generated': () => void start() } },
    result: start,
    settled: async () => {
      await started?.catch(() => {});
    },
  };
}
