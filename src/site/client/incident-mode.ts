/**
 * Incident mode on a runbook page: a clock, the RTO budget left, a "done" checkbox and a note per
 * step (recording when it was ticked), and exports of the timeline. The per-step controls are
 * created only when an incident is running, so the page carries no extra weight otherwise; the
 * panel's own controls are created here too (the page holds an empty, hidden panel: none of it
 * works without JavaScript, and its markup was ~800 bytes of every runbook page).
 */
import {
  clearIncident,
  clockText,
  loadIncident,
  saveIncident,
  timelineJson,
  timelineMarkdown,
  type IncidentState,
  type StepInfo,
} from './incident-state.ts';

/** A step heading's title: its own text, without the number and estimate elements around it. */
const ownText = (heading: Element | null) =>
  [...(heading?.childNodes ?? [])]
    .filter((n) => n.nodeType === Node.TEXT_NODE)
    .map((n) => n.textContent)
    .join('')
    .trim();

/** The panel's controls: a start button, then the running incident's bar. Fixed text only. */
const PANEL =
  '<button type="button" class="lb-button" data-incident-start>Start incident</button>' +
  '<div class="lb-incident-bar" data-incident-bar role="status" hidden>' +
  '<span>Elapsed <strong data-incident-clock>0:00</strong></span>' +
  '<span>RTO left <strong data-incident-budget></strong></span>' +
  '<span data-incident-progress></span>' +
  '<span class="lb-incident-actions">' +
  '<button type="button" class="lb-button" data-incident-markdown>Export Markdown</button>' +
  '<button type="button" class="lb-button" data-incident-json>Export JSON</button>' +
  '<button type="button" class="lb-button" data-incident-clear>Clear</button>' +
  '</span></div>';

export function initIncidentMode(): void {
  const panel = document.querySelector<HTMLElement>('[data-lb-incident]');
  if (!panel) return;
  const runbook = panel.closest<HTMLElement>('[data-runbook]')!.dataset.runbook!;
  const title = document.getElementById('_top')?.textContent?.trim() ?? runbook;
  const rto = panel.dataset.rto!;
  const rtoSeconds = Number(panel.dataset.rtoSeconds);
  const steps: StepInfo[] = [...document.querySelectorAll<HTMLElement>('section.lb-step[data-step]')].map((el) => ({
    id: el.dataset.step!,
    number: el.querySelector('.lb-step-number')?.textContent?.trim() ?? '',
    title: ownText(el.querySelector(':scope > h3')),
  }));
  panel.innerHTML = PANEL;
  const start = panel.querySelector<HTMLButtonElement>('[data-incident-start]')!;
  const bar = panel.querySelector<HTMLElement>('[data-incident-bar]')!;
  const clock = bar.querySelector<HTMLElement>('[data-incident-clock]')!;
  const budget = bar.querySelector<HTMLElement>('[data-incident-budget]')!;
  const progress = bar.querySelector<HTMLElement>('[data-incident-progress]')!;
  let state: IncidentState | undefined = loadIncident(localStorage, runbook);
  let timer = 0;

  const persist = () => state && saveIncident(localStorage, state);
  const tick = () => {
    if (!state) return;
    const elapsed = (Date.now() - Date.parse(state.startedAt)) / 1000;
    clock.textContent = clockText(elapsed);
    budget.textContent = clockText(rtoSeconds - elapsed);
    budget.classList.toggle('lb-over-budget', elapsed > rtoSeconds);
    progress.textContent = `${steps.filter((s) => state!.steps[s.id]?.doneAt).length}/${steps.length} steps`;
  };

  const addStepTools = () => {
    for (const el of document.querySelectorAll<HTMLElement>('section.lb-step[data-step]')) {
      if (el.querySelector('.lb-step-tools')) continue;
      const id = el.dataset.step!;
      const tools = document.createElement('div');
      tools.className = 'lb-step-tools not-content';
      const label = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.dataset.stepDone = id;
      const when = document.createElement('span');
      when.className = 'lb-step-done-at';
      label.append(box, ' Done', when);
      const note = document.createElement('textarea');
      note.rows = 2;
      note.placeholder = 'Notes for the timeline';
      note.dataset.stepNote = id;
      note.setAttribute('aria-label', `Notes for step ${steps.find((s) => s.id === id)?.number ?? id}`);
      const record = state!.steps[id];
      box.checked = Boolean(record?.doneAt);
      when.textContent = record?.doneAt ? ` at ${new Date(record.doneAt).toLocaleTimeString()}` : '';
      note.value = record?.note ?? '';
      box.addEventListener('change', () => {
        const entry = (state!.steps[id] ??= {});
        if (box.checked) entry.doneAt = new Date().toISOString();
        else delete entry.doneAt;
        when.textContent = entry.doneAt ? ` at ${new Date(entry.doneAt).toLocaleTimeString()}` : '';
        persist();
        tick();
      });
      note.addEventListener('input', () => {
        (state!.steps[id] ??= {}).note = note.value;
        persist();
      });
      tools.append(label, note);
      // After the step's commands: "Done" is ticked once they have run (issue 27, item 5).
      el.append(tools);
    }
  };

  const show = () => {
    const active = Boolean(state);
    document.body.classList.toggle('lb-incident-active', active);
    start.hidden = active;
    bar.hidden = !active;
    if (active) {
      addStepTools();
      tick();
      window.clearInterval(timer);
      timer = window.setInterval(tick, 1000);
    } else {
      window.clearInterval(timer);
      for (const tools of document.querySelectorAll('.lb-step-tools')) tools.remove();
    }
  };

  const download = (name: string, type: string, text: string) => {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([text], { type }));
    link.download = name;
    link.click();
    window.setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  };

  start.addEventListener('click', () => {
    state = { runbook, startedAt: new Date().toISOString(), steps: {} };
    persist();
    show();
  });
  bar.querySelector('[data-incident-markdown]')!.addEventListener('click', () =>
    download(`incident-${runbook}.md`, 'text/markdown', timelineMarkdown(state!, title, rto, steps)),
  );
  bar.querySelector('[data-incident-json]')!.addEventListener('click', () =>
    download(`incident-${runbook}.json`, 'application/json', timelineJson(state!, title, rto, steps)),
  );
  bar.querySelector('[data-incident-clear]')!.addEventListener('click', () => {
    if (!window.confirm('Clear this incident’s timeline from this browser? Export it first if you need it.')) return;
    clearIncident(localStorage, runbook);
    state = undefined;
    show();
  });
  panel.hidden = false;
  show();
}
