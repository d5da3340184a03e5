/**
 * The bookmarks of one runbook, from the headings as printed: the title, then its top-level
 * headings (escalation, the numbered sections, decision tree, drills), with each step under its
 * section. A step whose section heading was not printed (none on the page) gets one here,
 * pointing at the section's first step, so "2.1" never sits under "1. Pre-checks".
 */
import type { StepSection } from '../schema/runbook.ts';
import { SECTION_TITLES } from '../site/runbook-view.ts';
import type { OutlineItem, PagePoint } from './pdf-navigation.ts';
import type { PlacedHeading } from './place-runbooks.ts';

const isSection = (key: string | undefined): key is StepSection => key !== undefined && key in SECTION_TITLES;

/**
 * `locate` turns a heading's destination name into its page; headings Chromium recorded no page
 * for (not printed) are left out. Returns undefined when the title itself has no page.
 */
export function planRunbookOutline(headings: readonly PlacedHeading[], locate: (dest: string) => PagePoint | undefined): OutlineItem | undefined {
  const [title, ...rest] = headings;
  const titlePoint = title && locate(title.dest);
  if (!title || !titlePoint) return undefined;
  const root: OutlineItem = { title: title.text, ...titlePoint, children: [] };
  const sections = new Map<string, OutlineItem>();
  let current: OutlineItem | undefined;

  for (const heading of rest) {
    const point = locate(heading.dest);
    if (!point) continue;
    const item: OutlineItem = { title: heading.text, ...point, children: [] };
    if (heading.section !== undefined && isSection(heading.section)) {
      const number = heading.text.split('.')[0]!;
      let section = sections.get(number);
      if (!section) {
        section = { title: `${number}. ${SECTION_TITLES[heading.section]}`, ...point, children: [] };
        sections.set(number, section);
        root.children.push(section);
      }
      section.children.push(item);
      current = section;
    } else if (heading.level <= 2) {
      root.children.push(item);
      current = item;
      // A section heading written in the fields ("2. Steps"): its steps go under it.
      const number = /^(\d+)\. /.exec(heading.text)?.[1];
      if (number) sections.set(number, item);
    } else {
      (current ?? root).children.push(item);
    }
  }
  return root;
}
