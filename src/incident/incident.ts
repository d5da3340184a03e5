/**
 * One incident per site: a clock (startedAt), the runbooks opened while it ran, and a timeline
 * of what the on-call did. Plain data with a version, so it can be stored, exported, handed to the
 * next person and imported (incident-file.ts validates it). Step state is never stored as such:
 * it is folded from the timeline, so an export replays to exactly what the page showed.
 */

/** A step as the page shows it; kept in the incident so exports need no page. */
export interface StepInfo {
  id: string;
  /** "1.3" */
  number: string;
  title: string;
}

/** A runbook that joined the incident, with what the home card and the exports need of it. */
export interface IncidentRunbook {
  id: string;
  title: string;
  /** The runbook's RTO as written, e.g. "2h". */
  rto: string;
  rtoSeconds: number;
  joinedAt: string;
  steps: StepInfo[];
}

export type IncidentEvent =
  | { at: string; type: 'joined'; runbook: string }
  | { at: string; type: 'done' | 'undone'; runbook: string; step: string }
  | { at: string; type: 'skipped'; runbook: string; step: string; reason: string }
  | { at: string; type: 'decision'; runbook: string; decision?: string; question: string; answer: string }
  | { at: string; type: 'copied'; runbook: string; step?: string; command: string }
  | { at: string; type: 'ended' }
  | { at: string; type: 'imported'; by?: string };

export const INCIDENT_VERSION = 1;

export interface Incident {
  kind: 'incident';
  version: typeof INCIDENT_VERSION;
  id: string;
  title?: string;
  /** The incident's clock: RTOs are measured from here (the outage started then, not when a runbook was opened). */
  startedAt: string;
  endedAt?: string;
  runbooks: IncidentRunbook[];
  /** In the order they happened. */
  events: IncidentEvent[];
  /** Free notes per runbook and step; the latest text wins (typed, so not worth a timeline entry per key). */
  notes: Record<string, Record<string, string>>;
}

export interface StepOutcome {
  outcome: 'done' | 'skipped';
  at: string;
  reason?: string;
}

export function startIncident(at: string, runbook: Omit<IncidentRunbook, 'joinedAt'>): Incident {
  const id = `incident-${at.slice(0, 16).replace(/[-:]/g, '').replace('T', '-')}-${Math.random().toString(36).slice(2, 6)}`;
  const incident: Incident = { kind: 'incident', version: INCIDENT_VERSION, id, startedAt: at, runbooks: [], events: [], notes: {} };
  joinRunbook(incident, runbook, at);
  return incident;
}

/** Adds the runbook when it is new to the incident; later visits change nothing. */
export function joinRunbook(incident: Incident, runbook: Omit<IncidentRunbook, 'joinedAt'>, at: string): boolean {
  if (incident.runbooks.some((r) => r.id === runbook.id)) return false;
  incident.runbooks.push({ ...runbook, joinedAt: at });
  incident.events.push({ at, type: 'joined', runbook: runbook.id });
  return true;
}

export function endIncident(incident: Incident, at: string): void {
  if (incident.endedAt) return;
  incident.endedAt = at;
  incident.events.push({ at, type: 'ended' });
}

/** Each step's last outcome in one runbook; "undone" takes a step back to not started. */
export function stepOutcomes(incident: Incident, runbook: string): Map<string, StepOutcome> {
  const outcomes = new Map<string, StepOutcome>();
  for (const event of incident.events) {
    if (!('step' in event) || event.runbook !== runbook || !event.step) continue;
    if (event.type === 'done') outcomes.set(event.step, { outcome: 'done', at: event.at });
    else if (event.type === 'skipped') outcomes.set(event.step, { outcome: 'skipped', at: event.at, reason: event.reason });
    else if (event.type === 'undone') outcomes.delete(event.step);
  }
  return outcomes;
}

/** Steps done or skipped, of the runbook's steps. */
export function runbookProgress(incident: Incident, runbook: IncidentRunbook): { finished: number; total: number } {
  const outcomes = stepOutcomes(incident, runbook.id);
  return { finished: runbook.steps.filter((s) => outcomes.has(s.id)).length, total: runbook.steps.length };
}

export function stepNote(incident: Incident, runbook: string, step: string): string {
  return Object.hasOwn(incident.notes, runbook) && Object.hasOwn(incident.notes[runbook]!, step) ? incident.notes[runbook]![step]! : '';
}

export function setStepNote(incident: Incident, runbook: string, step: string, text: string): void {
  const notes = Object.hasOwn(incident.notes, runbook) ? incident.notes[runbook]! : (incident.notes[runbook] = {});
  if (text) notes[step] = text;
  else delete notes[step];
}
