/** Which drill records measured a recovery: game days and real incidents; a tabletop measures nothing. */
import type { FiledRecord } from './check-record.ts';
import type { DrillRecord } from './record-schema.ts';

export const KIND_NAMES: Record<DrillRecord['kind'], string> = { 'game-day': 'game day', tabletop: 'tabletop', incident: 'incident' };

/** Measured records, newest first. */
export function measuredRecords(records: readonly FiledRecord[]): FiledRecord[] {
  return records.filter((r) => r.record.kind !== 'tabletop').sort((a, b) => Date.parse(b.record.startedAt) - Date.parse(a.record.startedAt));
}
