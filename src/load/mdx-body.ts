/**
 * Reads the Lifeboat components out of an MDX body (`<Step>`, `<Command>`, `<Expect>`,
 * `<Decision>`) into the runbook model, statically, with the same parser Astro renders with
 * (Sätteri). What the checks and the binder read is therefore exactly what the page shows.
 */
import { mdxToMdast } from 'satteri';
import { createIssue } from '../errors/create-issue.ts';
import { didYouMean, listNames } from '../errors/did-you-mean.ts';
import { at, type Issue, type Position } from '../errors/issue.ts';
import { STEP_SECTIONS, StepSchema, type Step, type StepSection } from '../schema/runbook.ts';
import type { BodyStep } from './runbook-model.ts';
import { compiledOnFirstUse } from './compiled-schema.ts';
import { mapZodIssues } from './zod-issues.ts';
import { DEFAULT_MDX_POLICY, findMdxCode, type MdxPolicy } from './mdx-code.ts';

/** Components every MDX runbook may use without importing them. */
export const LIFEBOAT_COMPONENTS = ['Step', 'Command', 'Expect', 'Decision'] as const;

interface MdNode {
  type: string;
  name?: string | null;
  value?: string;
  attributes?: MdAttribute[];
  children?: MdNode[];
  position?: { start: { line: number; column: number; offset: number }; end: { offset: number } };
}
interface MdAttribute {
  type: string;
  name?: string;
  value?: string | null | { type: string; value: string };
}

export interface MdxBody {
  steps: BodyStep[];
  decisions: { id: string; position: Position }[];
  /** Positions of body paths (`$body/0/commands/1`), for `Runbook.locate`. */
  positions: Map<string, Position>;
  /** Where the text of each fenced command starts (`$body/0/commands/1/run`), for columns inside it. */
  textStarts: Map<string, { line: number; column: number }>;
  issues: Issue[];
}

/**
 * Parses the MDX `source` (whole file, frontmatter included) and extracts its components; reports
 * the code in it that `policy` does not allow (mdx-code.ts). `absolutePath` locates relative imports.
 */
export function readMdxBody(source: string, file: string, policy: MdxPolicy = DEFAULT_MDX_POLICY, absolutePath = file): MdxBody {
  const body: MdxBody = { steps: [], decisions: [], positions: new Map(), textStarts: new Map(), issues: [] };
  let tree: MdNode;
  try {
    tree = mdxToMdast(source) as unknown as MdNode;
  } catch (error) {
    body.issues.push(mdxSyntaxIssue(error, file));
    return body;
  }
  body.issues.push(...findMdxCode(tree, source, file, absolutePath, policy, LIFEBOAT_COMPONENTS));
  const imported = importedNames(tree);
  const posOf = (node: MdNode): Position =>
    node.position ? at(node.position.start.line, node.position.start.column) : at(1, 1);
  const problem = (node: MdNode, component: string, detail: string, hint?: string) =>
    body.issues.push(createIssue('MdxInvalidComponent', { file, position: posOf(node) }, { component, detail, hint }));

  const visit = (node: MdNode, inStep: boolean, inCommand: boolean) => {
    if (isJsx(node) && node.name) {
      const root = node.name.split('.')[0]!;
      const isLifeboat = (LIFEBOAT_COMPONENTS as readonly string[]).includes(node.name) && !imported.has(root);
      if (!isLifeboat && /^[A-Z]/.test(root) && !imported.has(root)) {
        body.issues.push(
          createIssue(
            'MdxUnknownComponent',
            { file, position: posOf(node) },
            { name: node.name, suggestion: didYouMean(node.name, LIFEBOAT_COMPONENTS), known: listNames([...LIFEBOAT_COMPONENTS]) },
          ),
        );
        return;
      }
      if (isLifeboat) {
        if (node.name === 'Step') {
          if (inStep) return problem(node, 'Step', 'is nested inside another <Step>', 'Close the first <Step> before opening the next one.');
          return readStep(node);
        }
        if (node.name === 'Command' && !inStep)
          return problem(node, 'Command', 'is outside a <Step>', 'Put the command inside the <Step> it belongs to, so it is numbered, checked and printed with that step.');
        if (node.name === 'Expect' && !inCommand)
          return problem(node, 'Expect', 'is outside a <Command>', 'Put <Expect> inside the <Command> whose output it describes.');
        if (node.name === 'Decision') return readDecision(node);
      }
    }
    for (const child of node.children ?? []) visit(child, inStep, inCommand);
  };

  const readDecision = (node: MdNode) => {
    const attrs = readAttributes(node, 'Decision', problem);
    if (typeof attrs.id !== 'string') return problem(node, 'Decision', 'has no id', 'Write <Decision id="root" /> with the id of a node in the frontmatter `decisions` list.');
    body.decisions.push({ id: attrs.id, position: posOf(node) });
  };

  const readStep = (node: MdNode) => {
    const index = body.steps.length;
    const rejected = new Set<string>();
    const attrs = readAttributes(node, 'Step', problem, rejected);
    const section = (attrs.section ?? 'steps') as StepSection;
    if (!STEP_SECTIONS.includes(section)) {
      problem(node, 'Step', `has section "${String(attrs.section)}"`, `Use one of: ${listNames([...STEP_SECTIONS])}.`);
    }
    const commands: Record<string, unknown>[] = [];
    const prose: string[] = [];
    for (const child of node.children ?? []) {
      if (isJsx(child) && child.name === 'Command') {
        const command = readCommand(child);
        // A command already reported as malformed is left out, so the schema does not report it twice.
        if (!command) continue;
        body.positions.set(`$body/${index}/commands/${commands.length}`, posOf(child));
        const fence = child.children?.find((c) => c.type === 'code')?.position?.start;
        if (fence) body.textStarts.set(`$body/${index}/commands/${commands.length}/run`, { line: fence.line + 1, column: fence.column });
        commands.push(command);
      } else {
        visit(child, true, false);
        if (child.position) prose.push(source.slice(child.position.start.offset, child.position.end.offset));
      }
    }
    const { section: _section, ...fields } = attrs;
    const candidate = { ...fields, ...(prose.length ? { body: prose.join('\n\n') } : {}), commands };
    body.positions.set(`$body/${index}`, posOf(node));
    const parsed = compiledStepSchema().safeParse(candidate);
    if (parsed.success) {
      body.steps.push({ section: STEP_SECTIONS.includes(section) ? section : 'steps', step: parsed.data });
    } else {
      const locate = (path: readonly (string | number)[]) =>
        nearestPosition(body.positions, ['$body', index, ...path]) ?? posOf(node);
      body.issues.push(
        ...mapZodIssues(parsed.error.issues.filter((issue) => !rejected.has(String(issue.path[0]))), {
          schema: StepSchema,
          data: candidate,
          file,
          rootName: '<Step>',
          locate,
          locateKey: (path) => locate(path),
        }),
      );
      // Keep the step in the model with what is known, so gotos to it still resolve.
      body.steps.push({ section: 'steps', step: { id: String(attrs.id ?? `step-${index + 1}`), title: String(attrs.title ?? ''), commands: [] } as Step });
    }
  };

  const readCommand = (node: MdNode): Record<string, unknown> | undefined => {
    const before = body.issues.length;
    const attrs = readAttributes(node, 'Command', problem);
    const command: Record<string, unknown> = { ...attrs };
    for (const child of node.children ?? []) {
      if (child.type === 'code' && command.run === undefined) command.run = child.value ?? '';
      else if (isJsx(child) && child.name === 'Expect') {
        const expectAttrs = readAttributes(child, 'Expect', problem);
        const code = child.children?.find((c) => c.type === 'code');
        const text = code?.value ?? expectAttrs.text;
        if (typeof text !== 'string')
          problem(child, 'Expect', 'has no expected output', 'Wrap the expected output in a fenced code block (```) inside <Expect>.');
        else command.expect = text;
      } else if (child.type === 'code') {
        problem(child, 'Command', 'holds more than one code block', 'Use one <Command> per command; put expected output in <Expect>.');
      } else if (!isBlank(child)) {
        problem(child, 'Command', 'holds text outside a fenced code block', 'Wrap the command in a fenced ```sh block so it is copied byte for byte; put prose before the <Command>.');
      }
    }
    if (command.run === undefined && body.issues.length === before)
      problem(node, 'Command', 'has no command', 'Put the command in a fenced ```sh block inside <Command>, or write <Command run="…" /> for a one-liner.');
    return body.issues.length === before ? command : undefined;
  };

  visit(tree, false, false);
  return body;
}

const compiledStepSchema = compiledOnFirstUse(StepSchema);

/** Position of `path` or of its nearest ancestor recorded in `positions`. */
export function nearestPosition(positions: Map<string, Position>, path: readonly (string | number)[]): Position | undefined {
  for (let n = path.length; n > 0; n--) {
    const found = positions.get(path.slice(0, n).join('/'));
    if (found) return found;
  }
  return undefined;
}

function isJsx(node: MdNode): boolean {
  return node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';
}

function isBlank(node: MdNode): boolean {
  return node.type === 'text' ? !node.value?.trim() : node.type === 'paragraph' && (node.children ?? []).every(isBlank);
}

/**
 * Attribute values must be literals (strings, `{true}`, `{false}`, bare flags) because checks and
 * the binder read them without running code.
 */
function readAttributes(
  node: MdNode,
  component: string,
  problem: (node: MdNode, component: string, detail: string, hint?: string) => void,
  /** Receives the names of attributes reported here, so the schema does not report them again as missing. */
  rejected?: Set<string>,
): Record<string, string | boolean> {
  const out: Record<string, string | boolean> = {};
  for (const attr of node.attributes ?? []) {
    if (attr.type !== 'mdxJsxAttribute' || !attr.name) {
      problem(node, component, 'uses a spread attribute', 'Write each attribute out as name="value".');
      continue;
    }
    const value = attr.value;
    if (value === null || value === undefined) out[attr.name] = true;
    else if (typeof value === 'string') out[attr.name] = value;
    else if (value.value.trim() === 'true' || value.value.trim() === 'false') out[attr.name] = value.value.trim() === 'true';
    else {
      rejected?.add(attr.name);
      problem(
        node,
        component,
        `sets ${attr.name} with an expression`,
        `Write ${attr.name}="…" as a plain string: Lifeboat reads runbook data without running code. For a multi-line command, use a fenced code block inside <Command>.`,
      );
    }
  }
  return out;
}

/** Names brought into scope by `import` or `export const` lines in the MDX. */
function importedNames(tree: MdNode): Set<string> {
  const names = new Set<string>();
  for (const node of tree.children ?? []) {
    if (node.type !== 'mdxjsEsm' || !node.value) continue;
    for (const m of node.value.matchAll(/import\s+([\s\S]*?)\s+from\s/g)) {
      for (const part of m[1]!.replace(/[{}]/g, ',').split(',')) {
        const name = part.trim().split(/\s+as\s+/).at(-1)?.replace(/^\*\s*/, '').trim();
        if (name) names.add(name);
      }
    }
    for (const m of node.value.matchAll(/export\s+(?:const|let|function)\s+([A-Za-z_$][\w$]*)/g)) names.add(m[1]!);
  }
  return names;
}

/** Sätteri reports `L:C: message (rule)`; split that into a position and a readable detail. */
function mdxSyntaxIssue(error: unknown, file: string): Issue {
  const text = error instanceof Error ? error.message : String(error);
  const match = /^(\d+):(\d+):\s*([\s\S]*?)(?:\s*\([\w:-]+\))?$/.exec(text.trim());
  const position = match ? at(Number(match[1]), Number(match[2])) : at(1, 1);
  // Sätteri repeats the opening tag's position as "(5:1)" at the end; the location is printed apart.
  const detail = (match ? match[3]! : text).replace(/\s*\(\d+:\d+\)\s*$/, '').replace(/\.$/, '');
  const hint = /closing tag/i.test(detail)
    ? 'Close the component with its matching tag (`</Step>`), or make it self-closing (`<Decision id="root" />`).'
    : /expression/i.test(detail)
      ? 'A "{" in prose starts a JavaScript expression in MDX; write "\\{" for a literal brace, or put the text in a code block.'
      : undefined;
  return createIssue('MdxSyntax', { file, position }, { detail: detail.charAt(0).toLowerCase() + detail.slice(1), hint });
}
