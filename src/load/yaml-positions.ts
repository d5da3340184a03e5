/**
 * Where every node of a YAML document starts, recorded by js-yaml's parse listener: the same
 * answers as the `yaml` AST for the documents runbooks are written as, at a seventh of the cost.
 * At 1,000 runbooks with findings in most files, building the `yaml` AST just to point at them
 * took 1.7 s of a 3.3 s `npm run check`.
 *
 * js-yaml reports each node as an `open` event (where reading began: before any blank lines or
 * comments) and a `close` event (with the value). Nesting gives the tree: a mapping's children
 * are key, value, key, value…; a sequence's are its items. Anything this tree cannot account
 * for exactly (aliases, merge keys, tags, anchors, keys that JavaScript would reorder) makes it
 * give up, and the caller falls back to the `yaml` AST: a wrong line number is worse than a slow
 * one.
 *
 * The tree is lean because a check holds one per runbook until the report is written (~300
 * nodes a file): a scalar is only its start offset (a small integer, which V8 stores without
 * allocating), and its value and a mapping's key names are read from the data itself, walked
 * beside the tree.
 */
import jsYaml from 'js-yaml';

/** A node: a scalar is its start offset; a collection also has its children. */
export type NodeStart = number | CollectionStart;

export interface CollectionStart {
  /** Where the node's text starts (past the blank lines and comments js-yaml read first). */
  start: number;
  /** Mappings: key start, value node, key start, value node… in the order of the data's keys. */
  pairs?: NodeStart[];
  /** Sequences: the items. */
  items?: NodeStart[];
}

/** Where a node is, and the value js-yaml read there. */
export interface Located {
  node: NodeStart;
  start: number;
  value: unknown;
}

interface Frame {
  opened: number;
  children: NodeStart[] | undefined;
  /** The value of the last child closed inside this node (see the nested attempt in toNode). */
  lastValue: unknown;
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

/** Keys JavaScript enumerates before all others, in numeric order, whatever the source order. */
const INDEX_LIKE = /^(?:0|[1-9]\d{0,8})$/;

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
      const frame = (frames[++depth] ??= { opened: 0, children: undefined, lastValue: undefined });
      frame.opened = state.position;
      frame.children = undefined;
      return;
    }
    const frame = frames[depth--]!;
    const node = toNode(text, frame, state.result);
    // Anchors and explicit tags (`!!str`) sit before the value: the AST would point past them.
    if (node === undefined || state.anchor !== null || text.charCodeAt(startOf(node)) === 0x21 /* ! */) {
      exact = false;
      return;
    }
    if (depth < 0) {
      root = node;
      return;
    }
    const parent = frames[depth]!;
    (parent.children ??= []).push(node);
    parent.lastValue = state.result;
  };
  // @types/js-yaml's State leaves out `anchor`, which js-yaml's state has.
  const data = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA, listener: listener as unknown as NonNullable<jsYaml.LoadOptions['listener']> });
  return { data, root: exact ? root : undefined };
}

function toNode(text: string, frame: Frame, result: unknown): NodeStart | undefined {
  const children = frame.children ?? [];
  if (Array.isArray(result)) {
    if (children.length !== result.length) return undefined; // an alias, most likely
    return { start: skipBlank(text, frame.opened), items: children };
  }
  if (isPlainObject(result)) {
    // One key node and one value node per key. js-yaml refuses duplicate keys (after making
    // them strings), so equal counts also mean every key node names a different key, in the
    // order Object.keys gives them, unless JavaScript moved index-like keys to the front.
    const keys = Object.keys(result);
    if (children.length !== 2 * keys.length) return undefined; // merge key, alias, or a key without a value node
    for (let i = 0; i < keys.length; i++) {
      if (typeof children[2 * i] !== 'number') return undefined; // a collection as a key
      const first = keys[i]!.charCodeAt(0);
      if (first >= 0x30 && first <= 0x39 && INDEX_LIKE.test(keys[i]!)) return undefined; // keys JavaScript reorders
    }
    return { start: skipBlank(text, frame.opened), pairs: children };
  }
  // A scalar. js-yaml may read it through a nested attempt (a block mapping that turned out to be
  // a plain scalar): the innermost node holds the true start.
  if (children.length === 1 && typeof children[0] === 'number' && frame.lastValue === result) return children[0];
  if (children.length > 0) return undefined;
  const start = skipBlank(text, frame.opened);
  // An empty value (`key:` and nothing) has no text of its own to point at; the AST decides.
  if (result === null && !/^(?:null|Null|NULL|~)(?![^\s,\]}])/.test(text.slice(start, start + 5))) return undefined;
  return start;
}

/** Where a node's text starts. */
export const startOf = (node: NodeStart): number => (typeof node === 'number' ? node : node.start);

/** The child at `part` of a node whose data is `value`, or undefined. */
function child(node: NodeStart, value: unknown, part: string | number): Located | undefined {
  if (typeof node === 'number') return undefined;
  if (node.pairs) {
    const key = String(part);
    const i = Object.keys(value as object).indexOf(key);
    if (i === -1) return undefined;
    const next = node.pairs[2 * i + 1]!;
    return { node: next, start: startOf(next), value: (value as Record<string, unknown>)[key] };
  }
  if (typeof part !== 'number' || !node.items || part >= node.items.length) return undefined;
  const next = node.items[part]!;
  return { node: next, start: startOf(next), value: (value as unknown[])[part] };
}

/** Where the key `key` of the mapping at `at` starts. */
export function keyStart(at: Located, key: string): number | undefined {
  if (typeof at.node === 'number' || !at.node.pairs) return undefined;
  const i = Object.keys(at.value as object).indexOf(key);
  return i === -1 ? undefined : (at.node.pairs[2 * i] as number);
}

/** The node at `path`, or the deepest ancestor that exists (a missing field points at its parent). */
export function deepestStart(loaded: { root: NodeStart; data: unknown }, path: readonly (string | number)[]): Located {
  let at: Located = { node: loaded.root, start: startOf(loaded.root), value: loaded.data };
  for (const part of path) {
    const next = child(at.node, at.value, part);
    if (!next) break;
    at = next;
  }
  return at;
}

/** The node exactly at `path`, or undefined when part of the path does not exist. */
export function startAt(loaded: { root: NodeStart; data: unknown }, path: readonly (string | number)[]): Located | undefined {
  let at: Located | undefined = { node: loaded.root, start: startOf(loaded.root), value: loaded.data };
  for (const part of path) at = at && child(at.node, at.value, part);
  return at;
}
