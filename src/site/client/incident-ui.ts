/**
 * Incident mode on a runbook page (loaded only once an incident exists or is started, see
 * incident-mode.ts): the compact bar ("Incident 0:42 · 3 runbooks", this runbook's RTO left,
 * its steps), "Done", "Skip" and a note after each step's commands, and the timeline entries the
 * page's other parts announce (a decision-tree answer, a destructive command copied).
 *
 * RTO left is counted from the incident's start, not from when this runbook was opened: an RTO is
 * a promise about the outage, which began before anyone opened the second runbook.
 */
import { joinRunbook, runbookProgress, setStepNote, startIncident, stepNote, stepOutcomes, type IncidentRunbook, type StepInfo } from '../../incident/incident.ts';
import { migrateLegacyIncident } from '../../incident/incident-storage.ts';
import { clockText, secondsBetween, utcWithLocal } from '../../incident/incident-time.ts';
import { button, el, incidentActions, load, now, onOtherTab, save, updateActions } from './incident-actions.ts';
import { importForm } from './incident-import.ts';
import { incidentRecordForm } from './incident-record-form.ts';
import { pageSteps, runbookTitle, stepSectionsOf } from './page-steps.ts';

/** The page mounted last: the single-file edition shows one runbook at a time, in turn. */
let current: { runbook: string; block: Element; record: (event: RecordedEvent) => void; stop: () => void } | undefined;
type RecordedEvent = { type: 'decision'; decision?: string; question: string; answer: string } | { type: 'copied'; step?: string; command: string };

document.addEventListener('lb:decision', (event) => {
  const { decision, question, answer } = (event as CustomEvent<{ decision: string; question: string; answer: string }>).detail;
  if (current?.block.contains(event.target as Node)) current.record({ type: 'decision', decision, question, answer });
});
document.addEventListener('lb:copied', (event) => {
  const { text, destructive } = (event as CustomEvent<{ text: string; destructive: boolean }>).detail;
  const target = event.target as Element;
  const step = target.closest<HTMLElement>('section.lb-step[data-step]')?.dataset.step;
  if (destructive && current?.block.contains(target)) current.record({ type: 'copied', command: text.slice(0, 20_000), ...(step ? { step } : {}) });
});

/** `observe`: mounted for an incident started in another tab, which this page has not joined. */
export function mountIncident(panel: HTMLElement, action?: 'start' | 'observe'): void {
  current?.stop();
  const block = panel.closest<HTMLElement>('[data-runbook]')!;
  const id = block.dataset.runbook!;
  const sections = stepSectionsOf(block);
  // The incident keeps number and title only (its stored format predates estimates).
  const steps: StepInfo[] = pageSteps(sections).map(({ id, number, title }) => ({ id, number, title }));
  const page: Omit<IncidentRunbook, 'joinedAt'> = {
    id,
    title: runbookTitle(id),
    rto: panel.dataset.rto!,
    rtoSeconds: Number(panel.dataset.rtoSeconds),
    steps,
  };
  let incident = load() ?? migrateLegacyIncident(localStorage, page);
  let timer = 0;

  const start = button('Start incident', () => {
    if (incident && !incident.endedAt) return show(true); // "Join the running incident"
    if (incident && !window.confirm('Start a new incident? The ended one is replaced in this browser; export it first if you need it.')) return;
    incident = startIncident(now(), page);
    save(incident);
    show();
  }, 'incident-start');
  const resume = button('Continue an incident from a file', () => {
    form.hidden = !form.hidden;
    resume.setAttribute('aria-expanded', String(!form.hidden));
    if (!form.hidden) form.querySelector('input')!.focus();
  }, 'incident-continue');
  resume.setAttribute('aria-expanded', 'false');
  const form = importForm((imported) => {
    incident = imported;
    form.hidden = true;
    resume.setAttribute('aria-expanded', 'false');
    show();
  });
  form.hidden = true;

  const bar = el('div', 'lb-incident-bar');
  bar.dataset.incidentBar = '';
  bar.setAttribute('role', 'status');
  const label = el('span');
  const clock = el('strong');
  clock.dataset.incidentClock = '';
  const count = el('span');
  count.dataset.incidentRunbooks = '';
  label.append(el('span', '', 'Incident '), clock, ' · ', count);
  const rtoLeft = el('span', '', 'RTO left ');
  const budget = el('strong');
  budget.dataset.incidentBudget = '';
  rtoLeft.append(budget);
  const progress = el('span');
  progress.dataset.incidentProgress = '';
  const actions = incidentActions(() => incident, () => {
    incident = load();
    show();
  });
  // Once ended: the incident as evidence for this runbook (a drill record of kind incident).
  const recordForm = incidentRecordForm(id, block.querySelector<HTMLElement>('[data-lb-drill]')?.dataset.build, () => incident);
  recordForm.hidden = true;
  const recordButton = button('Record', () => {
    recordForm.hidden = !recordForm.hidden;
    recordButton.setAttribute('aria-expanded', String(!recordForm.hidden));
    if (!recordForm.hidden) recordForm.querySelector('input')!.focus();
  }, 'incident-record');
  recordButton.setAttribute('aria-label', 'Record this incident for the gate');
  recordButton.setAttribute('aria-expanded', 'false');
  actions.append(recordButton);
  bar.append(label, rtoLeft, progress, actions);
  panel.replaceChildren(start, resume, form, bar, recordForm);

  const tick = () => {
    if (!incident) return;
    const elapsed = secondsBetween(incident.startedAt, incident.endedAt ?? now());
    clock.textContent = clockText(elapsed);
    const left = page.rtoSeconds - elapsed;
    budget.textContent = clockText(left);
    budget.classList.toggle('lb-over-budget', left < 0);
  };

  const record = (event: RecordedEvent) => {
    if (!incident || incident.endedAt) return;
    incident.events.push({ at: now(), runbook: id, ...event });
    save(incident);
  };

  const stepTools = (section: HTMLElement, step: StepInfo) => {
    const tools = el('div', 'lb-step-tools not-content');
    const row = el('div', 'lb-step-row');
    const box = el('input');
    box.type = 'checkbox';
    box.dataset.stepDone = step.id;
    const done = el('label');
    done.append(box, ' Done');
    const status = el('span', 'lb-step-done-at');
    status.dataset.stepStatus = step.id;
    const skip = el('button', 'lb-button lb-step-skip', 'Skip');
    skip.type = 'button';
    skip.dataset.stepSkip = step.id;
    row.append(done, skip, status);
    const skipForm = el('div', 'lb-skip-form');
    skipForm.hidden = true;
    const reason = el('input');
    reason.type = 'text';
    reason.id = `lb-skip-${step.id}`;
    reason.dataset.skipReason = step.id;
    const reasonLabel = el('label', '', `Why skip step ${step.number}?`);
    reasonLabel.htmlFor = reason.id;
    const confirm = button('Skip step', () => {
      stepEvent(step.id, 'skipped', reason.value.trim());
      skipForm.hidden = true;
      reason.value = '';
    });
    confirm.dataset.skipConfirm = step.id;
    skipForm.append(reasonLabel, reason, confirm);
    const note = el('textarea');
    note.rows = 2;
    note.placeholder = 'Notes for the timeline';
    note.dataset.stepNote = step.id;
    note.setAttribute('aria-label', `Notes for step ${step.number}`);
    note.value = stepNote(incident!, id, step.id);
    box.addEventListener('change', () => stepEvent(step.id, box.checked ? 'done' : 'undone'));
    skip.addEventListener('click', () => {
      if (stepOutcomes(incident!, id).get(step.id)?.outcome === 'skipped') return stepEvent(step.id, 'undone');
      skipForm.hidden = !skipForm.hidden;
      if (!skipForm.hidden) reason.focus();
    });
    note.addEventListener('input', () => {
      if (!incident) return;
      setStepNote(incident, id, step.id, note.value);
      save(incident);
    });
    tools.append(row, skipForm, note);
    // After the step's commands: "Done" is ticked once they have run (issue 27, item 5).
    section.append(tools);
  };

  const stepEvent = (step: string, type: 'done' | 'undone' | 'skipped', reason = '') => {
    if (!incident) return;
    incident.events.push(type === 'skipped' ? { at: now(), type, runbook: id, step, reason } : { at: now(), type, runbook: id, step });
    save(incident);
    refresh();
  };

  /** Step controls and counts from the timeline. */
  const refresh = () => {
    if (!incident) return;
    const outcomes = stepOutcomes(incident, id);
    for (const section of sections) {
      const outcome = outcomes.get(section.dataset.step!);
      const box = section.querySelector<HTMLInputElement>('input[data-step-done]')!;
      box.checked = outcome?.outcome === 'done';
      box.disabled = Boolean(incident.endedAt);
      section.querySelector('[data-step-status]')!.textContent = !outcome
        ? ''
        : outcome.outcome === 'done'
          ? `at ${utcWithLocal(outcome.at)}`
          : `Skipped at ${utcWithLocal(outcome.at)}${outcome.reason ? `: ${outcome.reason}` : ''}`;
      const skip = section.querySelector<HTMLButtonElement>('[data-step-skip]')!;
      const number = steps.find((st) => st.id === section.dataset.step)!.number;
      skip.textContent = outcome?.outcome === 'skipped' ? 'Undo skip' : 'Skip';
      skip.setAttribute('aria-label', outcome?.outcome === 'skipped' ? `Undo skip of step ${number}` : `Skip step ${number}`);
      skip.hidden = outcome?.outcome === 'done' || Boolean(incident.endedAt);
      section.classList.toggle('lb-step-skipped', outcome?.outcome === 'skipped');
    }
    const p = runbookProgress(incident, incident.runbooks.find((r) => r.id === id) ?? { ...page, joinedAt: '' });
    progress.textContent = `${p.finished}/${p.total} steps`;
    const n = incident.runbooks.length;
    count.textContent = incident.endedAt ? 'ended' : `${n} runbook${n === 1 ? '' : 's'}`;
    updateActions(actions, incident);
    recordButton.hidden = !incident.endedAt;
    if (!incident.endedAt) recordForm.hidden = true;
    tick();
  };

  /**
   * `join`: opening the page (or asking to) joins a running incident; a change made in another
   * tab does not, or every runbook left open in a tab would join whatever starts next.
   */
  const show = (join = true) => {
    const running = Boolean(incident && !incident.endedAt);
    if (incident && running && join && joinRunbook(incident, page, now())) save(incident);
    const joined = Boolean(incident?.runbooks.some((r) => r.id === id));
    document.body.classList.toggle('lb-incident-active', Boolean(incident) && joined);
    start.hidden = running && joined;
    start.textContent = running ? 'Join the running incident' : 'Start incident';
    resume.hidden = running;
    if (running) form.hidden = true;
    bar.hidden = !incident || !joined;
    if (bar.hidden) recordForm.hidden = true;
    rtoLeft.hidden = !running;
    window.clearInterval(timer);
    if (incident && joined) {
      for (const section of sections) if (!section.querySelector('.lb-step-tools')) stepTools(section, steps.find((s) => s.id === section.dataset.step)!);
      for (const note of block.querySelectorAll<HTMLTextAreaElement>('textarea[data-step-note]')) note.value = stepNote(incident, id, note.dataset.stepNote!);
      refresh();
      if (running) timer = window.setInterval(tick, 1000);
    } else for (const tools of block.querySelectorAll('.lb-step-tools')) tools.remove();
  };

  current = {
    runbook: id,
    block,
    record,
    stop: () => window.clearInterval(timer),
  };
  onOtherTab(() => {
    if (current?.block !== block) return;
    incident = load();
    show(false);
  });
  panel.hidden = false;
  show(action !== 'observe');
  if (action === 'start' && !start.hidden) {
    start.click();
    // The button pressed was replaced: keep a keyboard user's place, in the bar that took its own.
    if (!bar.hidden) actions.querySelector('button')!.focus({ preventScroll: true });
  }
}
