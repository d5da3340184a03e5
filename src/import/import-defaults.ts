/**
 * The fields a runbook needs that imported pages never have: owners, escalation, tier, RTO, RPO
 * and the last review. Each comes, in order, from a command-line flag, the page's front matter,
 * the defaults file (`--defaults FILE`), or the built-in default below — which is written into the
 * runbook with an `# import default` comment and listed in the report, so nobody mistakes it for
 * a decision someone made.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { z } from 'zod';
import { createIssue } from '../errors/create-issue.ts';
import type { Issue } from '../errors/issue.ts';
import { RunbookSchema, type RunbookData } from '../schema/runbook.ts';

/** Fields the defaults file may set, with the runbook schema's own rules. */
export const ImportDefaultsSchema = RunbookSchema.pick({
  service: true,
  owners: true,
  escalation: true,
  tier: true,
  rto: true,
  rpo: true,
  lastReviewed: true,
  tags: true,
  clusters: true,
})
  .partial()
  .describe('Defaults for runbooks written by `lifeboat import`; every field is optional.');

/** What the defaults file holds, after validation. */
export type ImportDefaults = z.output<typeof ImportDefaultsSchema>;

/** The required fields the importer fills when nothing else does. */
export type DefaultedField = 'owners' | 'escalation' | 'tier' | 'rto' | 'rpo' | 'lastReviewed';

/**
 * Deliberately unmistakable: nobody owns the runbook yet, nobody is on the escalation chain, the
 * least critical tier, and a review date (1970-01-01) that makes `lifeboat check` report the review
 * as overdue until a person has read the runbook.
 */
export const BUILT_IN_DEFAULTS = {
  owners: ['unassigned'],
  escalation: [{ name: 'Not set: add who to call (imported runbook)', chat: 'none' }],
  tier: 3,
  rto: '4h',
  rpo: '24h',
  lastReviewed: '1970-01-01',
} as const satisfies Pick<RunbookData, DefaultedField>;

/** Everything one import run is told: format, flags and the defaults file. */
export interface ImportSettings {
  format: 'mdx' | 'yaml';
  /** From `--defaults FILE`. */
  defaults: ImportDefaults;
  /** `--service`: one service for every imported runbook. */
  service?: string;
  /** `--owner` (repeatable). */
  owners?: string[];
  /** `--tier`. */
  tier?: number;
  /** `--cluster ROLE`: the role kubectl, oc and velero commands run against. */
  cluster?: string;
}

/** Reads and validates the defaults file, or says why it cannot be used. */
export async function readImportDefaults(file: string): Promise<{ defaults: ImportDefaults } | { issue: Issue }> {
  let detail: string;
  try {
    const parsed = ImportDefaultsSchema.strict().safeParse(parse(await readFile(file, 'utf8')) ?? {});
    if (parsed.success) return { defaults: parsed.data };
    detail = parsed.error.issues.map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`).join('; ');
  } catch (error) {
    detail = (error as Error).message.split('\n')[0]!;
  }
  return { issue: createIssue('ImportDefaultsInvalid', { file }, { detail }) };
}
