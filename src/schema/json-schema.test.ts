import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CONFIG_SCHEMA_FILE, DRILL_SCHEMA_FILE, generateConfigJsonSchema, generateDrillRecordJsonSchema, generateRunbookJsonSchema, SCHEMA_FILE } from './json-schema.ts';

describe('runbook.schema.json', () => {
  it('is current: run `lifeboat schema` and commit the result when this fails', () => {
    const committed = readFileSync(fileURLToPath(new URL(`../../${SCHEMA_FILE}`, import.meta.url)), 'utf8');
    expect(committed).toBe(generateRunbookJsonSchema());
  });

  it('has a configuration twin, config.schema.json, that is current too (`npm run schema`)', () => {
    const committed = readFileSync(fileURLToPath(new URL(`../../${CONFIG_SCHEMA_FILE}`, import.meta.url)), 'utf8');
    expect(committed).toBe(generateConfigJsonSchema());
    expect(JSON.parse(committed).properties.theme.properties.accent.description).toMatch(/#rrggbb/);
  });

  it('has a drill-record twin, drill-record.schema.json, that is current too (`npm run schema`)', () => {
    const committed = readFileSync(fileURLToPath(new URL(`../../${DRILL_SCHEMA_FILE}`, import.meta.url)), 'utf8');
    expect(committed).toBe(generateDrillRecordJsonSchema());
    const schema = JSON.parse(committed);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(expect.arrayContaining(['version', 'runbook', 'kind', 'who', 'startedAt', 'endedAt', 'result', 'steps']));
    expect(schema.properties.steps.items.properties.outcome.enum).toEqual(['done', 'failed', 'skipped']);
  });

  it('forbids unknown keys and documents every field, so editors flag typos and show help', () => {
    const schema = JSON.parse(generateRunbookJsonSchema());
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'title', 'service', 'tier', 'owners', 'escalation', 'lastReviewed', 'rto', 'rpo']));
    const undocumented: string[] = [];
    const walk = (node: Record<string, unknown>, path: string) => {
      for (const [key, child] of Object.entries((node.properties ?? {}) as Record<string, Record<string, unknown>>)) {
        if (!child.description) undocumented.push(`${path}.${key}`);
        walk(child, `${path}.${key}`);
        if (child.items) walk(child.items as Record<string, unknown>, `${path}.${key}[]`);
      }
    };
    walk(schema, '');
    expect(undocumented).toEqual([]);
  });
});
