/**
 * A drill as the page runs it (drill mode): who runs it, against which clusters, and a timeline of
 * step starts and ends and decision answers. Like an incident, step state is never stored as such
 * but folded from the timeline, so what is stored, what the page shows and the record written at
 * the end always agree. Plain data, kept in localStorage per runbook between page loads; no zod
 * here (this runs in the page), the record it produces is checked by the schema when filed.
 */
import type { DrillRecord } from './record-schema.ts';

/** One drill per runbook and browser (the single-file edition has its own file:// storage). */
export { drillKey } from './drill-key.ts';

export interface DrillStepInfo {
  id: string;
  /** "1.3" */
  number: string;
  title: string;
  /** The step's estimate in seconds, when it has one. */
  estimate?: number;
}

export type DrillKind = 'game-day' | 'tabletop';
export type DrillResult = DrillRecord['result'];
export type StepOutcome = DrillRecord['steps'][number]['outcome'];

export type DrillEvent =
  | { at: string; type: 'started' | 'undone'; step: string }
  | { at: string; type: StepOutcome; step: string }
  | { at: string; type: 'decision'; decision: string; answer: string };

export interface DrillSession {
  kind: 'drill-session';
  version: 1;
  runbook: string;
  title: string;
  /** The build the page was read from, as its footer shows it. */
  build?: string;
  rto: string;
  rtoSeconds: number;
  drillKind: DrillKind;
  who: string[];
  clusters: Record<string, string>;
  startedAt: string;
  endedAt?: string;
  result?: DrillResult;
  notes?: string;
  steps: DrillStepInfo[];
  events: DrillEvent[];
  /** Per step, the latest text (typed, so not worth a timeline entry per key stroke). */
  stepNotes: Record<string, string>;
}

export interface StepState {
  start?: string;
  end?: string;
  outcome?: StepOutcome;
}

export type DrillStart = Pick<DrillSession, 'runbook' | 'title' | 'build' | 'rto' | 'rtoSeconds' | 'drillKind' | 'who' | 'clusters' | 'steps'>;

export function startDrill(at: string, start: DrillStart): DrillSession {
  return { kind: 'drill-session', version: 1, ...start, startedAt: at, events: [], stepNotes: {} };
}

/** Each step's state: "started" opens it, done/failed/skipped close it, "undone" takes it back to not started. */
export function stepStates(session: DrillSession): Map<string, StepState> {
  const states = new Map<string, StepState>();
  for (const event of session.events) {
    if (event.type === 'decision') continue;
    if (event.type === 'undone') states.delete(event.step);
    else if (event.type === 'started') states.set(event.step, { start: event.at });
    else states.set(event.step, { ...states.get(event.step), end: event.at, outcome: event.type });
  }
  return states;
}

/**
 * What the operator may do to a step now: start it, finish it (done or failed, only once started:
 * a time nobody measured is not evidence), skip it (started or not), or undo what it ended with.
 */
export function stepActions(state: StepState | undefined): ('start' | 'done' | 'failed' | 'skipped' | 'undone')[] {
  if (!state) return ['start', 'skipped'];
  if (!state.outcome) return ['done', 'failed', 'skipped', 'undone'];
  return ['undone'];
}

export function recordStep(session: DrillSession, at: string, type: 'started' | 'undone' | StepOutcome, step: string): void {
  if (session.endedAt) return;
  if (!session.steps.some((s) => s.id === step)) return;
  session.events.push({ at, type, step });
}

/** Only answers of a decision the runbook's tree names; a drill that ended records nothing more. */
export function recordAnswer(session: DrillSession, at: string, decision: string, answer: string): void {
  if (session.endedAt || !decision || !answer) return;
  session.events.push({ at, type: 'decision', decision, answer });
}

export function setDrillStepNote(session: DrillSession, step: string, text: string): void {
  if (text) session.stepNotes[step] = text;
  else delete session.stepNotes[step];
}

/** Steps started but not finished when the drill ends are left out of the record: they measured nothing. */
export function finishDrill(session: DrillSession, at: string, result: DrillResult, notes: string): void {
  if (session.endedAt) return;
  session.endedAt = at;
  session.result = result;
  if (notes.trim()) session.notes = notes.trim();
}

export const elapsedSeconds = (session: DrillSession, now: string) => Math.max(0, (Date.parse(session.endedAt ?? now) - Date.parse(session.startedAt)) / 1000);

/** Steps ended, of the runbook's steps. */
export function drillProgress(session: DrillSession): { ended: number; total: number; failed: number; skipped: number } {
  const states = [...stepStates(session).values()].filter((s) => s.outcome);
  return { ended: states.length, total: session.steps.length, failed: states.filter((s) => s.outcome === 'failed').length, skipped: states.filter((s) => s.outcome === 'skipped').length };
}

/**
 * The record of an ended drill (src/drills/record-schema.ts): the steps that ended, in the order
 * they ended, and the answers taken. A skipped step keeps its start only if it was started.
 */
export function drillRecord(session: DrillSession): DrillRecord {
  if (!session.endedAt || !session.result) throw new Error('A drill becomes a record once it has ended.');
  const states = stepStates(session);
  const steps = [...states.entries()]
    .filter(([, s]) => s.outcome && s.end)
    .sort(([, a], [, b]) => Date.parse(a.end!) - Date.parse(b.end!))
    .map(([id, s]) => ({
      id,
      ...(s.start ? { start: s.start } : {}),
      end: s.end!,
      outcome: s.outcome!,
      ...(session.stepNotes[id] ? { note: session.stepNotes[id] } : {}),
    }));
  const path = session.events.flatMap((e) => (e.type === 'decision' ? [{ decision: e.decision, answer: e.answer, at: e.at }] : []));
  return {
    version: 1,
    runbook: session.runbook,
    ...(session.build ? { build: session.build } : {}),
    kind: session.drillKind,
    who: session.who,
    ...(Object.keys(session.clusters).length > 0 ? { clusters: session.clusters } : {}),
    startedAt: session.startedAt,
    endedAt: session.endedAt,
    result: session.result,
    steps,
    ...(path.length > 0 ? { path } : {}),
    ...(session.notes ? { notes: session.notes } : {}),
  };
}

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?Z$/;
const isText = (v: unknown): v is string => typeof v === 'string';
const isTime = (v: unknown): v is string => isText(v) && ISO.test(v);
const STEP_TYPES = new Set(['started', 'undone', 'done', 'failed', 'skipped']);

/**
 * A stored drill read back: storage is the page's own, but another version of the site (or a
 * hand edit) may have written it, so the shape is checked before the page trusts it. Anything
 * off and the page starts fresh, as if nothing was stored.
 */
export function readDrillSession(text: string | null): DrillSession | undefined {
  if (!text) return undefined;
  let data: DrillSession;
  try {
    data = JSON.parse(text) as DrillSession;
  } catch {
    return undefined;
  }
  if (data?.kind !== 'drill-session' || data.version !== 1 || !isText(data.runbook) || !isText(data.title) || !isText(data.rto)) return undefined;
  if (typeof data.rtoSeconds !== 'number' || (data.drillKind !== 'game-day' && data.drillKind !== 'tabletop') || !isTime(data.startedAt)) return undefined;
  if (!Array.isArray(data.who) || !data.who.every(isText) || !data.clusters || typeof data.clusters !== 'object' || !Object.values(data.clusters).every(isText)) return undefined;
  if (data.endedAt !== undefined && (!isTime(data.endedAt) || !['pass', 'partial', 'fail'].includes(data.result!))) return undefined;
  if (!Array.isArray(data.steps) || !data.steps.every((s) => isText(s?.id) && isText(s.number) && isText(s.title))) return undefined;
  const stepIds = new Set(data.steps.map((s) => s.id));
  const eventOk = (e: DrillEvent) => isTime(e?.at) && (e.type === 'decision' ? isText(e.decision) && isText(e.answer) : STEP_TYPES.has(e.type) && stepIds.has(e.step));
  if (!Array.isArray(data.events) || !data.events.every(eventOk)) return undefined;
  if (!data.stepNotes || typeof data.stepNotes !== 'object' || !Object.values(data.stepNotes).every(isText)) return undefined;
  return data;
}
