/**
 * Reads an incident export back (the handover to another browser). The file is untrusted input:
 * every field is checked for type, size and sense (times are ISO UTC, not in the future, not
 * before the incident began; steps and runbooks referred to exist), and only known fields are
 * kept. One one-line message on the first problem; the caller keeps its current state.
 */
import { INCIDENT_VERSION, setStepNote, type Incident, type IncidentEvent, type IncidentRunbook } from './incident.ts';

export type ParsedIncident = { incident: Incident } | { error: string };

const MAX_BYTES = 5_000_000;
/** Clocks of two laptops differ; a file from a few minutes "ahead" is still fine. */
const CLOCK_SKEW_MS = 5 * 60_000;
const ID = /^[a-z0-9][a-z0-9._-]{0,199}$/i;
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?Z$/;

class Invalid extends Error {}
const fail = (where: string, problem: string): never => {
  throw new Invalid(`${where} ${problem}`);
};

type Obj = Record<string, unknown>;
const object = (v: unknown, where: string): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : fail(where, 'is not an object'));
const array = (v: unknown, where: string, max: number): unknown[] =>
  Array.isArray(v) ? (v.length <= max ? v : fail(where, `has more than ${max} entries`)) : fail(where, 'is not a list');
const text = (v: unknown, where: string, max: number, min = 0): string =>
  typeof v !== 'string' ? fail(where, 'is not text') : v.length > max ? fail(where, `is longer than ${max} characters`) : v.length < min ? fail(where, 'is empty') : v;
const id = (v: unknown, where: string) => (ID.test(text(v, where, 200, 1)) ? (v as string) : fail(where, `is not an id (${JSON.stringify(v)})`));

export function parseIncidentFile(source: string, now: number): ParsedIncident {
  try {
    if (source.length > MAX_BYTES) fail('The file', 'is larger than an incident export can be (5 MB)');
    let data: unknown;
    try {
      data = JSON.parse(source);
    } catch {
      fail('The file', 'is not JSON (export it with "Export JSON")');
    }
    return { incident: readIncident(object(data, 'The file'), now) };
  } catch (error) {
    if (error instanceof Invalid) return { error: error.message };
    throw error;
  }
}

function readIncident(data: Obj, now: number): Incident {
  if (data.kind !== 'incident') fail('The file', 'is not an incident export (no "kind": "incident")');
  if (data.version !== INCIDENT_VERSION)
    fail('The file', `is version ${JSON.stringify(data.version)} of the incident format; this site reads version ${INCIDENT_VERSION}`);
  const time = (v: unknown, where: string, after?: string) => {
    const t = text(v, where, 30);
    if (!ISO.test(t) || !Number.isFinite(Date.parse(t))) fail(where, `is not an ISO UTC time (${JSON.stringify(t)})`);
    if (Date.parse(t) > now + CLOCK_SKEW_MS) fail(where, `is in the future (${t}); check the clock of the computer that exported it`);
    if (after && Date.parse(t) < Date.parse(after)) fail(where, `(${t}) is before the incident started (${after})`);
    return t;
  };
  const startedAt = time(data.startedAt, 'startedAt');
  const runbooks: IncidentRunbook[] = [];
  const noted: [runbook: string, step: string, note: string][] = [];
  array(data.runbooks, 'runbooks', 1000).forEach((value, i) => {
    const r = object(value, `runbooks[${i}]`);
    const runbook: IncidentRunbook = {
      id: id(r.id, `runbooks[${i}].id`),
      title: text(r.title, `runbooks[${i}].title`, 500),
      rto: text(r.rto, `runbooks[${i}].rto`, 30),
      rtoSeconds: typeof r.rtoSeconds === 'number' && r.rtoSeconds >= 0 && Number.isFinite(r.rtoSeconds) ? r.rtoSeconds : fail(`runbooks[${i}].rtoSeconds`, 'is not a number of seconds'),
      joinedAt: time(r.joinedAt, `runbooks[${i}].joinedAt`, startedAt),
      steps: [],
    };
    if (runbooks.some((other) => other.id === runbook.id)) fail(`runbooks[${i}].id`, `repeats "${runbook.id}"`);
    array(r.steps, `runbooks[${i}].steps`, 1000).forEach((s, j) => {
      const where = `runbooks[${i}].steps[${j}]`;
      const step = object(s, where);
      runbook.steps.push({ id: id(step.id, `${where}.id`), number: text(step.number, `${where}.number`, 30), title: text(step.title, `${where}.title`, 500) });
      if (step.note !== null && step.note !== undefined) noted.push([runbook.id, runbook.steps.at(-1)!.id, text(step.note, `${where}.note`, 20_000)]);
    });
    runbooks.push(runbook);
  });
  const events = array(data.events, 'events', 50_000).map((value, i) => readEvent(object(value, `events[${i}]`), `events[${i}]`, runbooks, (v, w) => time(v, w, startedAt)));
  const incident: Incident = { kind: 'incident', version: INCIDENT_VERSION, id: id(data.id, 'id'), startedAt, runbooks, events, notes: {} };
  for (const [runbook, step, note] of noted) setStepNote(incident, runbook, step, note);
  if (data.title !== null && data.title !== undefined) incident.title = text(data.title, 'title', 200);
  if (data.endedAt !== null && data.endedAt !== undefined) incident.endedAt = time(data.endedAt, 'endedAt', startedAt);
  return incident;
}

function readEvent(e: Obj, where: string, runbooks: IncidentRunbook[], time: (v: unknown, where: string) => string): IncidentEvent {
  const at = time(e.at, `${where}.at`);
  const runbook = () => {
    const found = runbooks.find((r) => r.id === e.runbook);
    return found ?? fail(`${where}.runbook`, `names a runbook that is not in the incident (${JSON.stringify(e.runbook)})`);
  };
  const step = (r: IncidentRunbook) =>
    r.steps.some((s) => s.id === e.step) ? (e.step as string) : fail(`${where}.step`, `names no step of runbook "${r.id}" (${JSON.stringify(e.step)})`);
  switch (e.type) {
    case 'joined':
      return { at, type: e.type, runbook: runbook().id };
    case 'done':
    case 'undone': {
      const r = runbook();
      return { at, type: e.type, runbook: r.id, step: step(r) };
    }
    case 'skipped': {
      const r = runbook();
      return { at, type: e.type, runbook: r.id, step: step(r), reason: text(e.reason, `${where}.reason`, 2000) };
    }
    case 'decision': {
      const event: IncidentEvent = { at, type: e.type, runbook: runbook().id, question: text(e.question, `${where}.question`, 2000), answer: text(e.answer, `${where}.answer`, 2000) };
      if (e.decision !== undefined) event.decision = id(e.decision, `${where}.decision`);
      return event;
    }
    case 'copied': {
      const r = runbook();
      const event: IncidentEvent = { at, type: e.type, runbook: r.id, command: text(e.command, `${where}.command`, 20_000) };
      if (e.step !== undefined) event.step = step(r);
      return event;
    }
    case 'ended':
      return { at, type: e.type };
    case 'imported':
      return e.by === undefined ? { at, type: e.type } : { at, type: e.type, by: text(e.by, `${where}.by`, 200) };
    default:
      return fail(`${where}.type`, `is not a kind of timeline entry this site knows (${JSON.stringify(e.type)})`);
  }
}
