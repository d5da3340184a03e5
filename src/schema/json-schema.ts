/**
 * `runbook.schema.json`, `config.schema.json` and `drill-record.schema.json`, generated from the zod schema so editors (YAML language server, VS
 * Code) autocomplete fields, show the descriptions on hover and flag mistakes as you type.
 * A test keeps the committed file equal to what this generates.
 */
import { z } from 'zod';
import { RunbookSchema } from './runbook.ts';
import { ConfigSchema } from '../config/config-schema.ts';
import { DrillRecordSchema } from '../drills/record-schema.ts';

export const SCHEMA_FILE = 'runbook.schema.json';
export const CONFIG_SCHEMA_FILE = 'config.schema.json';
export const DRILL_SCHEMA_FILE = 'drill-record.schema.json';

export function generateRunbookJsonSchema(): string {
  const schema = z.toJSONSchema(RunbookSchema, { io: 'input', target: 'draft-7', unrepresentable: 'throw' });
  const withId = {
    $schema: schema.$schema,
    $id: 'https://lifeboat.dev/runbook.schema.json',
    title: 'Lifeboat runbook',
    ...schema,
  };
  return `${JSON.stringify(withId, null, 2)}\n`;
}

/** The schema of `lifeboat.config.yaml`, for completion and hover help in the configuration file. */
export function generateConfigJsonSchema(): string {
  const schema = z.toJSONSchema(ConfigSchema, { io: 'input', target: 'draft-7', unrepresentable: 'throw' });
  return `${JSON.stringify({ $schema: schema.$schema, $id: 'https://lifeboat.dev/config.schema.json', title: 'Lifeboat configuration', ...schema }, null, 2)}\n`;
}

/** The schema of drill records (drills/<runbook>/<date>-<kind>.yaml), for the page's downloads and editors. */
export function generateDrillRecordJsonSchema(): string {
  const schema = z.toJSONSchema(DrillRecordSchema, { io: 'input', target: 'draft-7', unrepresentable: 'throw' });
  return `${JSON.stringify({ $schema: schema.$schema, $id: 'https://lifeboat.dev/drill-record.schema.json', title: 'Lifeboat drill record', ...schema }, null, 2)}\n`;
}
