/**
 * Writes an imported runbook as text: MDX (frontmatter plus a body of prose and `<Step>`
 * components) or YAML (everything in fields; prose goes into step bodies). Both start with a
 * comment naming the source page and mark every built-in default with `# import default`.
 */
import { Document, isCollection, type Node, type Scalar, type YAMLMap } from 'yaml';
import type { StepSection } from '../schema/runbook.ts';
import type { Piece } from './chunk-pieces.ts';
import type { DefaultedField } from './import-defaults.ts';
import type { BodyPart, ImportedStep } from './page-body.ts';
import type { RunbookFields } from './runbook-fields.ts';

/** Everything a writer needs for one runbook file. */
export interface RunbookToWrite {
  fields: RunbookFields;
  defaulted: readonly DefaultedField[];
  body: BodyPart[];
  /** The source page as reports print it. */
  source: string;
  /** `--cluster ROLE`: set on commands that run kubectl, oc or velero. */
  cluster?: string;
}

/** The header's first line; a later import recognises its own output by it. */
export const IMPORT_MARKER = (source: string) => ` Imported by \`lifeboat import\` from ${source}.`;
/** Reads the source path back out of an imported file's first lines. */
export const importedFrom = (text: string) => /^#? ?Imported by `lifeboat import` from (.+)\.$/m.exec(text.slice(0, 600))?.[1];

const DEFAULT_NOTE = ' import default: not in the source, set it';
const SECTIONS: readonly StepSection[] = ['prechecks', 'steps', 'verify', 'rollback'];
const runsOnCluster = (run: string) => /(^|[\s;|&(`])(kubectl|oc|velero)\s/.test(run);

function yamlText(data: Record<string, unknown>, runbook: RunbookToWrite): string {
  const doc = new Document(data);
  doc.commentBefore = `${IMPORT_MARKER(runbook.source)}\n Values marked "import default" were not in the source: set them (README, "Importing runbooks").`;
  for (const pair of (doc.contents as YAMLMap<Scalar<string>, Node>).items) {
    if (!runbook.defaulted.includes(pair.key.value as DefaultedField) || !pair.value) continue;
    // `owners: [unassigned] # import default` reads better on one line than a block list.
    if (isCollection(pair.value)) pair.value.flow = true;
    pair.value.comment = DEFAULT_NOTE;
  }
  return doc.toString({ lineWidth: 0, blockQuote: 'literal', flowCollectionPadding: false });
}

/** A fence longer than any backtick run inside the text. */
function fence(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  return '`'.repeat(longest + 1);
}

/** A JSX attribute value: plain string literals only, as the loader requires. */
function attribute(value: string): string {
  if (!value.includes('"')) return `"${value}"`;
  return value.includes("'") ? `"${value.replace(/"/g, '”')}"` : `'${value}'`;
}

function mdxCommand(piece: Extract<Piece, { kind: 'command' }>, cluster: string | undefined): string {
  const run = fence(piece.run);
  const attrs = cluster && runsOnCluster(piece.run) ? ` cluster=${attribute(cluster)}` : '';
  const expect = piece.expect === undefined ? '' : `\n<Expect>\n${fence(piece.expect)}\n${piece.expect}\n${fence(piece.expect)}\n</Expect>`;
  return `<Command${attrs}>\n${run}${piece.lang}\n${piece.run}\n${run}${expect}\n</Command>`;
}

function mdxStep(step: ImportedStep, cluster: string | undefined): string {
  const section = step.section === 'steps' ? '' : ` section="${step.section}"`;
  const pieces = step.pieces.map((p) => (p.kind === 'prose' ? p.text : mdxCommand(p, cluster)));
  return `<Step id="${step.id}" title=${attribute(step.title)}${section}>\n\n${pieces.join('\n\n')}\n\n</Step>`;
}

/** The runbook as an `.mdx` file. */
export function writeMdx(runbook: RunbookToWrite): string {
  const body = runbook.body.map((part) => (part.kind === 'prose' ? part.text : mdxStep(part.step, runbook.cluster)));
  return `---\n${yamlText({ ...runbook.fields }, runbook)}---\n\n${body.join('\n\n')}\n`;
}

/** A step for a YAML runbook: prose into `body`, a one-line paragraph just before a command into its description. */
function yamlStep(step: ImportedStep, cluster: string | undefined): Record<string, unknown> {
  const body: string[] = [];
  const commands: Record<string, unknown>[] = [];
  step.pieces.forEach((piece, i) => {
    const next = step.pieces[i + 1];
    if (piece.kind === 'prose' && piece.plain && next?.kind === 'command') return;
    if (piece.kind === 'prose') return void body.push(piece.text);
    const before = step.pieces[i - 1];
    commands.push({
      run: piece.run,
      ...(piece.expect !== undefined ? { expect: piece.expect } : {}),
      ...(cluster && runsOnCluster(piece.run) ? { cluster } : {}),
      ...(before?.kind === 'prose' && before.plain ? { description: before.plain } : {}),
    });
  });
  return { id: step.id, title: step.title, ...(body.length ? { body: `${body.join('\n\n')}\n` } : {}), ...(commands.length ? { commands } : {}) };
}

/** The runbook as a `.yaml` file. */
export function writeYaml(runbook: RunbookToWrite): string {
  const sections: Record<string, unknown> = {};
  for (const section of SECTIONS) {
    const steps = runbook.body.flatMap((p) => (p.kind === 'step' && p.step.section === section ? [yamlStep(p.step, runbook.cluster)] : []));
    if (steps.length) sections[section] = steps;
  }
  return yamlText({ ...runbook.fields, ...sections }, runbook);
}
