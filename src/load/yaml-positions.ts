/**
 * Where every node of a YAML document starts, recorded by js-yaml's parse listener: the same
 * answers as the `yaml` AST for the documents runbooks are written as, at a seventh of the cost.
 * At 1,000 runbooks with findings in most files, building the `yaml` AST just to point at them
 * took 1.7 s of a 3.3 s `npm run check`.
 *
 * js-yaml reports each node as an `open` event (where reading began: before any blank lines or
 * comments) and a `close` event (with the value). Nesting gives the tree: a mapping's children
 * are key, value, key, value…; a sequence's are its items. Anything this tree cannot account
 * for exactly (aliases, merge keys, tags, anchors) makes it give up, and the caller falls back
 * to the `yaml` AST: a wrong line number is worse than a slow one.
 */
import jsYaml from 'js-yaml';

/**
 * One node: where reading it began and, for collections, its children. Kept lean because a check
 * holds one tree per runbook until the report is written (~300 nodes a file): a mapping keeps
 * js-yaml's key, value, key, value… list instead of building a lookup table that a few findings
 * per file would use.
 */
export interface NodeStart {
  /** Where the node's text starts (past the blank lines and comments js-yaml read first). */
  start: number;
  /** Scalars: the value (keys are looked up by it). */
  value?: unknown;
  /** Mappings: key and value nodes, alternating, in source order. */
  pairs?: NodeStart[];
  /** Sequences: the items. */
  items?: NodeStart[];
}

interface Frame {
  opened: number;
  children: NodeStart[] | undefined;
}

/** The first offset at or after `from` that is not blank, a line break or a comment. */
function skipBlank(text: string, from: number): number {
  let i = from;
  for (;;) {
    const ch = text.charCodeAt(i);
    if (ch === 0x20 || ch === 0x09 || ch === 0x0a || ch === 0x0d) i++;
    else if (ch === 0x23 /* # */) {
      const end = text.indexOf('\n', i);
      if (end === -1) return text.length;
      i = end + 1;
    } else return i;
  }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The data js-yaml read, and the node tree when it accounts for the data exactly. */
export interface LoadedWithStarts {
  data: unknown;
  root: NodeStart | undefined;
}

/**
 * Parses `text` with js-yaml's core schema in one pass, recording where every node starts.
 * Throws js-yaml's error for text it rejects. Positions are wanted for most files in a check
 * (findings point into them), so they are recorded while reading rather than by a second pass.
 */
export function loadWithStarts(text: string): LoadedWithStarts {
  // One frame per nesting level, reused: js-yaml opens and closes a node for every scalar, and
  // most of them have no children, so neither the frame nor a child list is made for each.
  const frames: Frame[] = [];
  let depth = -1;
  let root: NodeStart | undefined;
  let exact = true;
  const listener = (event: 'open' | 'close', state: { position: number; result: unknown; anchor: string | null }) => {
    if (!exact) return;
    if (event === 'open') {
      const frame = (frames[++depth] ??= { opened: 0, children: undefined });
      frame.opened = state.position;
      frame.children = undefined;
      return;
    }
    const frame = frames[depth--]!;
    const node = toNode(text, frame.opened, frame.children ?? NO_CHILDREN, state.result);
    // Anchors and explicit tags (`!!str`) sit before the value: the AST would point past them.
    if (!node || state.anchor !== null || text.charCodeAt(node.start) === 0x21 /* ! */) exact = false;
    if (depth >= 0) (frames[depth]!.children ??= []).push(node ?? { start: frame.opened });
    else root = node;
  };
  // @types/js-yaml's State leaves out `anchor`, which js-yaml's state has.
  const data = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA, listener: listener as unknown as NonNullable<jsYaml.LoadOptions['listener']> });
  return { data, root: exact ? root : undefined };
}

const NO_CHILDREN: NodeStart[] = [];

function toNode(text: string, opened: number, children: NodeStart[], result: unknown): NodeStart | undefined {
  if (Array.isArray(result)) {
    if (children.length !== result.length) return undefined; // an alias, most likely
    return { start: skipBlank(text, opened), items: children };
  }
  if (isPlainObject(result)) {
    // One key node and one value node per key. js-yaml refuses duplicate keys (after making
    // them strings), so equal counts also mean every key node names a different key.
    if (children.length !== 2 * Object.keys(result).length) return undefined; // merge key, alias, or a key without a value node
    for (let i = 0; i < children.length; i += 2) {
      const key = children[i]!.value;
      if (typeof key !== 'string' && typeof key !== 'number' && typeof key !== 'boolean' && key !== null) return undefined;
    }
    return { start: skipBlank(text, opened), pairs: children };
  }
  // A scalar. js-yaml may read it through a nested attempt (a block mapping that turned out to be
  // a plain scalar): the innermost node holds the true start.
  if (children.length === 1 && children[0]!.value === result) return children[0];
  if (children.length > 0) return undefined;
  const start = skipBlank(text, opened);
  // An empty value (`key:` and nothing) has no text of its own to point at; the AST decides.
  if (result === null && !/^(?:null|Null|NULL|~)(?![^\s,\]}])/.test(text.slice(start, start + 5))) return undefined;
  return { start, value: result };
}

/** Index of the key node of `key` in a mapping's pairs, or -1. */
function pairIndex(pairs: NodeStart[], key: string): number {
  for (let i = 0; i < pairs.length; i += 2) if (String(pairs[i]!.value) === key) return i;
  return -1;
}

/** The key node of `key` in a mapping node. */
export function keyNode(node: NodeStart, key: string): NodeStart | undefined {
  return node.pairs?.[pairIndex(node.pairs, key)];
}

function child(node: NodeStart, part: string | number): NodeStart | undefined {
  if (node.pairs) {
    const i = pairIndex(node.pairs, String(part));
    return i === -1 ? undefined : node.pairs[i + 1];
  }
  return typeof part === 'number' ? node.items?.[part] : undefined;
}

/** The node at `path`, or the deepest ancestor that exists (a missing field points at its parent). */
export function deepestStart(root: NodeStart, path: readonly (string | number)[]): NodeStart {
  let node = root;
  for (const part of path) {
    const next = child(node, part);
    if (!next) break;
    node = next;
  }
  return node;
}

/** The node exactly at `path`, or undefined when part of the path does not exist. */
export function startAt(root: NodeStart, path: readonly (string | number)[]): NodeStart | undefined {
  let node: NodeStart | undefined = root;
  for (const part of path) node = node && child(node, part);
  return node;
}
