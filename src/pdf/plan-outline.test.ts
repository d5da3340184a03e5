import { describe, expect, it } from 'vitest';
import type { OutlineItem } from './pdf-navigation.ts';
import { planRunbookOutline } from './plan-outline.ts';

/** Every destination on the page given by its trailing number, e.g. `x--step-a@2`. */
const locate = (dest: string) => (dest.includes('@') ? { page: Number(dest.split('@')[1]), top: 700 } : undefined);
const titles = (item: OutlineItem): unknown => (item.children.length ? { [item.title]: item.children.map(titles) } : item.title);

describe('planRunbookOutline', () => {
  it('nests the steps of a YAML runbook under their section headings', () => {
    const outline = planRunbookOutline(
      [
        { dest: 'x--_top@0', level: 1, text: 'Restore' },
        { dest: 'x--escalation@0', level: 2, text: 'Escalation' },
        { dest: 'x--prechecks@0', level: 2, text: '1. Pre-checks' },
        { dest: 'x--step-a-title@0', level: 3, text: '1.1 Look', section: 'prechecks' },
        { dest: 'x--steps@1', level: 2, text: '2. Steps' },
        { dest: 'x--step-b-title@1', level: 3, text: '2.1 Act', section: 'steps' },
        { dest: 'x--drills@2', level: 2, text: 'Drill history' },
      ],
      locate,
    );
    expect(titles(outline!)).toEqual({ Restore: ['Escalation', { '1. Pre-checks': ['1.1 Look'] }, { '2. Steps': ['2.1 Act'] }, 'Drill history'] });
    expect(outline!.children[2]).toMatchObject({ page: 1, top: 700 });
  });

  it('gives MDX body steps the section heading the page does not have, at its first step', () => {
    const outline = planRunbookOutline(
      [
        { dest: 'x--_top@0', level: 1, text: 'Restore' },
        { dest: 'x--prechecks@0', level: 2, text: '1. Pre-checks' },
        { dest: 'x--step-a-title@0', level: 3, text: '1.1 Look', section: 'prechecks' },
        { dest: 'x--step-b-title@2', level: 3, text: '2.1 Act', section: 'steps' },
        { dest: 'x--step-c-title@3', level: 3, text: '2.2 Check', section: 'steps' },
        { dest: 'x--notes@3', level: 3, text: 'A heading inside the body' },
        { dest: 'x--unprinted', level: 2, text: 'Not printed' },
      ],
      locate,
    );
    expect(titles(outline!)).toEqual({ Restore: [{ '1. Pre-checks': ['1.1 Look'] }, { '2. Steps': ['2.1 Act', '2.2 Check', 'A heading inside the body'] }] });
    expect(outline!.children[1]).toMatchObject({ title: '2. Steps', page: 2 });
  });

  it('has nothing to offer when the title was not printed', () => {
    expect(planRunbookOutline([{ dest: 'x--_top', level: 1, text: 'Restore' }], locate)).toBeUndefined();
  });
});
