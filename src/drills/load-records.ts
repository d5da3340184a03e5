/**
 * The drill records of a project: every `*.yaml` under the drills folder
 * (`drills/<runbook-id>/<date>-<kind>.yaml`), read, validated and checked against the runbooks.
 * A record with a problem is reported and left out: it never counts as a drill.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Issue } from '../errors/issue.ts';
import type { Runbook } from '../load/runbook-model.ts';
import { decodeChecked } from '../load/text-checks.ts';
import { checkDrillRecord, type FiledRecord } from './check-record.ts';
import { parseDrillRecord } from './parse-record.ts';

export interface DrillRecords {
  /** Valid records by runbook id, in file order. */
  byRunbook: ReadonlyMap<string, readonly FiledRecord[]>;
  issues: Issue[];
}

export const NO_RECORDS: DrillRecords = { byRunbook: new Map(), issues: [] };

/** Reads one record file; `file` is how reports name it. */
export function readDrillRecord(path: string, file: string): { filed?: FiledRecord; issues: Issue[] } {
  const decoded = decodeChecked(readFileSync(path), file);
  if (decoded.issues.length) return { issues: decoded.issues };
  const parsed = parseDrillRecord(decoded.text, file);
  return parsed.record ? { filed: { file, record: parsed.record, source: parsed.source }, issues: [] } : { issues: parsed.issues };
}

/** The record files under `dir`, relative to it; a missing folder holds none. */
export function listRecordFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.ya?ml$/.test(f)).sort();
  } catch {
    return [];
  }
}

export function loadDrillRecords(dir: string, runbooks: readonly Pick<Runbook, 'data' | 'bodySteps'>[], options: { cwd: string; now: Date }): DrillRecords {
  const issues: Issue[] = [];
  const read: { filed: FiledRecord; folder: string | undefined }[] = [];
  for (const name of listRecordFiles(dir)) {
    const file = relative(options.cwd, join(dir, name)).split(sep).join('/');
    const result = readDrillRecord(join(dir, name), file);
    issues.push(...result.issues);
    const parts = name.split(/[\\/]/);
    if (result.filed) read.push({ filed: result.filed, folder: parts.length > 1 ? parts[0] : undefined });
  }
  const ctx = { runbooks: new Map(runbooks.map((r) => [r.data.id, r])), now: options.now };
  const byRunbook = new Map<string, FiledRecord[]>();
  for (const [i, { filed, folder }] of read.entries()) {
    // Of two copies of one drill, the first file counts and the second is the duplicate.
    const problems = checkDrillRecord(filed, { ...ctx, filed: read.slice(0, i).map((r) => r.filed), ...(folder ? { folder } : {}) });
    issues.push(...problems);
    if (problems.length === 0) byRunbook.set(filed.record.runbook, [...(byRunbook.get(filed.record.runbook) ?? []), filed]);
  }
  return { byRunbook, issues };
}
