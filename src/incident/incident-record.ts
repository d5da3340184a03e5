/**
 * The JSON export: the incident as a record (kind "incident", runbook ids, per-step outcome,
 * time, reason and note, the decision path) close to the drill record planned in issue 25, plus
 * the timeline itself, which is what an import replays (incident-file.ts).
 */
import { stepNote, stepOutcomes, type Incident, type IncidentEvent } from './incident.ts';

export interface IncidentRecord {
  kind: 'incident';
  version: number;
  id: string;
  title: string | null;
  startedAt: string;
  endedAt: string | null;
  exportedAt: string;
  runbooks: {
    id: string;
    title: string;
    rto: string;
    rtoSeconds: number;
    joinedAt: string;
    steps: { id: string; number: string; title: string; outcome: 'done' | 'skipped' | null; endedAt: string | null; reason: string | null; note: string | null }[];
    decisionPath: { at: string; question: string; answer: string }[];
  }[];
  events: IncidentEvent[];
}

export function incidentRecord(incident: Incident, exportedAt: string): IncidentRecord {
  return {
    kind: 'incident',
    version: incident.version,
    id: incident.id,
    title: incident.title ?? null,
    startedAt: incident.startedAt,
    endedAt: incident.endedAt ?? null,
    exportedAt,
    runbooks: incident.runbooks.map((runbook) => {
      const outcomes = stepOutcomes(incident, runbook.id);
      return {
        id: runbook.id,
        title: runbook.title,
        rto: runbook.rto,
        rtoSeconds: runbook.rtoSeconds,
        joinedAt: runbook.joinedAt,
        steps: runbook.steps.map((s) => {
          const o = outcomes.get(s.id);
          return { ...s, outcome: o?.outcome ?? null, endedAt: o?.at ?? null, reason: o?.reason ?? null, note: stepNote(incident, runbook.id, s.id) || null };
        }),
        decisionPath: incident.events.flatMap((e) => (e.type === 'decision' && e.runbook === runbook.id ? [{ at: e.at, question: e.question, answer: e.answer }] : [])),
      };
    }),
    events: incident.events,
  };
}

export const incidentJson = (incident: Incident, exportedAt: string) => `${JSON.stringify(incidentRecord(incident, exportedAt), null, 2)}\n`;
