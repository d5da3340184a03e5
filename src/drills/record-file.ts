/** Where a record is filed: drills/<runbook-id>/<date>-<kind>.yaml, the date in UTC; -2, -3… for a second drill that day. */
import { join } from 'node:path';
import type { DrillRecord } from './record-schema.ts';

export function recordFileName(dir: string, record: DrillRecord, taken: (path: string) => boolean): string {
  const date = new Date(record.startedAt).toISOString().slice(0, 10);
  const base = join(dir, record.runbook, `${date}-${record.kind}`);
  let path = `${base}.yaml`;
  for (let n = 2; taken(path); n++) path = `${base}-${n}.yaml`;
  return path;
}
