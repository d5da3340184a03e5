/**
 * What a heading is for, from the words the common runbook layouts use: the alert layout
 * (Meaning, Impact, Diagnosis, Mitigation), the support layout (Symptoms, Causes, Resolution), the
 * SOP layout (Description, Actions) and procedure pages (Prerequisites, Procedure, Verify,
 * Rollback). A heading with no such word inherits the role of the heading it sits under.
 */
import type { StepSection } from '../schema/runbook.ts';
import type { Chunk } from './outline.ts';

/** `context`: reading material (prose, not a step); otherwise the Lifeboat section it maps to. */
export type SectionRole = 'context' | StepSection;

/** Exact section names, after numbering and punctuation are stripped. */
const NAMED: Record<string, SectionRole> = {};
const name = (role: SectionRole, names: string) => names.split(',').forEach((n) => (NAMED[n.trim()] = role));
name('context', 'meaning, impact, description, alert description, summary, overview, symptoms, symptom, background, reason, causes, cause, context, about, introduction, purpose, scope, full context, details, recovery definition, observability');
name('prechecks', 'diagnosis, diagnostics, diagnose, troubleshooting, troubleshoot, investigation, triage, debugging, prerequisites, prerequisite, requirements, preparation, before you begin, before you start, pre checks, prechecks, preflight, preflight checks, pre flight checks');
name('steps', 'mitigation, mitigations, resolution, remediation, procedure, procedures, actions, action, fix, procedure to fix, solution, workaround, recovery, steps, recommended actions, possible corrective actions, corrective actions, how to fix');
name('verify', 'verify, verification, validation, validate, post checks, post operation checks, postflight checks, verify resolution, confirm, testing');
name('rollback', 'rollback, roll back, rolling back, revert, back out, backout, undo');

/** Phrases anywhere in a longer heading, strongest first. */
const PHRASES: [RegExp, SectionRole][] = [
  [/\b(roll ?back|revert(ing)?|back ?out)\b/, 'rollback'],
  [/^(verify|validate|confirm)\b|\bpost ?(operation|op|flight)? checks?\b|\bverif(y|ication)\b/, 'verify'],
  [/^(pre ?(flight|checks?|requisites?))\b|\bbefore you (begin|start)\b/, 'prechecks'],
  [/^(diagnos|troubleshoot|investigat)/, 'prechecks'],
  [/^(mitigat|resol|remediat|fix|recover|procedure)/, 'steps'],
];

/** Lowercase words only: "Step 1: Preflight checks" → "preflight checks", "3. Fix" → "fix". */
export function normalizeHeading(text: string): string {
  return text
    .toLowerCase()
    .replace(/[`*_]/g, '')
    .replace(/^\s*(optional\s+)?(step\s*)?\d+[.):]?\s*[:.)-]?\s*/, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The role a heading names by itself, if any. */
export function classifyHeading(text: string): SectionRole | undefined {
  const normal = normalizeHeading(text);
  return NAMED[normal] ?? PHRASES.find(([pattern]) => pattern.test(normal))?.[1];
}

/**
 * Roles for every chunk, in order. A heading's own role wins, except that a diagnosis-like heading
 * inside a procedure ("Check the current state" under "Procedure") keeps the procedure's role, so
 * the steps stay in the order the author wrote them. Undefined: free-form text with no role; the
 * intro (text before the first heading) is context.
 */
export function assignRoles(chunks: readonly Chunk[]): (SectionRole | undefined)[] {
  const stack: { depth: number; role: SectionRole | undefined }[] = [];
  return chunks.map((chunk) => {
    // Text before the first heading introduces the page.
    if (!chunk.heading) return 'context';
    while (stack.length && stack.at(-1)!.depth >= chunk.depth) stack.pop();
    const inherited = stack.findLast((s) => s.role)?.role;
    const own = classifyHeading(chunk.title);
    const keepsProcedure = own === 'prechecks' && !NAMED[normalizeHeading(chunk.title)] && inherited && inherited !== 'context' && inherited !== 'prechecks';
    const role = keepsProcedure ? inherited : (own ?? inherited);
    stack.push({ depth: chunk.depth, role });
    return role;
  });
}
