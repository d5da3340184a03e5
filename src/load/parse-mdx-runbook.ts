import { createIssue } from '../errors/create-issue.ts';
import { at, type Issue, type Position } from '../errors/issue.ts';
import { nearestPosition, readMdxBody, type MdxBody } from './mdx-body.ts';
import type { MdxPolicy } from './mdx-code.ts';
import { parseRunbookFields, type ParsedFields } from './parse-yaml-runbook.ts';
import { parseYamlSource } from './yaml-source.ts';

export interface ParsedMdx extends ParsedFields {
  body: MdxBody;
}

const FRONTMATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n?^---[ \t]*$/m;

/** Parses an `.mdx` runbook: YAML frontmatter (the runbook fields) plus components in the body. */
export function parseMdxRunbook(text: string, file: string, policy?: MdxPolicy, absolutePath?: string): ParsedMdx {
  const body = readMdxBody(text, file, policy, absolutePath);
  const match = text.startsWith('---') ? FRONTMATTER.exec(text) : null;
  if (!match || match.index !== 0) {
    const issue: Issue = createIssue('FrontmatterMissing', { file, position: at(1, 1) }, {});
    return { source: parseYamlSource('', file), issues: [issue, ...body.issues], body };
  }
  // Frontmatter line N is file line N + 1 (after the opening `---`).
  const fields = parseRunbookFields(match[1]!, file, 1);
  return { ...fields, issues: [...fields.issues, ...body.issues], body };
}

/**
 * Locates data paths in the frontmatter, `['$body', i, …]` paths in the MDX body, and
 * `['$bodyDecision', i]` for the i-th `<Decision>` placement.
 */
export function mdxLocator(parsed: ParsedMdx) {
  return (path: readonly (string | number)[]): Position => {
    if (path[0] === '$body') return nearestPosition(parsed.body.positions, path) ?? at(1, 1);
    if (path[0] === '$bodyDecision') return parsed.body.decisions[Number(path[1])]?.position ?? at(1, 1);
    return parsed.source.locate(path);
  };
}

/** Columns inside values: frontmatter strings through the YAML AST, body commands from their fence. */
export function mdxValueLocator(parsed: ParsedMdx) {
  const locate = mdxLocator(parsed);
  return (path: readonly (string | number)[], offset: number): Position => {
    if (path[0] !== '$body') return parsed.source.locateInValue(path, offset);
    const start = parsed.body.textStarts.get(path.join('/'));
    if (!start) return locate(path);
    const run = parsed.body.steps[Number(path[1])]?.step.commands?.[Number(path[3])]?.run ?? '';
    const before = run.slice(0, offset);
    const line = before.split('\n').length - 1;
    const column = offset - (before.lastIndexOf('\n') + 1);
    return at(start.line + line, start.column + column);
  };
}
