/**
 * The text of a runbook as search sees it, for the vocabulary typo correction uses and for the
 * synonyms a page is indexed under: every string of its fields and steps, and for MDX runbooks
 * the source itself (prose between the steps lives only there). Close to what Pagefind indexes
 * from the rendered page; a few extra words (field names, MDX tags) only make correction more
 * willing to leave a word alone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunbookEntry } from '../site/runbook-entry.ts';

export function runbookSearchText(entry: RunbookEntry, cwd: string): string {
  const strings: string[] = [];
  collectStrings(entry.runbook, strings);
  collectStrings(entry.bodySteps, strings);
  if (entry.format === 'mdx') {
    try {
      strings.push(readFileSync(join(cwd, entry.file), 'utf8'));
    } catch {
      // Read at load time a moment ago; if it is gone now, its fields still stand for it.
    }
  }
  return strings.join('\n');
}

/**
 * Fields that hold ids of other runbooks (and of their steps): not words of this runbook, and a
 * private runbook's ids must not reach the public vocabulary through a runbook that links to it.
 */
const OTHER_RUNBOOKS = new Set(['related', 'after', 'runbook', 'goto']);

function collectStrings(value: unknown, into: string[]): void {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) for (const item of value) collectStrings(item, into);
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) if (!OTHER_RUNBOOKS.has(key)) collectStrings(item, into);
}
