/**
 * What drill records measured, as the page shows it: per step the last measured time and how many
 * drills measured it (under the step's heading), and per record a breakdown for the drill history.
 * Tabletop records are listed but measure nothing, as in the gate.
 */
import type { FiledRecord } from '../drills/check-record.ts';
import { KIND_NAMES, measuredRecords } from '../drills/measured.ts';
import type { DrillRecord } from '../drills/record-schema.ts';
import { durationSeconds, formatDuration } from '../schema/primitives.ts';

export interface StepMeasure {
  /** The newest measured time, e.g. "7m30s". */
  duration: string;
  seconds: number;
  /** How many measured drills timed this step. */
  drills: number;
}

const seconds = (from: string, to: string) => Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000));

/** Per step id, from game days and incidents (not tabletops), newest first. */
export function stepMeasures(records: readonly FiledRecord[]): Map<string, StepMeasure> {
  const measures = new Map<string, StepMeasure>();
  for (const { record } of measuredRecords(records)) {
    for (const step of record.steps) {
      if (step.outcome !== 'done' || step.start === undefined) continue;
      const known = measures.get(step.id);
      if (known) known.drills += 1;
      else {
        const s = seconds(step.start, step.end);
        measures.set(step.id, { duration: formatDuration(s), seconds: s, drills: 1 });
      }
    }
  }
  return measures;
}

export interface RecordedStep {
  id: string;
  outcome: DrillRecord['steps'][number]['outcome'];
  duration?: string;
  note?: string;
}

export interface RecordedDrill {
  date: string;
  kind: DrillRecord['kind'];
  /** "game day", "tabletop", "incident". */
  kindLabel: string;
  measured: boolean;
  result: DrillRecord['result'];
  duration: string;
  seconds: number;
  who: string;
  file: string;
  notes?: string;
  steps: RecordedStep[];
  path: { decision: string; answer: string }[];
}

/** Every record of a runbook, newest first. */
export function recordedDrills(records: readonly FiledRecord[]): RecordedDrill[] {
  return [...records]
    .sort((a, b) => Date.parse(b.record.startedAt) - Date.parse(a.record.startedAt))
    .map(({ record, file }) => {
      const total = seconds(record.startedAt, record.endedAt);
      return {
        date: new Date(record.startedAt).toISOString().slice(0, 10),
        kind: record.kind,
        kindLabel: KIND_NAMES[record.kind],
        measured: record.kind !== 'tabletop',
        result: record.result,
        duration: formatDuration(total),
        seconds: total,
        who: record.who.join(', '),
        file,
        ...(record.notes ? { notes: record.notes } : {}),
        steps: record.steps.map((s) => ({
          id: s.id,
          outcome: s.outcome,
          ...(s.start !== undefined && s.outcome !== 'skipped' ? { duration: formatDuration(seconds(s.start, s.end)) } : {}),
          ...(s.note ? { note: s.note } : {}),
        })),
        path: (record.path ?? []).map((p) => ({ decision: p.decision, answer: p.answer })),
      };
    });
}

export interface TestedTime {
  /** The newest measured drill's duration. */
  duration: string;
  date: string;
  /** "game day, recorded", "incident". */
  how: string;
  /** Duration × the RTO margin ÷ the RTO: above 1, the RTO will probably be missed. */
  ratio: number;
}

/**
 * The newest measured recovery time of a runbook, from its `drills:` entries and its records
 * (tabletops measure nothing), against its RTO as the gate judges it (checks.rtoMargin).
 */
export function testedTime(
  drills: readonly { date: string; duration: string; kind?: string | undefined }[],
  records: readonly RecordedDrill[],
  rtoSeconds: number,
  margin: number,
): TestedTime | undefined {
  const measured = [
    ...drills.filter((d) => d.kind !== 'tabletop').map((d) => ({ date: d.date, duration: d.duration, seconds: durationSeconds(d.duration), how: d.kind === 'incident' ? 'incident' : 'game day' })),
    ...records.filter((r) => r.measured).map((r) => ({ date: r.date, duration: r.duration, seconds: r.seconds, how: `${r.kindLabel}, recorded` })),
  ].sort((a, b) => b.date.localeCompare(a.date));
  const newest = measured[0];
  return newest && { duration: newest.duration, date: newest.date, how: newest.how, ratio: rtoSeconds > 0 ? (newest.seconds * margin) / rtoSeconds : Infinity };
}
