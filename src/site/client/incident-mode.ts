/**
 * Incident mode's entry in every page's script: on a runbook page, "Start incident"; on the home
 * page, the running incident's card, or "Continue an incident from a file" (the handover). The rest
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

/** Once, when another tab stores an incident. */
function onStarted(then: () => void): void {
  const listener = (event: StorageEvent) => {
    if (event.key !== INCIDENT_KEY || !event.newValue) return;
    window.removeEventListener('storage', listener);
    then();
  };
  window.addEventListener('storage', listener);
}

/** `root`: where the page's runbook is (the single-file edition renders one at a time into a view). */
export function initIncidentMode(root: ParentNode = document): void {
  const panel = root.querySelector<HTMLElement>('[data-lb-incident]');
  if (panel) {
    const runbook = panel.closest<HTMLElement>('[data-runbook]')?.dataset.runbook;
    let mounted = false;
    const mount = (action?: 'start' | 'observe') => {
      if (mounted || !panel.isConnected) return; // the edition may have shown another runbook since
      mounted = true;
      void import('./incident-ui.ts').then((ui) => ui.mountIncident(panel, action));
    };
    if (stored(runbook)) return mount();
    // Started in another tab: show it here (this page joins only when asked, see incident-ui.ts).
    onStarted(() => mount('observe'));
    // "Continue an incident from a file" is on the home page: a second button here would cost a
    // phone a line of the first screen (the first command must stay within two).
    panel.innerHTML = '<button type="button" class="lb-button" data-incident-start>Start incident</button>';
    panel.hidden = false;
    panel.firstElementChild!.addEventListener('click', () => mount('start'));
  }
  const home = root.querySelector<HTMLElement>('[data-lb-incident-home]');
  const resume = root.querySelector<HTMLElement>('[data-lb-incident-continue]');
  const showHome = () => void import('./incident-home.ts').then((m) => m.mountIncidentHome(home!));
  if (home && stored()) showHome();
  else if (home) onStarted(() => {
    if (resume) resume.hidden = true;
    showHome();
  });
  if (home && resume && !stored()) {
    resume.innerHTML = '<button type="button" class="lb-button" aria-expanded="false">Continue an incident from a file</button>';
    resume.hidden = false;
    resume.firstElementChild!.addEventListener('click', () => void import('./incident-home.ts').then((m) => m.mountContinue(resume, home)), { once: true });
  }
}
