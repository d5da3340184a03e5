/**
 * Turns zod's validation issues into Lifeboat issues with catalogue codes, author-facing wording
 * and source positions. zod says *what* failed; this adds *where* (from the YAML AST) and *how
 * to fix it* (allowed keys, did-you-mean, examples).
 */
import type { z } from 'zod';
import { createIssue } from '../errors/create-issue.ts';
import { didYouMean, listNames } from '../errors/did-you-mean.ts';
import { formatPath, type Issue, type Position } from '../errors/issue.ts';
import { DURATION_PATTERN, ID_PATTERN, slugify } from '../schema/primitives.ts';
import { describeAt, fieldsAt } from './schema-walk.ts';

export interface ZodIssueContext {
  schema: z.ZodType;
  data: unknown;
  /** How to name the validated value as a whole; defaults to "the runbook". */
  rootName?: string;
  file: string;
  /** Source position of the value at a path (or its nearest ancestor). */
  locate(path: readonly (string | number)[]): Position;
  locateKey(path: readonly (string | number)[], key: string): Position;
}

type RawIssue = z.core.$ZodIssue;
type Path = (string | number)[];

/** Example values for required fields, used in "add `field: …`" hints. */
const EXAMPLES: Record<string, string> = {
  id: 'restore-ledger-db',
  title: 'Restore the ledger database',
  service: 'payments-api',
  tier: '1',
  owners: '[payments-team]',
  escalation: '[{ name: Payments on-call, pager: "pagerduty:PAYMENTS" }]',
  lastReviewed: '2026-11-01',
  rto: '1h',
  rpo: '15m',
  run: 'kubectl get pods -n payments',
  question: 'Are the pods Running?',
  answers: '[{ label: Yes, goto: verify-traffic }]',
  label: 'Yes',
  date: '2026-10-12',
  duration: '42m',
  result: 'pass',
  kind: 'StorageClass',
  name: 'gp3-csi',
  cluster: 'dr',
};

export function mapZodIssues(raw: readonly RawIssue[], ctx: ZodIssueContext): Issue[] {
  return raw.flatMap((issue) => mapOne(issue, ctx));
}

function mapOne(issue: RawIssue, ctx: ZodIssueContext): Issue[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const value = valueAt(ctx.data, path);
  const root = ctx.rootName ?? 'the runbook';
  const field = formatPath(path) || root;
  const site = { file: ctx.file, path, position: ctx.locate(path) };

  // A missing field is missing whichever check noticed it: for `rto` (a union of "0" and a
  // duration) zod reports the first alternative, and "Allowed values: "0"" misleads.
  const parentExists = path.length > 0 && isMapping(valueAt(ctx.data, path.slice(0, -1)));
  if (value === undefined && parentExists && issue.code !== 'unrecognized_keys') {
    const name = String(path.at(-1));
    return [
      createIssue(
        'MissingField',
        { file: ctx.file, path, position: ctx.locate(path.slice(0, -1)) },
        { field: name, where: describeWhere(path.slice(0, -1), root), expected: issue.code === 'invalid_type' ? expectedText(issue.expected) : (describeAt(ctx.schema, path)?.replace(/\.$/, '') ?? 'see runbook.schema.json'), example: EXAMPLES[name] },
      ),
    ];
  }

  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => {
        const allowed = fieldsAt(ctx.schema, path);
        return createIssue(
          'UnknownKey',
          { file: ctx.file, path: [...path, key], position: ctx.locateKey(path, key) },
          { key: clip(key), where: describeWhere(path, root), suggestion: didYouMean(key, allowed), allowed: listNames(allowed, 30) },
        );
      });

    case 'invalid_type': {
      return [
        createIssue('InvalidType', site, {
          field,
          expected: expectedText(issue.expected),
          received: receivedText(value),
          hint: typeHint(issue.expected, value),
        }),
      ];
    }

    case 'invalid_union':
      return mapUnion(issue, ctx);

    case 'invalid_format':
      return [formatIssue(issue, field, value, site)];

    case 'invalid_value': {
      const allowed = issue.values.map(String);
      return [
        createIssue('InvalidValue', site, {
          field,
          detail: `is ${shown(value)}, which is not one of the allowed values`,
          suggestion: typeof value === 'string' ? didYouMean(value, allowed) : undefined,
          allowed: listNames(allowed, 20),
        }),
      ];
    }

    case 'too_small':
    case 'too_big': {
      const limit = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      const word = issue.code === 'too_small' ? 'at least' : 'at most';
      const detail =
        issue.origin === 'array'
          ? `must have ${word} ${limit} ${Number(limit) === 1 ? 'entry' : 'entries'}`
          : issue.origin === 'string'
            ? Number(limit) === 1 && issue.code === 'too_small'
              ? 'must not be empty'
              : `must be ${word} ${limit} characters long`
            : `is ${shown(value)}, but must be ${word} ${limit}`;
      return [createIssue('InvalidValue', site, { field, detail })];
    }

    default:
      return [createIssue('InvalidValue', site, { field, detail: `is not valid (${issue.message})` })];
  }
}

/** For a union, report the branch that got furthest instead of every alternative. */
function mapUnion(issue: Extract<RawIssue, { code: 'invalid_union' }>, ctx: ZodIssueContext): Issue[] {
  const branches = issue.errors.filter((branch) => branch.length > 0);
  // A branch that failed only because of the input's basic type is the wrong alternative.
  const relevant = branches.filter(
    (branch) => !branch.every((i) => i.code === 'invalid_type' || (i.code === 'invalid_value' && i.path.length === 0)),
  );
  const chosen = relevant[0] ?? branches[0];
  if (!chosen) return [];
  const prefix = issue.path;
  return chosen.flatMap((inner) => mapOne({ ...inner, path: [...prefix, ...inner.path] } as RawIssue, ctx));
}

function formatIssue(
  issue: Extract<RawIssue, { code: 'invalid_format' }>,
  field: string,
  value: unknown,
  site: { file: string; path: Path; position: Position },
): Issue {
  const text = clip(String(value));
  if (issue.format === 'date') return createIssue('InvalidDate', site, { field, value: text });
  if (issue.format === 'url')
    return createIssue('InvalidValue', site, { field, detail: `is "${text}", which is not an absolute URL such as "https://runbooks.example.com"` });
  const pattern = 'pattern' in issue ? String(issue.pattern) : '';
  if (pattern === String(DURATION_PATTERN)) return createIssue('InvalidDuration', site, { field, value: text });
  if (pattern === String(ID_PATTERN)) {
    const fixed = slugify(text);
    return createIssue('InvalidId', site, { field, value: text, fixed: fixed || undefined });
  }
  return createIssue('InvalidValue', site, {
    field,
    detail: `is "${text}", which does not have the required form (${pattern || issue.format})`,
  });
}

/** Text quoted in a message, cut to a line: a value may be a megabyte (messages are printed whole). */
const clip = (text: string, max = 80) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const shown = (value: unknown) => clip(JSON.stringify(value) ?? String(value));

/** A plain object, as YAML mappings are read (not bytes, a Set or a Map from a tag). */
function isMapping(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let current = data;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[part];
  }
  return current;
}

function describeWhere(path: readonly (string | number)[], root: string): string {
  return path.length === 0 ? root : `"${formatPath(path)}"`;
}

function expectedText(expected: string): string {
  const map: Record<string, string> = {
    string: 'a string',
    number: 'a number',
    int: 'a whole number',
    boolean: 'true or false',
    array: 'a list',
    object: 'a mapping of keys to values',
    record: 'a mapping of keys to values',
  };
  return map[expected] ?? expected;
}

function receivedText(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'empty (null)';
  if (Array.isArray(value)) return 'a list';
  // `!!binary` reads as bytes and `!!set`/`!!omap` as other objects: none of them is a mapping.
  if (ArrayBuffer.isView(value)) return 'binary data (a `!!binary` value)';
  if (typeof value === 'object' && !isMapping(value)) return `a ${value.constructor?.name ?? 'special'} value (from a YAML tag)`;
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `the ${typeof value} ${shown(value)}`;
}

function typeHint(expected: string, value: unknown): string {
  if (expected === 'string' && (typeof value === 'number' || typeof value === 'boolean'))
    return `Quote the value so YAML reads it as text: "${clip(String(value))}".`;
  if (expected === 'string' && Array.isArray(value))
    return 'Write one string. For a multi-line command use a block scalar: `run: |` followed by the indented lines.';
  if (expected === 'array' && value !== null && typeof value !== 'object')
    return 'Make it a list: put each entry on its own line starting with "- ".';
  if (expected === 'object' && typeof value === 'string')
    return 'Write the fields as indented "key: value" lines under this key.';
  if (value === null) return 'The key has no value; give it one or remove the key.';
  if (ArrayBuffer.isView(value)) return 'Remove the `!!binary` tag and write the value as plain text.';
  return `Write ${expectedText(expected)} here; \`lifeboat schema\` (or \`lifeboat schema --of config\`) gives every field's type.`;
}

