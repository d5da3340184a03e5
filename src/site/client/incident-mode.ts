/**
 * Incident mode's entry in every page's script: on a runbook page, "Start incident" and "Continue
 * an incident from a file"; on the home page, nothing until an incident exists. The rest
 * (incident-ui.ts, incident-home.ts, the exports and the import's validation) loads only once an
 * incident is stored or the reader asks for one, so a runbook page's first load carries two
 * buttons' worth of it. The page holds only empty, hidden containers: none of it works without
 * JavaScript.
 */
import { INCIDENT_KEY } from '../../incident/incident-key.ts';

const stored = (runbook?: string) => {
  try {
    return Boolean(localStorage.getItem(INCIDENT_KEY) ?? (runbook && localStorage.getItem(`${INCIDENT_KEY}:${runbook}`)));
  } catch {
    return false; // storage disabled: nothing to resume
  }
};

/** `root`: where the page's runbook is (the single-file edition renders one at a time into a view). */
export function initIncidentMode(root: ParentNode = document): void {
  const panel = root.querySelector<HTMLElement>('[data-lb-incident]');
  if (panel) {
    const runbook = panel.closest<HTMLElement>('[data-runbook]')?.dataset.runbook;
    const mount = (action?: 'start' | 'continue') => void import('./incident-ui.ts').then((ui) => ui.mountIncident(panel, action));
    if (stored(runbook)) return mount();
    panel.innerHTML =
      '<button type="button" class="lb-button" data-incident-start>Start incident</button>' +
      '<button type="button" class="lb-button" data-incident-continue aria-expanded="false">Continue an incident from a file</button>';
    panel.hidden = false;
    panel.addEventListener('click', function first(event) {
      const action = (event.target as Element).closest('[data-incident-start]') ? 'start' : (event.target as Element).closest('[data-incident-continue]') ? 'continue' : undefined;
      if (!action) return;
      panel.removeEventListener('click', first);
      mount(action);
    });
  }
  const home = root.querySelector<HTMLElement>('[data-lb-incident-home]');
  if (home && stored()) void import('./incident-home.ts').then((m) => m.mountIncidentHome(home));
}
