/**
 * Reading and writing `facts/<cluster>.json`. Writes are atomic (temporary file + rename), so a
 * crashed collection never leaves half a snapshot. Reads validate against the schema and reject
 * (with a positioned error) anything that does not match, rather than trusting it.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { createIssue } from '../errors/create-issue.ts';
import type { Issue } from '../errors/issue.ts';
import { compiledOnFirstUse } from '../load/compiled-schema.ts';
import { parseYamlSource, type YamlSource } from '../load/yaml-source.ts';
import { mapZodIssues } from '../load/zod-issues.ts';
import { FACTS_VERSION, FactsSnapshotSchema, type FactsSnapshot } from '../schema/facts.ts';

/**
 * Stable bytes: fixed key order (set by the collector), the document's structure indented by two
 * spaces, every list item on one line of its own, final newline.
 *
 * Why one line per item: a snapshot is thousands of objects. Fully indented, it was twice the
 * bytes (2.7 MB against 1.4 MB for 2,000 CRDs and 5,000 Services), and reading and parsing the
 * two large snapshots of the check benchmark took ~85 ms against ~60. A diff between two
 * collections also reads better: one changed resource is one changed line.
 */
export function serializeSnapshot(snapshot: FactsSnapshot): string {
  return `${structure(snapshot, '')}\n`;
}

/** Objects indented key by key; a list's items each written compactly on one line. */
function structure(value: unknown, indent: string): string {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((item) => `${inner}${JSON.stringify(item) ?? 'null'}`).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    // What JSON.stringify leaves out of an object (undefined, functions) stays out.
    const entries = Object.entries(value).filter(([, field]) => field !== undefined && typeof field !== 'function' && typeof field !== 'symbol');
    if (entries.length === 0) return '{}';
    return `{\n${entries.map(([key, field]) => `${inner}${JSON.stringify(key)}: ${structure(field, inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

/** Writes `facts/<cluster>.json` atomically; returns its path. */
export function writeSnapshot(dir: string, snapshot: FactsSnapshot): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${snapshot.cluster}.json`);
  const temporary = `${file}.tmp-${process.pid}`;
  writeFileSync(temporary, serializeSnapshot(snapshot));
  renameSync(temporary, file);
  return file;
}

export interface LoadedFacts {
  /** Valid snapshots by cluster name. */
  snapshots: Map<string, FactsSnapshot>;
  issues: Issue[];
}

/** Every `*.json` snapshot in `dir`; a missing folder means no facts, not an error. */
export async function loadFacts(dir: string, cwd = process.cwd()): Promise<LoadedFacts> {
  const snapshots = new Map<string, FactsSnapshot>();
  const issues: Issue[] = [];
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json')).sort();
  } catch {
    return { snapshots, issues };
  }
  for (const name of names) {
    const path = join(dir, name);
    const file = relative(cwd, path).split(sep).join('/');
    const result = parseSnapshot(readFileSync(path, 'utf8'), file);
    issues.push(...result.issues);
    if (result.snapshot) snapshots.set(result.snapshot.cluster, result.snapshot);
  }
  return { snapshots, issues };
}

/** Parses and validates one snapshot's text. The cluster name must match the file name. */
export function parseSnapshot(text: string, file: string): { snapshot?: FactsSnapshot; issues: Issue[] } {
  // Snapshots are megabytes of JSON: JSON.parse reads them; the YAML machinery (JSON is YAML)
  // is only woken up for positions when something is wrong.
  let data: { version?: unknown; cluster?: unknown } | null;
  let lazy: YamlSource | undefined;
  const source = () => (lazy ??= parseYamlSource(text, file));
  try {
    data = JSON.parse(text);
  } catch {
    const issues = source().issues;
    const detail = 'it is not valid JSON';
    return { issues: issues.length ? issues.map((i) => ({ ...i, code: 'FactsInvalid' as const })) : [createIssue('FactsInvalid', { file }, { detail })] };
  }
  if (data && typeof data === 'object' && data.version !== FACTS_VERSION) {
    const detail = `it has format version ${JSON.stringify(data.version)}; this Lifeboat reads version ${FACTS_VERSION}`;
    return { issues: [createIssue('FactsInvalid', { file, path: ['version'], position: source().locate(['version']) }, { detail })] };
  }
  const parsed = compiledSnapshotSchema().safeParse(data);
  if (!parsed.success) {
    const { locate, locateKey } = source();
    const issues = mapZodIssues(parsed.error.issues, { schema: FactsSnapshotSchema, data, file, rootName: 'the snapshot', locate, locateKey });
    const first = issues[0]!;
    const detail = `${issues.length} problem${issues.length === 1 ? '' : 's'}, the first: ${first.message.replace(/\.$/, '')}`;
    return { issues: [createIssue('FactsInvalid', { file, path: first.path, position: first.position }, { detail })] };
  }
  const snapshot = parsed.data;
  const expected = basename(file, '.json');
  if (snapshot.cluster !== expected) {
    const detail = `it holds cluster "${snapshot.cluster}" but is named "${expected}.json"`;
    return { issues: [createIssue('FactsInvalid', { file, path: ['cluster'], position: source().locate(['cluster']) }, { detail, hint: `Rename it to ${snapshot.cluster}.json, or collect it again.` })] };
  }
  return { snapshot, issues: [] };
}

/** The snapshot schema, compiled (compiled-schema.ts). */
const compiledSnapshotSchema = compiledOnFirstUse(FactsSnapshotSchema);
