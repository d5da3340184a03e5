import { describe, expect, it } from 'vitest';
import { tocTree } from './toc.ts';

const strip = (items: ReturnType<typeof tocTree>): unknown => items.map((i) => [i.slug, ...(i.children.length ? [strip(i.children)] : [])]);

describe('tocTree', () => {
  it('nests h3 under the h2 before them, after an Overview entry for the title', () => {
    const toc = tocTree([
      { depth: 2, slug: 'escalation', text: 'Escalation' },
      { depth: 2, slug: 'steps', text: '1. Steps' },
      { depth: 3, slug: 'step-a', text: '1.1 A' },
      { depth: 3, slug: 'step-b', text: '1.2 B' },
      { depth: 2, slug: 'drills', text: 'Drill history' },
    ]);
    expect(toc[0]).toMatchObject({ slug: '_top', text: 'Overview' });
    expect(strip(toc)).toEqual([['_top'], ['escalation'], ['steps', [['step-a'], ['step-b']]], ['drills']]);
  });

  it('leaves out headings outside the levels shown, and nests an h3 that comes before any h2 under Overview', () => {
    const toc = tocTree([
      { depth: 3, slug: 'early', text: 'Early' },
      { depth: 4, slug: 'deep', text: 'Deep' },
      { depth: 1, slug: 'title', text: 'Title' },
      { depth: 2, slug: 'later', text: 'Later' },
    ]);
    // Like Starlight's: an h3 before any h2 nests under the Overview entry (depth 2).
    expect(strip(toc)).toEqual([['_top', [['early']]], ['later']]);
  });
});
