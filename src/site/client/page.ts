/**
 * Every page's behaviour, started from one module script (in the footer). Components used to
 * carry a `<script>` each, and Astro gives each its own `<script type="module" src>` tag and
 * file: five tags (about 550 bytes) on every runbook page and five requests on first load.
 * Each part does nothing on a page without its elements.
 */
import { addCopyButtons, handleCopyClick } from './copy.ts';
import { initDrillMode } from './drill-mode.ts';
import { showFactAges } from './fact-age.ts';
import { initIncidentMode } from './incident-mode.ts';
import { keepWordsWhole } from './keep-words-whole.ts';
import { initMobileToc } from './mobile-toc.ts';
import { initOffline } from './offline.ts';
import { initPrivateMode } from './private-mode.ts';
import { nameSearchButtonWithShortcut } from './search-label.ts';
import { defineSidebarPane } from './sidebar-pane.ts';
import { defineThemeSelect } from './theme-select.ts';
import { highlightToc } from './toc-highlight.ts';

export function initPage(serviceWorkerUrl: string): void {
  // First: on a private runbook's page it starts loading the unlock.
  initPrivateMode();
  defineThemeSelect();
  defineSidebarPane();
  nameSearchButtonWithShortcut();
  addCopyButtons();
  keepWordsWhole();
  document.addEventListener('click', handleCopyClick);
  initIncidentMode();
  initDrillMode();
  initMobileToc();
  highlightToc();
  showFactAges();
  initOffline(serviceWorkerUrl);
}
