/**
 * The JSON export: the incident as a record (kind "incident", runbook ids, per-step outcome,
 * end time, reason and note, the decision path) shaped like issue 25's drill record (`end`,
 * `outcome`, `note` per step; `decision`, `answer`, `at` per answer) and one per runbook, plus
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
    steps: { id: string; number: string; title: string; outcome: 'done' | 'skipped' | null; end: string | null; reason: string | null; note: string | null }[];
    /** As a drill record's `path` (issue 25), with the question as the page showed it. */
    decisionPath: { decision: string | null; answer: string; at: string; question: string }[];
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
          return { ...s, outcome: o?.outcome ?? null, end: o?.at ?? null, reason: o?.reason ?? null, note: stepNote(incident, runbook.id, s.id) || null };
        }),
        decisionPath: incident.events.flatMap((e) => (e.type === 'decision' && e.runbook === runbook.id ? [{ decision: e.decision ?? null, answer: e.answer, at: e.at, question: e.question }] : [])),
      };
    }),
    events: incident.events,
  };
}

export const incidentJson = (incident: Incident, exportedAt: string) => `${JSON.stringify(incidentRecord(incident, exportedAt), null, 2)}\n`;
