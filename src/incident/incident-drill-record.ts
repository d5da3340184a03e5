/**
 * An ended incident as evidence: one drill record (kind "incident", src/drills/record-schema.ts)
 * for one runbook it used, which `lifeboat drill add` files like a game day's.
 *
 * Incident mode asks for no "Start" per step (an outage is no time for two clicks a step), so a
 * step's start is when the on-call finished the step before it in that runbook, or joined the
 * runbook for its first. That measures the time between ticks, which is the time the step took
 * when steps are worked in order; docs/drills.md says so.
 */
import type { DrillRecord } from '../drills/record-schema.ts';
import { stepNote, stepOutcomes, type Incident } from './incident.ts';

export function incidentDrillRecord(incident: Incident, runbookId: string, filed: { who: string[]; result: DrillRecord['result']; build?: string }): DrillRecord {
  const runbook = incident.runbooks.find((r) => r.id === runbookId);
  if (!runbook || !incident.endedAt) throw new Error('An incident becomes a record once it has ended, for a runbook it used.');
  const outcomes = [...stepOutcomes(incident, runbookId).entries()].sort(([, a], [, b]) => Date.parse(a.at) - Date.parse(b.at));
  let previous = runbook.joinedAt;
  const steps = outcomes.map(([id, o]) => {
    const start = previous;
    previous = o.at;
    const note = [o.reason ? `Skipped: ${o.reason}` : '', stepNote(incident, runbookId, id)].filter(Boolean).join('. ');
    return {
      id,
      ...(o.outcome === 'done' ? { start } : {}),
      end: o.at,
      outcome: o.outcome,
      ...(note ? { note } : {}),
    };
  });
  const path = incident.events.flatMap((e) => (e.type === 'decision' && e.runbook === runbookId && e.decision ? [{ decision: e.decision, answer: e.answer, at: e.at }] : []));
  return {
    version: 1,
    runbook: runbookId,
    ...(filed.build ? { build: filed.build } : {}),
    kind: 'incident',
    who: filed.who,
    startedAt: incident.startedAt,
    endedAt: incident.endedAt,
    result: filed.result,
    steps,
    ...(path.length > 0 ? { path } : {}),
    ...(incident.title ? { notes: `Incident: ${incident.title}` } : {}),
  };
}
