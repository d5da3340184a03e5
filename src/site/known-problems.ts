/**
 * The one line an on-call reads about a runbook's findings: each kind of problem once, by its
 * catalogue title ("StorageClass not found (2)"), errors before warnings. The messages with their
 * file positions stay for the authors (components/RunbookFindings.astro folds them away).
 */
import type { Issue, Severity } from '../errors/issue.ts';
import { describeCode } from '../reporters/catalogue.ts';

/** One kind of problem a runbook has, and how many findings of that kind. */
export interface KnownProblem {
  code: string;
  title: string;
  severity: Severity;
  count: number;
}

/** The kinds of problem in `findings`, in first-seen order within each severity, errors first. */
export function knownProblems(findings: readonly Issue[]): KnownProblem[] {
  const byCode = new Map<string, KnownProblem>();
  for (const f of findings) {
    const known = byCode.get(f.code);
    if (known) {
      known.count++;
      // A code that is an error anywhere is listed as one.
      if (f.severity === 'error') known.severity = 'error';
    } else byCode.set(f.code, { code: f.code, title: describeCode(f.code)?.title ?? f.code, severity: f.severity, count: 1 });
  }
  const all = [...byCode.values()];
  return [...all.filter((p) => p.severity === 'error'), ...all.filter((p) => p.severity !== 'error')];
}
