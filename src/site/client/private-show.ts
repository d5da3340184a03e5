/**
 * A private runbook, once opened, put where its locked block was: the same runbook block a public
 * page carries, given the same behaviour the single-file edition gives a runbook it renders
 * (offline-client.ts `render`): copy buttons, whole words in commands, decision trees, incident
 * and drill mode, fact ages. Above it, a bar with "Lock".
 */
import type { PrivateRunbook } from '../../private/private-page.ts';
import { unlockedTitle } from '../../private/private-page.ts';
import { addCopyButtons } from './copy.ts';
import { initDecisionTrees } from './decision-walker.ts';
import { initDrillMode } from './drill-mode.ts';
import { updateFactAges } from './fact-age.ts';
import { initIncidentMode } from './incident-mode.ts';
import { keepWordsWhole } from './keep-words-whole.ts';

export interface ShowOptions {
  /** Where the keys are remembered, said in the bar: `none` when storage refused them. */
  remembered: 'session' | 'device' | 'none' | 'memory';
  onLock: () => void;
  /** The page's h1, which says "Private runbook" until now. */
  heading?: HTMLElement | null;
  /** Whether the decision trees keep their walk in the URL (as on public pages: yes). */
  urlUpdates?: boolean;
}

const REMEMBERED: Record<ShowOptions['remembered'], string> = {
  session: 'Unlocked for this browser session.',
  device: 'Unlocked on this device until you lock it.',
  none: 'Unlocked on this page only.',
  memory: 'Unlocked until this file is closed or reloaded.',
};

function lockBar(options: ShowOptions): HTMLElement {
  const bar = document.createElement('div');
  bar.className = 'lb-private-bar not-content';
  bar.dataset.lbUnlocked = '';
  bar.dataset.pagefindIgnore = '';
  const text = document.createElement('p');
  text.textContent = REMEMBERED[options.remembered];
  const lock = document.createElement('button');
  lock.type = 'button';
  lock.className = 'lb-button';
  lock.textContent = 'Lock';
  lock.addEventListener('click', options.onLock, { once: true });
  bar.append(text, lock);
  return bar;
}

/** Replaces `locked` with the runbook and returns the runbook's block. */
export function showPrivateRunbook(locked: HTMLElement, runbook: PrivateRunbook, options: ShowOptions): HTMLElement {
  const template = document.createElement('template');
  template.innerHTML = runbook.html;
  const block = template.content.querySelector<HTMLElement>('[data-runbook]') ?? template.content.firstElementChild as HTMLElement;
  locked.replaceWith(lockBar(options), template.content);

  document.title = unlockedTitle(document.title, runbook.title);
  const heading = options.heading ?? document.querySelector<HTMLElement>('h1#_top');
  if (heading) {
    heading.textContent = runbook.title;
    heading.tabIndex = -1;
  }
  addCopyButtons(block);
  keepWordsWhole(block);
  initDecisionTrees({ within: block, urlUpdates: options.urlUpdates ?? true });
  initIncidentMode(block);
  initDrillMode(block);
  updateFactAges();

  // Focus moves to the title for screen readers; a link to a step still lands on the step.
  let target: HTMLElement | null = null;
  try {
    target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  } catch {
    // a malformed hash names nothing
  }
  heading?.focus({ preventScroll: Boolean(target) });
  target?.scrollIntoView();
  return block;
}
