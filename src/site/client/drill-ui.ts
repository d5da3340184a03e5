/**
 * Drill mode on a runbook page (loaded only once a drill is stored or asked for, see
 * drill-mode.ts). The operator names the drill (game day or tabletop, who, the cluster each role
 * stood for) and starts it; each step gets Start, then Done or Failed, or Skip, and a note; the
 * decision tree's answers are recorded as they are clicked. A bar under the header keeps the
 * clock and "tested time × 2" against the RTO in view. At the end the drill becomes a record
 * (src/drills/record-yaml.ts) to download, copy or share, which `lifeboat drill add` files.
 *
 * Everything is kept in localStorage per runbook at each click, so a reload, a crash or the
 * network going away loses nothing; the single-file edition keeps its own in file:// storage.
 */
import {
  drillKey,
  drillProgress,
  drillRecord,
  elapsedSeconds,
  finishDrill,
  readDrillSession,
  recordAnswer,
  recordStep,
  setDrillStepNote,
  startDrill,
  stepActions,
  stepStates,
  type DrillKind,
  type DrillResult,
  type DrillStepInfo,
  type StepState,
} from '../../drills/drill-session.ts';
import { drillSummary, TESTED_MARGIN } from '../../drills/record-summary.ts';
import { drillRecordFileName, drillRecordYaml } from '../../drills/record-yaml.ts';
import { clockText, utcWithLocal } from '../../incident/incident-time.ts';
import { formatDuration } from '../../util/duration.ts';
import { copyText } from './copy.ts';
import { button, download, el, now, radios } from './incident-actions.ts';
import { pageSteps, runbookTitle, stepSectionsOf } from './page-steps.ts';

type StepAction = ReturnType<typeof stepActions>[number];
const ACTION_LABELS: Record<StepAction, string> = { start: 'Start', done: 'Done', failed: 'Failed', skipped: 'Skip', undone: 'Undo' };
const RESULTS: [DrillResult, string][] = [
  ['pass', 'Pass: recovered as written'],
  ['partial', 'Partial: recovered with workarounds'],
  ['fail', 'Fail: not recovered'],
];

/** The runbook mounted last: the single-file edition shows one runbook at a time, in turn. */
let current: { block: Element; answer: (decision: string, answer: string) => void; stop: () => void } | undefined;
document.addEventListener('lb:decision', (event) => {
  const { decision, answer } = (event as CustomEvent<{ decision: string; answer: string }>).detail;
  if (current?.block.contains(event.target as Node)) current.answer(decision, answer);
});

const took = (state: StepState) => (state.start && state.end ? Math.max(0, Math.round((Date.parse(state.end) - Date.parse(state.start)) / 1000)) : undefined);
const durationText = (seconds: number) => (seconds < 1 ? 'under 1s' : formatDuration(seconds));

function stepStatus(state: StepState | undefined, step: DrillStepInfo, at: string, ended: boolean): string {
  const estimate = step.estimate ? ` (estimate ${formatDuration(step.estimate)})` : '';
  if (!state) return ended ? 'Not reached' : 'Not started';
  if (!state.outcome && ended) return 'Started, not finished: not in the record';
  if (!state.outcome) return `Started ${utcWithLocal(state.start!, { seconds: true })} · ${clockText((Date.parse(at) - Date.parse(state.start!)) / 1000)}`;
  const seconds = took(state);
  if (state.outcome === 'skipped') return seconds === undefined ? 'Skipped' : `Skipped after ${durationText(seconds)}`;
  return `${state.outcome === 'done' ? 'Done in' : 'Failed after'} ${durationText(seconds ?? 0)}${estimate}`;
}

export function mountDrill(panel: HTMLElement, slot: HTMLElement, open: boolean): void {
  current?.stop();
  const block = panel.closest<HTMLElement>('[data-runbook]')!;
  const id = block.dataset.runbook!;
  const key = drillKey(id);
  const sections = stepSectionsOf(block);
  const steps = pageSteps(sections);
  const rto = panel.dataset.rto!;
  const rtoSeconds = Number(panel.dataset.rtoSeconds);
  const roles = JSON.parse(panel.dataset.clusters || '{}') as Record<string, string>;
  const load = () => {
    try {
      const stored = readDrillSession(localStorage.getItem(key));
      return stored?.runbook === id ? stored : undefined;
    } catch {
      return undefined;
    }
  };
  const save = () => {
    try {
      if (session) localStorage.setItem(key, JSON.stringify(session));
      else localStorage.removeItem(key);
    } catch {
      message('This browser does not keep the drill (storage is full or disabled): do not reload the page.');
    }
  };
  let session = load();
  let timer = 0;

  // The start form, in the drill history, where a game day is planned.
  const opener = button('Run a drill of this runbook', () => {
    form.hidden = !form.hidden;
    opener.setAttribute('aria-expanded', String(!form.hidden));
    if (!form.hidden) who.focus();
  }, 'drill-open');
  opener.setAttribute('aria-expanded', 'false');
  const form = el('form', 'lb-drill-form');
  form.setAttribute('aria-label', 'Run a drill');
  const kind = radios('Kind', `lb-drill-kind-${id}`, [['game-day', 'Game day: a real recovery, timed'], ['tabletop', 'Tabletop: a walk-through, measures nothing']], 'game-day');
  const whoLabel = el('label', '', 'Who runs it (names, separated by commas)');
  const who = el('input');
  who.type = 'text';
  who.id = `lb-drill-who-${id}`;
  who.autocomplete = 'name';
  whoLabel.htmlFor = who.id;
  const clusterInputs = Object.entries(roles).map(([role, name]) => {
    const input = el('input');
    input.type = 'text';
    input.id = `lb-drill-cluster-${id}-${role}`;
    input.value = name;
    input.dataset.role = role;
    const label = el('label', '', `Cluster for ${role}`);
    label.htmlFor = input.id;
    return [label, input] as const;
  });
  const formError = el('p', 'lb-import-error');
  formError.setAttribute('role', 'alert');
  formError.hidden = true;
  const startButton = el('button', 'lb-button', 'Start the drill');
  startButton.type = 'submit';
  form.append(kind, whoLabel, who, ...clusterInputs.flat(), formError, startButton);
  form.hidden = true;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const names = who.value.split(/[,\n]/).map((n) => n.trim()).filter(Boolean);
    if (names.length === 0) {
      formError.textContent = 'Say who runs the drill: the record names them.';
      formError.hidden = false;
      return who.focus();
    }
    const chosen = form.querySelector<HTMLInputElement>(`input[name="lb-drill-kind-${id}"]:checked`)!.value as DrillKind;
    const clusters = Object.fromEntries(clusterInputs.map(([, input]) => [input.dataset.role!, input.value.trim()]).filter(([, name]) => name));
    session = startDrill(now(), { runbook: id, title: runbookTitle(id), build: panel.dataset.build, rto, rtoSeconds, drillKind: chosen, who: names, clusters, steps });
    save();
    formError.hidden = true;
    show();
    // The drill starts at the first step: take the operator there.
    const first = block.querySelector<HTMLButtonElement>('[data-drill-action="start"]');
    first?.scrollIntoView({ block: 'center' });
    first?.focus({ preventScroll: true });
  });
  slot.replaceChildren(opener, form);
  slot.hidden = false;

  // The bar, in the runbook's top row (which stays under the header while a drill runs).
  const bar = el('div', 'lb-incident-bar lb-drill-bar');
  bar.dataset.drillBar = '';
  const title = el('span');
  const clock = el('strong');
  clock.dataset.drillClock = '';
  const tested = el('span');
  tested.dataset.drillTested = '';
  const progress = el('span');
  progress.dataset.drillProgress = '';
  const actions = el('span', 'lb-incident-actions');
  bar.append(title, tested, progress, actions);
  const live = el('p', 'lb-drill-message');
  live.setAttribute('role', 'status');
  const message = (text: string) => {
    live.textContent = text;
  };
  const finish = el('form', 'lb-drill-form lb-drill-finish');
  finish.setAttribute('aria-label', 'Finish the drill');
  finish.hidden = true;
  const summary = el('details', 'lb-drill-summary');
  panel.replaceChildren(bar, finish, live, summary);

  const tick = () => {
    if (!session) return;
    const at = now();
    const elapsed = elapsedSeconds(session, at);
    clock.textContent = clockText(elapsed);
    if (session.drillKind === 'tabletop') tested.textContent = 'Tabletop: measures no recovery time';
    else {
      const percent = rtoSeconds > 0 ? Math.round((elapsed * TESTED_MARGIN * 100) / rtoSeconds) : 0;
      tested.replaceChildren(`Tested × ${TESTED_MARGIN}: `, el('strong', percent > 100 ? 'lb-over-budget' : '', clockText(elapsed * TESTED_MARGIN)), ` of the ${rto} RTO (${percent}%)`);
    }
    const states = stepStates(session);
    for (const section of sections) {
      const state = states.get(section.dataset.step!);
      if (state && !state.outcome) section.querySelector('[data-drill-status]')!.textContent = stepStatus(state, steps.find((s) => s.id === section.dataset.step)!, at, false);
    }
  };

  const act = (step: string, action: StepAction) => {
    if (!session) return;
    recordStep(session, now(), action === 'start' ? 'started' : action, step);
    save();
    refresh();
    // Keep a keyboard user in the step: the button pressed was replaced.
    block.querySelector<HTMLButtonElement>(`[data-drill-step="${CSS.escape(step)}"] [data-drill-action]`)?.focus({ preventScroll: true });
  };

  const stepTools = (section: HTMLElement, step: DrillStepInfo) => {
    const tools = el('div', 'lb-drill-tools not-content');
    tools.dataset.drillStep = step.id;
    const row = el('div', 'lb-step-row');
    row.append(el('span', 'lb-drill-tag', 'Drill'));
    const buttons = el('span', 'lb-drill-buttons');
    const status = el('span', 'lb-step-done-at');
    status.dataset.drillStatus = step.id;
    row.append(buttons, status);
    const note = el('textarea');
    note.rows = 2;
    note.placeholder = 'Drill notes for the record';
    note.dataset.drillNote = step.id;
    note.setAttribute('aria-label', `Drill notes for step ${step.number}`);
    note.addEventListener('input', () => {
      if (!session || session.endedAt) return;
      setDrillStepNote(session, step.id, note.value);
      save();
    });
    tools.append(row, note);
    section.append(tools);
  };

  /** Step controls and counts from the timeline. */
  const refresh = () => {
    if (!session) return;
    const states = stepStates(session);
    const at = now();
    for (const section of sections) {
      const step = steps.find((s) => s.id === section.dataset.step)!;
      const tools = section.querySelector<HTMLElement>('.lb-drill-tools')!;
      const state = states.get(step.id);
      const buttons = tools.querySelector('.lb-drill-buttons')!;
      buttons.replaceChildren(
        ...(session.endedAt ? [] : stepActions(state)).map((action) => {
          const b = button(ACTION_LABELS[action], () => act(step.id, action));
          b.dataset.drillAction = action;
          b.setAttribute('aria-label', `${ACTION_LABELS[action]} step ${step.number}`);
          if (action === 'start' || action === 'done') b.classList.add('lb-button-primary');
          return b;
        }),
      );
      const status = tools.querySelector('[data-drill-status]')!;
      status.textContent = stepStatus(state, step, at, Boolean(session.endedAt));
      tools.dataset.outcome = state?.outcome ?? (state ? 'running' : 'waiting');
      const over = Boolean(state?.outcome === 'done' && step.estimate && (took(state) ?? 0) > step.estimate);
      status.classList.toggle('lb-over-budget', over || state?.outcome === 'failed');
      const note = tools.querySelector<HTMLTextAreaElement>('[data-drill-note]')!;
      if (document.activeElement !== note) note.value = session.stepNotes[step.id] ?? '';
      note.readOnly = Boolean(session.endedAt);
      note.hidden = Boolean(session.endedAt) && !note.value;
    }
    const p = drillProgress(session);
    progress.textContent = `${p.ended}/${p.total} steps${p.failed ? `, ${p.failed} failed` : ''}${p.skipped ? `, ${p.skipped} skipped` : ''}`;
    tick();
  };

  const finishForm = () => {
    const legend = radios('How did the drill end?', `lb-drill-result-${id}`, RESULTS, drillProgress(session!).failed ? 'partial' : 'pass');
    const notesLabel = el('label', '', 'What was learned (a link to the postmortem)');
    const notes = el('textarea');
    notes.rows = 3;
    notes.id = `lb-drill-notes-${id}`;
    notesLabel.htmlFor = notes.id;
    const open = [...stepStates(session!).entries()].filter(([, s]) => !s.outcome).map(([stepId]) => steps.find((s) => s.id === stepId)!.number);
    const warning = open.length > 0 ? [el('p', '', `Step${open.length === 1 ? '' : 's'} ${open.join(', ')} ${open.length === 1 ? 'was' : 'were'} started but not finished: the record leaves ${open.length === 1 ? 'it' : 'them'} out.`)] : [];
    const end = el('button', 'lb-button lb-button-primary', 'End the drill and write the record');
    end.type = 'submit';
    const back = button('Keep going', () => {
      finish.hidden = true;
      show();
    });
    finish.replaceChildren(legend, notesLabel, notes, ...warning, end, back);
    finish.onsubmit = (event) => {
      event.preventDefault();
      if (!session) return;
      const result = finish.querySelector<HTMLInputElement>(`input[name="lb-drill-result-${id}"]:checked`)!.value as DrillResult;
      finishDrill(session, now(), result, notes.value);
      save();
      finish.hidden = true;
      show();
      // The bar no longer stays in view once the drill ended: bring it, with the record, to the reader.
      panel.scrollIntoView({ block: 'center' });
      actions.querySelector<HTMLButtonElement>('[data-drill-download]')?.focus({ preventScroll: true });
    };
    finish.hidden = false;
    legend.querySelector('input:checked')?.closest('label')?.querySelector('input')?.focus();
  };

  const summaryOf = () => drillSummary(drillRecord(session!), { title: session!.title, rto, rtoSeconds, steps: session!.steps });
  const endedActions = () => {
    const record = drillRecord(session!);
    const yaml = drillRecordYaml(record);
    const text = summaryOf();
    const list = [
      button('Download record (YAML)', () => {
        download(drillRecordFileName(record), 'application/yaml', yaml);
        message(`Downloaded ${drillRecordFileName(record)}. File it in the runbooks' repository: npx lifeboat drill add ${drillRecordFileName(record)}`);
      }, 'drill-download'),
      button('Copy record', () => void copyText(yaml).then((ok) => message(ok ? 'The record (YAML) is on the clipboard.' : 'Copying failed: use Download.')), 'drill-copy'),
      button('Copy summary', () => void copyText(text).then((ok) => message(ok ? 'The summary is on the clipboard.' : 'Copying failed: select the summary below.')), 'drill-copy-summary'),
    ];
    if (typeof navigator.share === 'function') {
      list.push(button('Share', () => void navigator.share({ title: `Drill of ${session!.title}`, text }).catch(() => undefined), 'drill-share'));
    }
    list.push(button('Clear', () => {
      if (!window.confirm('Clear this drill from this browser? Download the record first: it is kept nowhere else.')) return;
      session = undefined;
      save();
      show();
    }, 'drill-clear'));
    return list;
  };

  const show = () => {
    window.clearInterval(timer);
    const running = Boolean(session && !session.endedAt);
    opener.hidden = Boolean(session);
    if (session) form.hidden = true;
    panel.hidden = !session;
    document.body.classList.toggle('lb-drill-active', running);
    if (!session) {
      for (const tools of block.querySelectorAll('.lb-drill-tools')) tools.remove();
      summary.hidden = true;
      finish.hidden = true;
      message('');
      return;
    }
    const kindName = session.drillKind === 'tabletop' ? 'Tabletop' : 'Game day';
    title.replaceChildren(`${kindName} ${running ? '' : 'ended '}`, clock, running ? '' : ` · ${session.result}`);
    for (const section of sections) if (!section.querySelector('.lb-drill-tools')) stepTools(section, steps.find((s) => s.id === section.dataset.step)!);
    if (running) {
      actions.replaceChildren(
        button('Finish', finishForm, 'drill-finish'),
        button('Cancel', () => {
          if (!window.confirm('Stop this drill without a record? What it measured is lost.')) return;
          session = undefined;
          save();
          show();
        }, 'drill-cancel'),
      );
      actions.firstElementChild!.setAttribute('aria-label', 'Finish the drill');
      actions.lastElementChild!.setAttribute('aria-label', 'Cancel the drill');
      summary.hidden = true;
      timer = window.setInterval(tick, 1000);
    } else {
      actions.replaceChildren(...endedActions());
      const pre = el('pre', '', summaryOf());
      summary.replaceChildren(el('summary', '', 'Summary of the drill'), pre);
      summary.hidden = false;
    }
    refresh();
  };

  const onStorage = (event: StorageEvent) => {
    if (event.key !== key && event.key !== null) return;
    session = load();
    show();
  };
  window.addEventListener('storage', onStorage);
  current = {
    block,
    answer: (decision, answer) => {
      if (!session || session.endedAt) return;
      recordAnswer(session, now(), decision, answer);
      save();
    },
    stop: () => {
      window.clearInterval(timer);
      window.removeEventListener('storage', onStorage);
    },
  };
  show();
  if (open && !session) opener.click();
}
