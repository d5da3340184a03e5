import { createIssue } from '../errors/create-issue.ts';
import { at, type Issue } from '../errors/issue.ts';
import { RunbookSchema, type RunbookData } from '../schema/runbook.ts';
import type { YamlSource } from './yaml-source.ts';
import { parseYamlSource } from './yaml-source.ts';
import { compiledOnFirstUse } from './compiled-schema.ts';
import { mapZodIssues } from './zod-issues.ts';

export interface ParsedFields {
  data?: RunbookData;
  /**
   * When the schema failed only in fields the collection rules do not read (say a bad `rto`),
   * the rest of the runbook, so gotos, ids and links are still checked and nobody gets a false
   * "unknown runbook" for linking to a runbook with an unrelated typo.
   */
  partial?: RunbookData;
  issues: Issue[];
  source: YamlSource;
}

/**
 * Validates runbook fields from YAML text against the schema, with positions.
 * `lineOffset` is 1 for MDX frontmatter (the opening `---` line).
 */
export function parseRunbookFields(text: string, file: string, lineOffset = 0): ParsedFields {
  const source = parseYamlSource(text, file, lineOffset);
  if (source.issues.length > 0) return { issues: source.issues, source };
  if (source.data === null || typeof source.data !== 'object' || Array.isArray(source.data)) {
    const issue = createIssue(
      'InvalidType',
      { file, position: at(1 + lineOffset, 1) },
      {
        field: 'A runbook',
        expected: 'a mapping of fields (id, title, service, …)',
        received: source.data == null ? 'empty' : Array.isArray(source.data) ? 'a list' : `the value ${JSON.stringify(source.data)}`,
        hint: 'Start the file with `id: my-runbook` and the other required fields; see runbook.schema.json.',
      },
    );
    return { issues: [issue], source };
  }
  const result = compiledRunbookSchema().safeParse(source.data);
  if (result.success) return { data: result.data, issues: [], source };
  const issues = mapZodIssues(result.error.issues, {
    schema: RunbookSchema,
    data: source.data,
    file,
    locate: source.locate,
    locateKey: source.locateKey,
  });
  return { issues, source, partial: salvage(source.data as Record<string, unknown>) };
}

/** The runbook schema, compiled (compiled-schema.ts); a test holds it equal to the schema itself. */
export const compiledRunbookSchema = compiledOnFirstUse(RunbookSchema);

/** Fields the collection rules need intact; if any fails, rules would misreport, so skip them. */
const STRUCTURE = ['id', 'clusters', 'vars', 'prechecks', 'steps', 'verify', 'rollback', 'decisions'] as const;
/** Fields some rules read; dropped (and their rules silent) when they fail. */
const OPTIONAL = ['related', 'requires', 'escalation'] as const;

function salvage(raw: Record<string, unknown>): RunbookData | undefined {
  const shape = RunbookSchema.shape;
  const kept: Record<string, unknown> = {};
  for (const key of [...STRUCTURE, ...OPTIONAL]) {
    if (raw[key] === undefined) continue;
    const result = shape[key].safeParse(raw[key]);
    if (result.success) kept[key] = result.data;
    else if ((STRUCTURE as readonly string[]).includes(key)) return undefined;
  }
  if (typeof kept.id !== 'string') return undefined;
  return { title: String(raw.title ?? kept.id), service: '', tier: 0, owners: [], escalation: [], lastReviewed: '', rto: '0', rpo: '0', ...kept } as unknown as RunbookData;
}

/** Parses a `.yaml`/`.yml` runbook file. */
export function parseYamlRunbook(text: string, file: string): ParsedFields {
  return parseRunbookFields(text, file, 0);
}
