import { allSteps, type Runbook } from '../../load/runbook-model.ts';
import { formatPath } from '../../errors/issue.ts';
import type { Rule } from '../rule-context.ts';

/**
 * A decision answer that jumps into the steps skips every step before its target (after the
 * decision itself, when an MDX body places it among the steps). A shell variable set only in a
 * skipped step and used at or after the target is empty on that path: `--from-backup "$BACKUP"`
 * with no backup. Only the runbook's own variables count (those some step sets), so `$HOME` or
 * `$KUBECONFIG` never do.
 */
export const gotosKeepShellVariables: Rule = ({ runbook, report }) => {
  const decisions = runbook.data.decisions ?? [];
  if (decisions.length === 0) return;
  const steps = allSteps(runbook).map((ref, index) => {
    const text = (ref.step.commands ?? []).map((c) => c.run).join('\n');
    return { id: ref.step.id, path: ref.path, index, text, sets: variablesSet(text) };
  });
  // Most runbooks set no shell variable of their own: then no goto can skip one, and neither the
  // uses (a regex over every command) nor the lines (which parse a YAML file again) are read.
  // This guard took the rule from ~3% of a check at 1,000 runbooks to ~1% (CPU profile, 2026-12-06).
  if (steps.every((s) => s.sets.size === 0)) return;
  const uses = steps.map((s) => variablesUsed(s.text));
  // Lines only where a body places a decision: locating a YAML path parses the file again.
  const placed = runbook.bodyDecisions.length > 0;
  const lines = placed ? steps.map((s) => lineOf(runbook, s.path)) : [];
  const indexOf = new Map(steps.map((s) => [s.id, s.index]));
  decisions.forEach((decision, d) => {
    const placedAt = runbook.bodyDecisions.find((b) => b.id === decision.id)?.position;
    const placedLine = placedAt?.type === 'source' ? placedAt.line : undefined;
    decision.answers.forEach((answer, a) => {
      const target = answer.goto !== undefined && answer.runbook === undefined ? indexOf.get(answer.goto) : undefined;
      if (target === undefined) return;
      // Steps the path skips: before the target, and after the decision where the body places it.
      const skipped = steps.slice(0, target).filter((s) => placedLine === undefined || (lines[s.index] !== undefined && lines[s.index]! > placedLine));
      const setBefore = new Map<string, string>();
      for (const s of skipped) for (const v of s.sets) setBefore.set(v, s.id);
      if (setBefore.size === 0) return;
      const setOnPath = new Set<string>();
      const reported = new Set<string>();
      for (const s of steps.slice(target)) {
        for (const v of uses[s.index]!) {
          const setBy = setBefore.get(v);
          if (!setBy || setOnPath.has(v) || s.sets.has(v) || reported.has(v)) continue;
          reported.add(v);
          const path = ['decisions', d, 'answers', a, 'goto'];
          report('GotoSkipsVariable', path, { field: formatPath(['decisions', d, 'answers', a]), goto: answer.goto!, variable: v, setBy, usedBy: s.id });
        }
        for (const v of s.sets) setOnPath.add(v);
      }
    });
  });
};

/** Line of a step in its file, when known (to order MDX body steps against body decisions). */
function lineOf(runbook: Runbook, path: readonly (string | number)[]): number | undefined {
  const position = runbook.locate(path);
  return position.type === 'source' ? position.line : undefined;
}

const NAME = '[A-Za-z_][A-Za-z0-9_]*';
const ASSIGNMENT = new RegExp(`(?:^|[;&|({]\\s*|\\b(?:export|local|declare|readonly)\\s+)(${NAME})=`, 'gm');
/** `read [options] NAME…`: the names are its last words (options may carry quoted prompts). */
const READ = /\bread\b([^\n;&|]*)/g;
const LAST_WORD = new RegExp(`(?:^|\\s)(${NAME})\\s*$`);
const FOR = new RegExp(`\\bfor\\s+(${NAME})\\s+in\\b`, 'g');
const USE = new RegExp(`\\$\\{?(${NAME})`, 'g');

const names = (text: string, re: RegExp) => new Set([...text.matchAll(re)].map((m) => m[1]!));

/** The shell variables commands set. Heuristic by design: a runbook's commands are short. */
export function variablesSet(text: string): Set<string> {
  const read = [...text.matchAll(READ)].flatMap((m) => {
    const last = LAST_WORD.exec(m[1]!)?.[1];
    return last ? [last] : [];
  });
  return new Set([...names(text, ASSIGNMENT), ...read, ...names(text, FOR)]);
}

/** The shell variables commands use (`$NAME`, `${NAME…}`). */
export const variablesUsed = (text: string): Set<string> => names(text, USE);
