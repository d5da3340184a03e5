/**
 * A decision tree's walk in the URL (issue 27, item 7): the whole path, so a reload or a shared
 * link restores the breadcrumbs, the outcome and Back. `#decision-<id>/<answer>/<id>/…` names each
 * question and the answer given there (its index); it ends with a question, or with an answer when
 * the outcome is shown. A link that names a single question (the older form) is walked to from the
 * start, so Back works from there too.
 */

/** What the path needs of a node: where each answer leads. */
export interface PathNode {
  answers: { kind: string; id?: string | undefined }[];
}

/** One step of a walk: a question, and the answer given there if any. */
export interface PathStep {
  id: string;
  answer?: number;
}

const PREFIX = '#decision-';

/** The URL fragment for `path`. */
export function pathToHash(path: readonly PathStep[]): string {
  return PREFIX + path.flatMap((s) => (s.answer === undefined ? [s.id] : [s.id, String(s.answer)])).map(encodeURIComponent).join('/');
}

/**
 * The path a fragment names, or `undefined` when it is not a decision link of this tree. Parts that
 * no longer match the tree (a question renamed since the link was shared) end the path there.
 */
export function hashToPath(hash: string, nodes: ReadonlyMap<string, PathNode>, start: string): PathStep[] | undefined {
  if (!hash.startsWith(PREFIX)) return undefined;
  const parts = hash.slice(PREFIX.length).split('/').map((p) => decodeURIComponent(p));
  if (!nodes.has(parts[0]!)) return undefined;
  if (parts.length === 1) return walkTo(parts[0]!, nodes, start) ?? [{ id: parts[0]! }];
  const path: PathStep[] = [{ id: parts[0]! }];
  for (let i = 1; i < parts.length; i += 2) {
    const step = path.at(-1)!;
    const index = Number(parts[i]);
    const answer = /^\d+$/.test(parts[i]!) ? nodes.get(step.id)!.answers[index] : undefined;
    if (!answer) break;
    step.answer = index;
    if (answer.kind !== 'decision') break;
    if (parts[i + 1] !== answer.id || !nodes.has(answer.id!)) break;
    path.push({ id: answer.id! });
  }
  return path;
}

/** The answers that lead from `start` to `target` (breadth first: the shortest way), if any. */
function walkTo(target: string, nodes: ReadonlyMap<string, PathNode>, start: string): PathStep[] | undefined {
  const queue: PathStep[][] = [[{ id: start }]];
  const seen = new Set([start]);
  while (queue.length > 0) {
    const path = queue.shift()!;
    const last = path.at(-1)!;
    if (last.id === target) return path;
    nodes.get(last.id)?.answers.forEach((a, index) => {
      if (a.kind !== 'decision' || !a.id || seen.has(a.id) || !nodes.has(a.id)) return;
      seen.add(a.id);
      queue.push([...path.slice(0, -1), { id: last.id, answer: index }, { id: a.id }]);
    });
  }
  return undefined;
}
