/**
 * Keeps MDX runbooks content (issue 28): an MDX file is a program that `lifeboat build` runs, so
 * by default only Markdown, Lifeboat's components and components imported from `mdx.imports`
 * are accepted; any export, `{expression}`, expression attribute or other import is an error that
 * `check` reports and `build` refuses. Read statically from Sätteri's tree, never by running it.
 */
import { existsSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { ImportType, initSync, parse } from 'es-module-lexer';
import { createIssue } from '../errors/create-issue.ts';
import { didYouMean, listNames } from '../errors/did-you-mean.ts';
import { at, type Issue, type Position } from '../errors/issue.ts';
import { isUnsafeTarget, isUnsafeHtml } from '../site/markdown.ts';
import { importedBindings, moduleExports, resolveModule } from './module-exports.ts';

/** The configuration's `mdx` and `markdown` settings, with where relative paths start. */
export interface MdxPolicy {
  allowCode: boolean;
  /** Package specifiers, or files and folders (ending in "/") relative to `root`. */
  imports: readonly string[];
  allowHtml: boolean;
  /** The project folder (where the configuration file is). */
  root: string;
}

/** Content only, Starlight's components importable: what a project without settings gets. */
export const DEFAULT_MDX_POLICY: MdxPolicy = { allowCode: false, imports: ['@astrojs/starlight/components'], allowHtml: false, root: process.cwd() };

export interface MdNode {
  type: string;
  name?: string | null;
  value?: string;
  url?: string;
  attributes?: { type: string; name?: string; value?: string | null | { type: string; value: string } }[];
  children?: MdNode[];
  position?: { start: { line: number; column: number; offset: number }; end: { offset: number } };
}

/** A value that is data, not code: what `{…}` may hold in an attribute. */
const LITERAL = /^\s*(?:true|false|null|-?\d+(?:\.\d+)?|"[^"\\]*"|'[^'\\]*')\s*$/;
/** An expression that is only comments, as MDX writes them: `{/* note *\/}`. */
const onlyComments = (code: string) => !code.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '').trim();

/**
 * Every import, export, expression and unsafe element of an MDX `tree` the `policy` does not
 * allow. `lifeboatNames` are the components Lifeboat provides (their attributes are checked where
 * they are read). Relative imports must name existing files even when code is allowed.
 */
export function findMdxCode(tree: MdNode, source: string, file: string, absolutePath: string, policy: MdxPolicy, lifeboatNames: readonly string[]): Issue[] {
  const issues: Issue[] = [];
  const positionAt = (offset: number): Position => {
    const before = source.slice(0, offset);
    return at(before.split('\n').length, offset - before.lastIndexOf('\n'));
  };
  const posOf = (node: MdNode) => (node.position ? at(node.position.start.line, node.position.start.column) : at(1, 1));
  const code = (position: Position, what: string, hint?: string) => issues.push(createIssue('MdxCodeNotAllowed', { file, position }, { what, hint }));

  const checkEsm = (node: MdNode) => {
    const text = node.value ?? '';
    const base = node.position?.start.offset ?? 0;
    initSync();
    let imports: ReturnType<typeof parse>[0];
    try {
      [imports] = parse(text);
    } catch {
      return code(posOf(node), 'this import or export block', 'Write one `import Name from "…"` per line.');
    }
    let rest = text;
    for (const imp of imports) {
      const position = positionAt(base + (imp.ss >= 0 ? imp.ss : imp.s));
      if (imp.t !== ImportType.Static) {
        if (!policy.allowCode) code(position, imp.t === ImportType.ImportMeta ? '`import.meta`' : 'a dynamic `import()`');
        continue;
      }
      rest = rest.slice(0, imp.ss) + ' '.repeat(imp.se - imp.ss) + rest.slice(imp.se);
      const specifier = imp.n ?? '';
      const isRelative = /^\.{0,2}\//.test(specifier);
      const target = isRelative ? resolve(dirname(absolutePath), specifier) : undefined;
      const notFound = (detail: string) => issues.push(createIssue('MdxImportNotFound', { file, position }, { specifier, detail }));
      if (target && !existsSync(target)) {
        notFound(`there is no file ${relative(policy.root, target) || target}`);
        continue;
      }
      if (!policy.allowCode && !importAllowed(specifier, target, policy)) {
        issues.push(createIssue('MdxImportNotAllowed', { file, position }, { specifier, allowed: listNames([...policy.imports]) || '(none)' }));
        continue;
      }
      const module = target ?? resolveModule(specifier, policy.root);
      if (!module) {
        notFound('no installed package provides it');
        continue;
      }
      const exported = moduleExports(module);
      for (const name of importedBindings(text.slice(imp.ss + 'import'.length, imp.s - 1).replace(/\s*from\s*$/, ''))) {
        if (exported && !exported.includes(name)) {
          const known = exported.filter((n) => n !== 'default');
          issues.push(createIssue('MdxImportUnknownName', { file, position }, { specifier, name, suggestion: didYouMean(name, known), known: listNames(known) }));
        }
      }
    }
    rest = rest.replace(/;/g, ' ');
    if (policy.allowCode || onlyComments(rest)) return;
    const start = rest.search(/\S/);
    code(positionAt(base + start), /^export\b/.test(rest.slice(start)) ? 'an `export`' : 'a statement beside the imports');
  };

  const checkAttributes = (node: MdNode) => {
    for (const attr of node.attributes ?? []) {
      if (attr.type !== 'mdxJsxAttribute') code(posOf(node), `the spread attribute on <${node.name}>`, 'Write each attribute out as name="value".');
      else if (attr.value && typeof attr.value === 'object' && !LITERAL.test(attr.value.value)) {
        code(posOf(node), `the expression in ${attr.name}={…} on <${node.name}>`, `Write ${attr.name}="…" as a plain string.`);
      }
    }
  };

  const visit = (node: MdNode) => {
    if (node.type === 'mdxjsEsm') checkEsm(node);
    else if (policy.allowCode) {
      // Everything below is code or raw HTML, which allowCode lets through.
    } else if ((node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') && !onlyComments(node.value ?? '')) {
      code(posOf(node), `the expression {${shorten(node.value ?? '')}}`, 'Write the text itself; a literal brace is "\\{".');
    } else if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name) {
      if (!lifeboatNames.includes(node.name)) checkAttributes(node);
      if (/^[a-z]/.test(node.name) && !policy.allowHtml && isUnsafeHtml(htmlOf(node))) {
        issues.push(createIssue('MdxUnsafeHtml', { file, position: posOf(node) }, { fragment: shorten(htmlOf(node)) }));
      }
    } else if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && !policy.allowHtml) {
      if (node.url && isUnsafeTarget(node.type === 'image' ? 'img' : 'a', node.url)) {
        issues.push(createIssue('MdxUnsafeHtml', { file, position: posOf(node) }, { fragment: shorten(node.url) }));
      }
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return issues;
}

/** Whether `specifier` (resolved to `target` when relative) is one of the allowed modules. */
function importAllowed(specifier: string, target: string | undefined, policy: MdxPolicy): boolean {
  return policy.imports.some((entry) => {
    const isPath = entry.endsWith('/') || entry.startsWith('.') || /\.[a-z]+$/i.test(entry);
    if (!isPath) return !target && entry === specifier;
    if (!target) return false;
    const allowed = resolve(policy.root, entry);
    return entry.endsWith('/') ? target.startsWith(allowed + sep) : target === allowed;
  });
}

/** The opening tag of an HTML element as written in MDX, with its literal attributes, as HTML. */
function htmlOf(node: MdNode): string {
  // Spreads and expressions are reported as code already; only literal attributes are judged here.
  const attrs = (node.attributes ?? []).filter((a) => a.type === 'mdxJsxAttribute').map((a) => {
    const name = a.name === 'className' ? 'class' : a.name === 'htmlFor' ? 'for' : a.name;
    const value = a.value === null || a.value === undefined ? '' : typeof a.value === 'string' ? a.value : a.value.value;
    return ` ${name}="${value.replace(/"/g, '&quot;')}"`;
  });
  return `<${node.name}${attrs.join('')}></${node.name}>`;
}

const shorten = (text: string) => {
  const line = text.trim().replace(/\s+/g, ' ');
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
};
