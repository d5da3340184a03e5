import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderDecisionSvg } from './decision-diagram.ts';
import { decisionSvg } from './diagram-cache.ts';
import type { DecisionView } from './runbook-view.ts';

const tree = (question: string): DecisionView[] => [
  {
    id: 'root',
    anchor: 'decision-root',
    question,
    answers: [
      { label: 'Yes', target: { kind: 'outcome', text: 'Resolved' } },
      { label: 'No', target: { kind: 'step', id: 'fix', href: '#step-fix', label: '1.1 Fix pods' } },
    ],
  },
];

describe('decision diagram cache', () => {
  let dir: string;
  const saved = process.env.LIFEBOAT_CACHE_DIR;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lifeboat-diagrams-'));
    process.env.LIFEBOAT_CACHE_DIR = dir;
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
    if (saved === undefined) delete process.env.LIFEBOAT_CACHE_DIR;
    else process.env.LIFEBOAT_CACHE_DIR = saved;
  });

  it('draws exactly what the renderer draws, and stores it whole (no temp files left)', () => {
    const decisions = tree('Is the API up?');
    expect(decisionSvg(decisions)).toBe(renderDecisionSvg(decisions));
    const files = readdirSync(join(dir, 'diagrams'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^[0-9a-f]{64}\.svg$/);
    expect(readFileSync(join(dir, 'diagrams', files[0]!), 'utf8')).toBe(renderDecisionSvg(decisions));
  });

  it('serves a tree drawn before from disk, and a changed tree under a new key', () => {
    const decisions = tree('Is the API up?');
    decisionSvg(decisions);
    const [file] = readdirSync(join(dir, 'diagrams'));
    // Mark the stored drawing: a cache hit returns the mark, a re-render would not.
    writeFileSync(join(dir, 'diagrams', file!), '<svg>from cache</svg>');
    expect(decisionSvg(decisions)).toBe('<svg>from cache</svg>');
    const changed = tree('Is the API down?');
    expect(decisionSvg(changed)).toBe(renderDecisionSvg(changed));
    expect(readdirSync(join(dir, 'diagrams'))).toHaveLength(2);
  });

  it('still draws when the cache cannot be written', () => {
    writeFileSync(join(dir, 'diagrams'), 'a file where the folder should be');
    const decisions = tree('Is the API up?');
    expect(decisionSvg(decisions)).toBe(renderDecisionSvg(decisions));
  });
});
