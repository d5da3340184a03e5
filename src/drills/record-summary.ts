/**
 * A drill record as a few lines of plain text, for the incident channel or the game-day ticket:
 * what ran, who ran it, how long it took against the RTO (with the 2× margin the gate applies),
 * and each step's outcome and time against its estimate.
 */
import { formatDuration } from '../util/duration.ts';
import type { DrillRecord } from './record-schema.ts';
import type { DrillStepInfo } from './drill-session.ts';

const KIND: Record<DrillRecord['kind'], string> = { 'game-day': 'game day', tabletop: 'tabletop', incident: 'incident' };
const seconds = (from: string, to: string) => Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000));
const utc = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
/** "0" reads oddly for a step done within the second. */
const duration = (s: number) => (s < 1 ? 'under 1s' : formatDuration(s));

/** The margin the gate applies to a measured drill (docs/drills.md). */
export const TESTED_MARGIN = 2;

export function drillSummary(record: DrillRecord, about: { title: string; rto: string; rtoSeconds: number; steps: readonly DrillStepInfo[] }): string {
  const total = seconds(record.startedAt, record.endedAt);
  const percent = about.rtoSeconds > 0 ? ` (${Math.round((total * TESTED_MARGIN * 100) / about.rtoSeconds)}%)` : '';
  const measured =
    record.kind === 'tabletop'
      ? 'A tabletop walk-through: it measures no recovery time.'
      : `Tested time × ${TESTED_MARGIN} = ${duration(total * TESTED_MARGIN)} against the RTO of ${about.rto}${percent}.`;
  const clusters = record.clusters ? ` against ${Object.entries(record.clusters).map(([role, name]) => `${role} ${name}`).join(', ')}` : '';
  const lines = [
    `${KIND[record.kind][0]!.toUpperCase()}${KIND[record.kind].slice(1)} of "${about.title}" (${record.runbook}): ${record.result}`,
    `Run by ${record.who.join(', ')}${clusters}${record.build ? `, from build ${record.build}` : ''}.`,
    `${utc(record.startedAt)} to ${utc(record.endedAt)}: ${duration(total)}. ${measured}`,
    '',
    ...record.steps.map((s) => {
      const step = about.steps.find((info) => info.id === s.id);
      const took = s.start ? seconds(s.start, s.end) : undefined;
      const estimate = step?.estimate ? ` (estimate ${formatDuration(step.estimate)})` : '';
      return `${step ? `${step.number} ${step.title}` : s.id}: ${s.outcome}${took !== undefined ? ` in ${duration(took)}${estimate}` : ''}${s.note ? `. ${s.note}` : ''}`;
    }),
    ...(record.path?.length ? ['', `Decision path: ${record.path.map((p) => p.answer).join(' → ')}`] : []),
    ...(record.notes ? ['', record.notes] : []),
  ];
  return `${lines.join('\n')}\n`;
}
