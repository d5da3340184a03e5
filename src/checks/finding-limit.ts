/**
 * A cap on how many findings of one code one file lists. A hostile runbook (one command naming
 * 120,000 namespaces) against a hostile cluster (150,000 of them) made ~120,000 findings: ~1 GB
 * of memory to hold and print, and nobody reads them. Past the cap, findings are counted instead
 * of made, and one `FindingsNotListed` says how many were left out.
 */
import { createIssue } from '../errors/create-issue.ts';
import type { ErrorCode } from '../errors/errors-data.ts';
import type { Issue } from '../errors/issue.ts';

/** Findings of one code listed per file. */
export const MAX_FINDINGS_PER_CODE = 1_000;

export interface FindingLimit {
  /** Whether a finding with `code` in `file` is still listed (and counts it either way). */
  admit(file: string, code: ErrorCode): boolean;
  /** One `FindingsNotListed` per file and code that went past the cap, except codes turned off. */
  summaries(isOff: (code: string) => boolean): Issue[];
}

export function createFindingLimit(max = MAX_FINDINGS_PER_CODE): FindingLimit {
  const counts = new Map<string, { file: string; code: ErrorCode; count: number }>();
  return {
    admit(file, code) {
      const key = `${file}\0${code}`;
      let entry = counts.get(key);
      if (!entry) counts.set(key, (entry = { file, code, count: 0 }));
      return ++entry.count <= max;
    },
    summaries(isOff) {
      return [...counts.values()]
        .filter((e) => e.count > max && !isOff(e.code))
        .map((e) => createIssue('FindingsNotListed', { file: e.file }, { code: e.code, unlisted: e.count - max, listed: max }));
    },
  };
}
