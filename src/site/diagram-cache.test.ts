import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempCacheDir } from '../../test/support/temp-cache-dir.ts';
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
  const cacheDir = useTempCacheDir('lifeboat-diagrams-');

  it('draws exactly what the renderer draws, and stores it whole (no temp files left)', () => {
    const decisions = tree('Is the API up?');
    expect(decisionSvg(decisions)).toBe(renderDecisionSvg(decisions));
    const files = readdirSync(join(cacheDir(), 'diagrams'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^[0-9a-f]{64}\.svg$/);
    expect(readFileSync(join(cacheDir(), 'diagrams', files[0]!), 'utf8')).toBe(renderDecisionSvg(decisions));
  });

  it('serves a tree drawn before from disk, and a changed tree under a new key', () => {
    const decisions = tree('Is the API up?');
    decisionSvg(decisions);
    const [file] = readdirSync(join(cacheDir(), 'diagrams'));
    // Mark the stored drawing: a cache hit returns the mark, a re-render would not.
    writeFileSync(join(cacheDir(), 'diagrams', file!), '<svg>from cache</svg>');
    expect(decisionSvg(decisions)).toBe('<svg>from cache</svg>');
    const changed = tree('Is the API down?');
    expect(decisionSvg(changed)).toBe(renderDecisionSvg(changed));
    expect(readdirSync(join(cacheDir(), 'diagrams'))).toHaveLength(2);
  });

  it('still draws when the cache cannot be written', () => {
    writeFileSync(join(cacheDir(), 'diagrams'), 'a file where the folder should be');
    const decisions = tree('Is the API up?');
    expect(decisionSvg(decisions)).toBe(renderDecisionSvg(decisions));
  });
});
