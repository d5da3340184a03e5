import { describe, expect, it } from 'vitest';
import { hashToPath, pathToHash, type PathNode } from './decision-path.ts';

const nodes = new Map<string, PathNode>([
  ['source', { answers: [{ kind: 'decision', id: 'ingress' }, { kind: 'decision', id: 'pods' }] }],
  ['ingress', { answers: [{ kind: 'step' }, { kind: 'decision', id: 'pods' }] }],
  ['pods', { answers: [{ kind: 'outcome' }, { kind: 'runbook' }] }],
]);

describe('decision paths in the URL', () => {
  it('round-trips a walk that ends at a question and one that ends at an outcome', () => {
    const atQuestion = [{ id: 'source', answer: 0 }, { id: 'ingress', answer: 1 }, { id: 'pods' }];
    expect(pathToHash(atQuestion)).toBe('#decision-source/0/ingress/1/pods');
    expect(hashToPath(pathToHash(atQuestion), nodes, 'source')).toEqual(atQuestion);
    const atOutcome = [{ id: 'source', answer: 1 }, { id: 'pods', answer: 0 }];
    expect(hashToPath(pathToHash(atOutcome), nodes, 'source')).toEqual(atOutcome);
  });

  it('walks to a question named alone (the older links) from the start, by the shortest way', () => {
    expect(hashToPath('#decision-pods', nodes, 'source')).toEqual([{ id: 'source', answer: 1 }, { id: 'pods' }]);
    expect(hashToPath('#decision-source', nodes, 'source')).toEqual([{ id: 'source' }]);
  });

  it('stops where a shared link no longer matches the tree, and ignores other fragments', () => {
    expect(hashToPath('#decision-source/0/renamed/1', nodes, 'source')).toEqual([{ id: 'source', answer: 0 }]);
    expect(hashToPath('#decision-source/7', nodes, 'source')).toEqual([{ id: 'source' }]);
    expect(hashToPath('#decision-nope', nodes, 'source')).toBeUndefined();
    expect(hashToPath('#step-fix', nodes, 'source')).toBeUndefined();
  });
});
