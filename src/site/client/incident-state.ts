/**
 * Incident mode's state and its exports, kept apart from the DOM so the timeline format is
 * plain data. State lives in localStorage (one key per runbook): it survives reloads, a
 * browser restart and being offline, until the on-call clears it.
 */
export interface StepRecord {
  /** When the step was ticked, ISO time. */
  doneAt?: string;
  note?: string;
}

export interface IncidentState {
  runbook: string;
  startedAt: string;
  steps: Record<string, StepRecord>;
}

/** A step as the page shows it (exports list done steps in the order they were done). */
export interface StepInfo {
  id: string;
  number: string;
  title: string;
}

const key = (runbook: string) => `lifeboat:incident:${runbook}`;

export function loadIncident(storage: Storage, runbook: string): IncidentState | undefined {
  try {
    const raw = storage.getItem(key(runbook));
    const state = raw ? (JSON.parse(raw) as IncidentState) : undefined;
    return state && state.runbook === runbook && typeof state.startedAt === 'string' ? state : undefined;
  } catch {
    return undefined; // unreadable (private mode, corrupted): start fresh rather than break the page
  }
}

export function saveIncident(storage: Storage, state: IncidentState): void {
  try {
    storage.setItem(key(state.runbook), JSON.stringify(state));
  } catch {
    // Storage full or disabled: the page keeps working, only persistence is lost.
  }
}

export function clearIncident(storage: Storage, runbook: string): void {
  storage.removeItem(key(runbook));
}

/** "1 h 05 min" style elapsed / remaining text; negative values read as overrun. */
export function clockText(seconds: number): string {
  const sign = seconds < 0 ? '−' : '';
  const s = Math.abs(Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  return `${sign}${h ? `${h}:` : ''}${String(m).padStart(h ? 2 : 1, '0')}:${String(r).padStart(2, '0')}`;
}

/** The timeline as Markdown, for the postmortem document. */
export function timelineMarkdown(state: IncidentState, title: string, rto: string, steps: readonly StepInfo[]): string {
  const start = Date.parse(state.startedAt);
  // In the order things happened; steps with only a note (not done) follow in page order.
  const doneAt = (s: StepInfo) => state.steps[s.id]?.doneAt ?? '\uffff';
  const rows = steps
    .filter((s) => state.steps[s.id]?.doneAt || state.steps[s.id]?.note)
    .sort((a, b) => doneAt(a).localeCompare(doneAt(b)))
    .map((s) => {
      const record = state.steps[s.id]!;
      const at = record.doneAt ? `${record.doneAt.slice(11, 19)} UTC` : 'not done';
      const elapsed = record.doneAt ? `+${clockText((Date.parse(record.doneAt) - start) / 1000)}` : '';
      const note = (record.note ?? '').replace(/\|/g, '\\|').replace(/\n+/g, ' ');
      return `| ${at} | ${elapsed} | ${s.number} ${s.title.replace(/\|/g, '\\|')} | ${note} |`;
    });
  return [
    `# Incident timeline: ${title}`,
    '',
    `- Started: ${state.startedAt}`,
    `- RTO: ${rto}`,
    `- Steps done: ${steps.filter((s) => state.steps[s.id]?.doneAt).length} of ${steps.length}`,
    '',
    '| Time | Since start | Step | Note |',
    '|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

/** The timeline as JSON, for tools. */
export function timelineJson(state: IncidentState, title: string, rto: string, steps: readonly StepInfo[]): string {
  return `${JSON.stringify(
    {
      runbook: state.runbook,
      title,
      rto,
      startedAt: state.startedAt,
      steps: steps.map((s) => ({ id: s.id, number: s.number, title: s.title, doneAt: state.steps[s.id]?.doneAt ?? null, note: state.steps[s.id]?.note ?? null })),
    },
    null,
    2,
  )}\n`;
}
