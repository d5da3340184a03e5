import type { Decision } from '../../schema/runbook.ts';
import type { Rule } from '../rule-context.ts';
import { minOf } from '../../util/collections.ts';

/**
 * The tree can be walked: every decision is reachable from the first one, and every loop has an
 * answer that leaves it (otherwise the on-call could go round forever).
 */
export const decisionTreeIsWalkable: Rule = ({ runbook, report }) => {
  const decisions = runbook.data.decisions ?? [];
  if (decisions.length === 0) return;
  const index = new Map(decisions.map((d, i) => [d.id, i]));
  const edges = decisions.map((d) => nextDecisions(d, index));

  const reached = new Set<number>([0]);
  const queue = [0];
  while (queue.length) {
    for (const next of edges[queue.shift()!]!) {
      if (!reached.has(next)) {
        reached.add(next);
        queue.push(next);
      }
    }
  }
  decisions.forEach((d, i) => {
    if (!reached.has(i)) report('UnreachableDecision', ['decisions', i, 'id'], { id: d.id, root: decisions[0]!.id });
  });

  for (const component of stronglyConnected(edges)) {
    const members = new Set(component);
    const isLoop = component.length > 1 || edges[component[0]!]!.includes(component[0]!);
    if (!isLoop) continue;
    const hasExit = component.some((i) =>
      decisions[i]!.answers.some((answer) => {
        const target = answer.runbook === undefined && answer.goto !== undefined ? index.get(answer.goto) : undefined;
        return target === undefined || !members.has(target);
      }),
    );
    if (!hasExit) {
      const first = minOf(component, (i) => i);
      report('DecisionCycleWithoutExit', ['decisions', first, 'id'], {
        ids: component.sort((a, b) => a - b).map((i) => `"${decisions[i]!.id}"`).join(', '),
      });
    }
  }
};

/** Indexes of decisions an answer of `decision` leads to (within this runbook). */
function nextDecisions(decision: Decision, index: Map<string, number>): number[] {
  return decision.answers.flatMap((a) => {
    const target = a.runbook === undefined && a.goto !== undefined ? index.get(a.goto) : undefined;
    return target === undefined ? [] : [target];
  });
}

/** Tarjan's strongly connected components (recursive: decision trees have tens of nodes, not thousands). */
function stronglyConnected(edges: number[][]): number[][] {
  let counter = 0;
  const order = new Map<number, number>();
  const low = new Map<number, number>();
  const stack: number[] = [];
  const onStack = new Set<number>();
  const components: number[][] = [];
  const connect = (v: number) => {
    order.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges[v]!) {
      if (!order.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, order.get(w)!));
      }
    }
    if (low.get(v) !== order.get(v)) return;
    const component: number[] = [];
    for (let w = -1; w !== v; ) {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    }
    components.push(component);
  };
  edges.forEach((_, v) => {
    if (!order.has(v)) connect(v);
  });
  return components;
}
