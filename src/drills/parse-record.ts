/**
 * Reads one drill record's text: YAML with positions, then the schema. Problems of form are the
 * format codes a runbook gets (YamlSyntax, MissingField, InvalidType…), at their line and column.
 */
import { createIssue } from '../errors/create-issue.ts';
import { at, type Issue } from '../errors/issue.ts';
import { compiledOnFirstUse } from '../load/compiled-schema.ts';
import { parseYamlSource, type YamlSource } from '../load/yaml-source.ts';
import { mapZodIssues } from '../load/zod-issues.ts';
import { DrillRecordSchema, type DrillRecord } from './record-schema.ts';

export interface ParsedRecord {
  record?: DrillRecord;
  issues: Issue[];
  /** Positions of paths in the record, for the checks against the runbook. */
  source: YamlSource;
}

export function parseDrillRecord(text: string, file: string): ParsedRecord {
  const source = parseYamlSource(text, file);
  if (source.issues.length > 0) return { issues: source.issues, source };
  if (source.data === null || typeof source.data !== 'object' || Array.isArray(source.data)) {
    const received = source.data == null ? 'empty' : Array.isArray(source.data) ? 'a list' : `the value ${JSON.stringify(source.data).slice(0, 60)}`;
    const hint = 'A drill record starts with `version: 1` and `runbook: <id>`; the page\'s drill mode writes complete ones. See drill-record.schema.json.';
    return { issues: [createIssue('InvalidType', { file, position: at(1, 1) }, { field: 'A drill record', expected: 'a mapping of fields (version, runbook, kind, …)', received, hint })], source };
  }
  const parsed = compiledRecordSchema().safeParse(source.data);
  if (parsed.success) return { record: parsed.data, issues: [], source };
  const issues = mapZodIssues(parsed.error.issues, { schema: DrillRecordSchema, data: source.data, file, rootName: 'the drill record', locate: source.locate, locateKey: source.locateKey });
  return { issues, source };
}

const compiledRecordSchema = compiledOnFirstUse(DrillRecordSchema);
