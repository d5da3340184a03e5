/**
 * YAML with positions: answers "where is this path?" from the AST, so schema errors at any depth
 * point at the exact key or value (starlight-links-validator's approach: `parseDocument` +
 * `getIn(path, true)` + `lineCounter.linePos`).
 *
 * The data comes from js-yaml (about 12 times faster), read with a listener that records where
 * each node starts (yaml-positions.ts); the `yaml` AST is built only where that tree cannot be
 * exact (aliases, merge keys, tags, empty values) or when js-yaml rejects the text (then `yaml`
 * words the syntax error, with its codes).
 * Both read YAML 1.2's core schema: dates and yes/no stay strings, duplicate keys are errors.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { createIssue } from '../errors/create-issue.ts';
import { at, noPosition, type Issue, type Position } from '../errors/issue.ts';
import { deepestStart, keyStart, loadWithStarts, nodeAt, type LoadedWithStarts } from './yaml-positions.ts';

export interface YamlSource {
  /** The text that was read (js-yaml's copy, which its values are cut from: holding it costs nothing). */
  text: string;
  /** The plain data, or undefined when the YAML did not parse. */
  data: unknown;
  /** Syntax errors, already as issues. */
  issues: Issue[];
  /** Position of the value at `path`, or of its nearest existing ancestor. */
  locate(path: readonly (string | number)[]): Position;
  /** Position of the key `key` inside the mapping at `path` (for unknown keys). */
  locateKey(path: readonly (string | number)[], key: string): Position;
  /** Source offset of the value at `path`, for callers that need columns inside a scalar. */
  rangeOf(path: readonly (string | number)[]): [number, number] | undefined;
  /**
   * Position of character `offset` of the string value at `path` (e.g. a word inside a
   * multi-line command in a `|` block). Falls back to the value's start when the value's text
   * cannot be mapped (folded or escaped scalars).
   */
  locateInValue(path: readonly (string | number)[], offset: number): Position;
}

const SYNTAX_HINTS: Record<string, string> = {
  DUPLICATE_KEY: 'Each key may appear once per mapping: remove or rename the second one.',
  TAB_AS_INDENT: 'YAML indents with spaces only: replace the tab with spaces.',
  MISSING_CHAR: 'Close the quote or bracket that opens here, or use a block scalar (`|`) for multi-line text.',
  BAD_INDENT: 'Line the keys of one mapping up in the same column, and indent nested values further than their key.',
  BLOCK_AS_IMPLICIT_KEY: 'Line the keys of one mapping up in the same column; a key indented further is read as part of the previous value.',
  MULTILINE_IMPLICIT_KEY: 'A key must fit on one line: check the indentation of this line and the one before.',
};

/**
 * Parses `text` as one YAML document. `lineOffset` shifts reported lines, for frontmatter that
 * starts after the opening `---` of an MDX file.
 */
export function parseYamlSource(input: string, file: string, lineOffset = 0): YamlSource {
  let fast: LoadedWithStarts | undefined;
  try {
    fast = loadWithStarts(input);
  } catch {
    // Fall through: the `yaml` parser below reports the error with its position and code.
  }
  if (!fast) return parseYamlSourceWithAst(input, file, lineOffset);
  // From here on, js-yaml's copy of the text: the one its values already hold.
  const { text, tree, data } = fast;
  let parsed: ReturnType<typeof parseYamlSourceWithAst> | undefined;
  // Positions from js-yaml's listener when its node tree is exact (yaml-positions.ts), else the AST.
  const slow = () => (parsed ??= parseYamlSourceWithAst(text, file, lineOffset));
  // js-yaml shares aliased values instead of copying them, so "billion laughs" loads in
  // microseconds and explodes in whatever walks it later. Where aliases may be (the tree gave
  // up, and an alias starts with "*"), the `yaml` AST counts them first and refuses too many, as
  // a syntax error.
  if (!tree && text.includes('*') && slow().issues.length > 0) return slow();
  let lines: number[] | undefined;
  const positionOf = (offset: number): Position => {
    lines ??= lineStarts(text);
    let lo = 0;
    let hi = lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lines[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return at(lo + 1 + lineOffset, offset - lines[lo]! + 1);
  };
  return {
    text,
    data: data ?? null,
    issues: [],
    locate: (path) => (tree ? positionOf(deepestStart(tree, data, path).start) : slow().locate(path)),
    locateKey: (path, key) => {
      if (!tree) return slow().locateKey(path, key);
      const map = deepestStart(tree, data, path);
      return positionOf(keyStart(tree, map, key) ?? map.start);
    },
    rangeOf: (path) => slow().rangeOf(path),
    locateInValue: (path, offset) => {
      if (!tree) return slow().locateInValue(path, offset);
      const node = nodeAt(tree, data, path);
      if (!node) return noPosition;
      if (typeof node.value !== 'string') return positionOf(node.start);
      const type = SCALAR_TYPES[text[node.start]!] ?? 'PLAIN';
      const valueStart = scalarTextStart(text, node.start, type);
      return valueStart === undefined ? positionOf(node.start) : positionOf(mapOffset(text, valueStart, node.value, offset, type));
    },
  };
}

/** How a scalar is written, from its first character (the names the `yaml` AST uses). */
const SCALAR_TYPES: Record<string, string> = { '"': 'QUOTE_DOUBLE', "'": 'QUOTE_SINGLE', '|': 'BLOCK_LITERAL', '>': 'BLOCK_FOLDED' };

/** Offsets at which each line starts. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The full `yaml` parse: syntax errors as issues, and an AST to locate paths in (exported as the reference the fast positions are tested against). */
export function parseYamlSourceWithAst(text: string, file: string, lineOffset = 0): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, keepSourceTokens: false });
  const positionOf = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return at(line + lineOffset, col);
  };

  const issues: Issue[] = [];
  const seenLines = new Set<number>();
  for (const error of doc.errors) {
    // The parser reports an unclosed quote where the text runs out; point at where it opens.
    const offset = error.code === 'MISSING_CHAR' ? (openingQuoteBefore(text, error.pos[0]) ?? error.pos[0]) : error.pos[0];
    const position = positionOf(offset);
    // The parser's later errors on a line are usually echoes of its first one.
    if (position.type === 'source' && seenLines.has(position.line)) continue;
    if (position.type === 'source') seenLines.add(position.line);
    // The parser runs out of stack on thousands of nested levels; say that, not how it failed.
    const tooDeep = /call stack/i.test(error.message);
    issues.push(
      createIssue(
        'YamlSyntax',
        { file, position },
        tooDeep
          ? { detail: 'it nests too deeply to be read (thousands of levels of brackets or indentation)', hint: 'Runbooks nest a few levels deep: look for brackets that never close, or write the value flatter.' }
          : { detail: lowerFirst(error.message), hint: SYNTAX_HINTS[error.code] },
      ),
    );
  }

  let data: unknown;
  if (issues.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      // `yaml` throws a ReferenceError for too many aliases or an alias without its anchor.
      if (!(error instanceof ReferenceError)) throw error;
      issues.push(aliasIssue(doc, error, file, positionOf));
    }
  }
  const nodeAt = (path: readonly (string | number)[]) => deepestNode(doc, path);
  return {
    text,
    data,
    issues,
    locate: (path) => {
      const node = nodeAt(path);
      return node?.range ? positionOf(node.range[0]) : noPosition;
    },
    locateKey: (path, key) => {
      const map = nodeAt(path);
      if (isMap(map)) {
        const pair = map.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key);
        const keyNode = pair?.key as Node | undefined;
        if (keyNode?.range) return positionOf(keyNode.range[0]);
      }
      return map?.range ? positionOf(map.range[0]) : noPosition;
    },
    rangeOf: (path) => {
      const node = doc.getIn(path, true) as Node | undefined;
      return node?.range ? [node.range[0], node.range[1]] : undefined;
    },
    locateInValue: (path, offset) => {
      const node = doc.getIn(path, true) as Node | undefined;
      if (!isScalar(node) || !node.range || typeof node.value !== 'string') return node?.range ? positionOf(node.range[0]) : noPosition;
      const start = node.range[0];
      const valueStart = scalarTextStart(text, start, node.type);
      return valueStart === undefined ? positionOf(start) : positionOf(mapOffset(text, valueStart, node.value, offset, node.type));
    },
  };
}

/** Copies that aliases may make of anchored values (`yaml`'s measure: uses × aliases inside). */
const MAX_ALIAS_COUNT = 100;

/** A YamlSyntax issue at the first alias, for an alias `yaml` refused to expand. */
function aliasIssue(doc: Document, error: ReferenceError, file: string, positionOf: (offset: number) => Position): Issue {
  let first: Node | undefined;
  visit(doc, {
    Alias(_key, node) {
      first = node;
      return visit.BREAK;
    },
  });
  const position = first?.range ? positionOf(first.range[0]) : noPosition;
  const tooMany = /excessive alias count/i.test(error.message);
  return createIssue(
    'YamlSyntax',
    { file, position },
    tooMany
      ? {
          detail: `its aliases (\`*name\`) would expand to more than ${MAX_ALIAS_COUNT} copies of the values they refer to, which looks like a "billion laughs" attack`,
          hint: 'Write the repeated values out, or use fewer aliases; Lifeboat files rarely need anchors at all.',
        }
      : { detail: lowerFirst(error.message), hint: 'Define the anchor (`&name`) before any alias (`*name`) that uses it.' },
  );
}

/** Source offset where a scalar's text begins: after the quote, or on the line after a `|` header. */
function scalarTextStart(text: string, start: number, type: string | undefined): number | undefined {
  if (type === 'QUOTE_DOUBLE' || type === 'QUOTE_SINGLE') return start + 1;
  if (type === 'PLAIN') return start;
  if (type === 'BLOCK_LITERAL') {
    const lineEnd = text.indexOf('\n', start);
    return lineEnd === -1 ? undefined : lineEnd + 1;
  }
  return undefined; // folded scalars rewrap lines: no faithful mapping
}

/**
 * Maps an offset in a scalar's value to a source offset. For a literal block, value line k is
 * source line k after the header, minus the block's indentation.
 */
function mapOffset(text: string, textStart: number, value: string, offset: number, type: string | undefined): number {
  if (type !== 'BLOCK_LITERAL') return textStart + offset;
  const before = value.slice(0, offset);
  const lineIndex = before.split('\n').length - 1;
  const column = offset - (before.lastIndexOf('\n') + 1);
  let lineStart = textStart;
  for (let i = 0; i < lineIndex; i++) lineStart = text.indexOf('\n', lineStart) + 1;
  // The indentation is that of the block's first non-empty line.
  const firstLine = text.slice(textStart).match(/^(?:[ \t]*\n)*( *)/)![1]!.length;
  return lineStart + firstLine + column;
}

/** The node at `path`, or the deepest ancestor that exists (a missing field points at its parent). */
function deepestNode(doc: Document, path: readonly (string | number)[]): Node | undefined {
  let node: unknown = doc.contents;
  for (const part of path) {
    let next: unknown;
    if (isMap(node)) next = node.get(part, true);
    else if (isSeq(node) && typeof part === 'number') next = node.get(part, true);
    if (next === undefined || next === null) break;
    node = next;
  }
  return node as Node | undefined;
}

/**
 * Offset of the quote that was never closed: the last line before `offset` with an odd number of
 * unescaped double (or single) quotes. Undefined when none is found (a bracket, say).
 */
function openingQuoteBefore(text: string, offset: number): number | undefined {
  const lineStarts = [0];
  for (let i = 0; i < offset; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  for (let l = lineStarts.length - 1; l >= 0; l--) {
    const line = text.slice(lineStarts[l], text.indexOf('\n', lineStarts[l]) === -1 ? undefined : text.indexOf('\n', lineStarts[l]));
    for (const quote of ['"', "'"]) {
      const positions = [...line.matchAll(quote === '"' ? /(?<!\\)"/g : /'/g)].map((m) => m.index!);
      if (positions.length % 2 === 1) return lineStarts[l]! + positions[0]!;
    }
  }
  return undefined;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1).replace(/\.$/, '');
}
