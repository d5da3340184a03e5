/**
 * A runbook block's steps as the page shows them (number, title, estimate), and its title, read
 * from the page itself: incident mode and drill mode both keep them in what they store, so their
 * exports need no page.
 */
import type { DrillStepInfo } from '../../drills/drill-session.ts';

/** A step heading's title: its own text, without the number and estimate elements around it. */
const ownText = (heading: Element | null) =>
  [...(heading?.childNodes ?? [])]
    .filter((n) => n.nodeType === Node.TEXT_NODE)
    .map((n) => n.textContent)
    .join('')
    .trim();

export const stepSectionsOf = (block: ParentNode) => [...block.querySelectorAll<HTMLElement>('section.lb-step[data-step]')];

export function pageSteps(sections: readonly HTMLElement[]): DrillStepInfo[] {
  return sections.map((s) => ({
    id: s.dataset.step!,
    number: s.querySelector('.lb-step-number')?.textContent?.trim() ?? '',
    title: ownText(s.querySelector(':scope > h3')),
    ...(s.dataset.estimateSeconds ? { estimate: Number(s.dataset.estimateSeconds) } : {}),
  }));
}

/** The web page's title, or the single-file edition's heading for the runbook it shows. */
export const runbookTitle = (id: string) => (document.getElementById('_top') ?? document.getElementById(`rb-${id}`))?.textContent?.trim() ?? id;
