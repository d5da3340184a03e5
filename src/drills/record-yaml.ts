/**
 * A drill record as the YAML file the page downloads and `lifeboat drill add` files. Written by
 * hand rather than with the yaml library, which would add ~30 KB to the page for one fixed shape:
 * every text is a JSON string, which YAML reads as a double-quoted scalar, so no note, name or
 * answer can break the file however it is worded. Steps and answers take one line each, as a
 * person filing the record would write them.
 */
import type { DrillRecord } from './record-schema.ts';

const q = (text: string) => JSON.stringify(text);
const flow = (fields: [string, string | undefined][]) =>
  `{ ${fields.flatMap(([key, value]) => (value === undefined ? [] : [`${key}: ${q(value)}`])).join(', ')} }`;

export function drillRecordYaml(record: DrillRecord): string {
  const lines = [
    '# yaml-language-server: $schema=../../drill-record.schema.json',
    `# A Lifeboat drill record, written by the page's ${record.kind === 'incident' ? 'incident' : 'drill'} mode. File it with: npx lifeboat drill add FILE`,
    `version: ${record.version}`,
    `runbook: ${q(record.runbook)}`,
    ...(record.build ? [`build: ${q(record.build)}`] : []),
    `kind: ${q(record.kind)}`,
    `who: [${record.who.map(q).join(', ')}]`,
    ...(record.clusters ? [`clusters: ${flow(Object.entries(record.clusters))}`] : []),
    `startedAt: ${q(record.startedAt)}`,
    `endedAt: ${q(record.endedAt)}`,
    `result: ${q(record.result)}`,
    record.steps.length === 0 ? 'steps: []' : 'steps:',
    ...record.steps.map((s) => `  - ${flow([['id', s.id], ['start', s.start], ['end', s.end], ['outcome', s.outcome], ['note', s.note]])}`),
    ...(record.path?.length ? ['path:', ...record.path.map((p) => `  - ${flow([['decision', p.decision], ['answer', p.answer], ['at', p.at]])}`)] : []),
    ...(record.notes ? [`notes: ${q(record.notes)}`] : []),
  ];
  return `${lines.join('\n')}\n`;
}

/** The downloaded file's name; `drill add` renames it to drills/<runbook>/<date>-<kind>.yaml. */
export const drillRecordFileName = (record: DrillRecord) => `${record.runbook}-${record.startedAt.slice(0, 10)}-${record.kind}.yaml`;
