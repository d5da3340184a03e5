/**
 * Where every node of a YAML document starts, recorded by js-yaml's parse listener: the same
 * answers as the `yaml` AST for the documents runbooks are written as, at a fraction of the cost.
 * Measured (issue 26, 1,000 runbooks, medians of 15 interleaved runs): with positions from the
 * `yaml` AST instead, `lifeboat check` took 77–85% longer.
 *
 * js-yaml reports each node as an `open` event (where reading began: before any blank lines or
 * comments) and a `close` event (with the value). Nesting gives the tree: a mapping's children
 * are key, value, key, value…; a sequence's are its items. Anything this tree cannot account
 * for exactly (aliases, merge keys, tags, anchors, keys that JavaScript would reorder) makes it
 * give up, and the caller falls back to the `yaml` AST: a wrong line number is worse than a slow
 * one. (The tree used to be packed into one Int32Array per file; as plain objects the check is
 * as fast within noise, −2.3% over 21 interleaved runs, and peaks ~9 MB higher of ~185 MB.)
 */
import jsYaml from 'js-yaml';

/** A node: where its text starts, and for a collection its children (a mapping's as key, value, key, value…). */
export interface PositionNode {
  start: number;
  children?: PositionNode[];
  /** True for a sequence. */
  seq?: boolean;
}
export type PositionTree = PositionNode;

/** Where a node is, where its text starts, and the value js-yaml read there. */
export interface Located {
  node: PositionNode;
  start: number;
  value: unknown;
}

interface Frame {
  opened: number;
  children: PositionNode[];
  /** The value of the last child closed inside this node (see the nested attempt in close). */
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

/** The data js-yaml read, the node tree when it accounts for the data exactly, and the text. */
export interface LoadedWithStarts {
  data: unknown;
  tree: PositionTree | undefined;
  /**
   * The text that was read, sharing its characters with the strings in `data`: js-yaml reads a
   * copy (the text plus a terminator) and its values are slices of that copy, so holding the
   * caller's text as well would hold every runbook twice.
   */
  text: string;
}

/**
 * Parses `text` with js-yaml's core schema in one pass, recording where every node starts.
 * Throws js-yaml's error for text it rejects. Positions are wanted for most files in a check
 * (findings point into them), so they are recorded while reading rather than by a second pass.
 */
export function loadWithStarts(text: string): LoadedWithStarts {
  const frames: Frame[] = [];
  let exact = true;
  let input: string | undefined;
  let root: PositionNode | undefined;
  const listener = (event: 'open' | 'close', state: { position: number; result: unknown; anchor: string | null; input: string }) => {
    if (!exact) return;
    if (event === 'open') {
      input ??= state.input;
      frames.push({ opened: state.position, children: [], lastValue: undefined });
      return;
    }
    const frame = frames.pop()!;
    const node = close(text, frame, state.result);
    // Anchors and explicit tags (`!!str`) sit before the value: the AST would point past them.
    if (!node || state.anchor !== null || text.charCodeAt(node.start) === 0x21 /* ! */) {
      exact = false;
      return;
    }
    const parent = frames.at(-1);
    if (parent) {
      parent.children.push(node);
      parent.lastValue = state.result;
    } else root = node;
  };
  // @types/js-yaml's State leaves out `anchor`, which js-yaml's state has.
  const data = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA, listener: listener as unknown as NonNullable<jsYaml.LoadOptions['listener']> });
  // A byte-order mark is dropped from js-yaml's copy: keep the caller's text, whose offsets are the tree's.
  const shared = input !== undefined && text.charCodeAt(0) !== 0xfeff ? input.slice(0, text.length) : text;
  return { data, tree: exact ? root : undefined, text: shared };
}

/** The node `frame` opened, now that js-yaml closed it with `result`; undefined when the tree cannot be exact. */
function close(text: string, frame: Frame, result: unknown): PositionNode | undefined {
  if (Array.isArray(result)) {
    if (frame.children.length !== result.length) return undefined; // an alias, most likely
    return { start: skipBlank(text, frame.opened), children: frame.children, seq: true };
  }
  if (isPlainObject(result)) {
    // One key node and one value node per key. js-yaml refuses duplicate keys (after making
    // them strings), so equal counts also mean every key node names a different key, in the
    // order Object.keys gives them, unless JavaScript moved index-like keys to the front.
    const keys = Object.keys(result);
    if (frame.children.length !== 2 * keys.length) return undefined; // merge key, alias, or a key without a value node
    for (let i = 0; i < keys.length; i++) {
      if (frame.children[2 * i]!.children) return undefined; // a collection as a key
      const key = keys[i]!;
      const first = key.charCodeAt(0);
      if (first >= 0x30 && first <= 0x39 && INDEX_LIKE.test(key)) return undefined;
    }
    return { start: skipBlank(text, frame.opened), children: frame.children };
  }
  // A scalar. js-yaml may read it through a nested attempt (a block mapping that turned out to be
  // a plain scalar): the innermost node holds the true start.
  if (frame.children.length === 1 && !frame.children[0]!.children && frame.lastValue === result) return frame.children[0];
  if (frame.children.length > 0) return undefined;
  const start = skipBlank(text, frame.opened);
  // An empty value (`key:` and nothing) has no text of its own to point at; the AST decides.
  if (result === null && !/^(?:null|Null|NULL|~)(?![^\s,\]}])/.test(text.slice(start, start + 5))) return undefined;
  return { start };
}

/** The child at `part` of the node at `at`, or undefined. */
function child(at: Located, part: string | number): Located | undefined {
  const children = at.node.children;
  if (!children) return undefined;
  if (!at.node.seq) {
    const key = String(part);
    const i = Object.keys(at.value as object).indexOf(key);
    if (i === -1) return undefined;
    const node = children[2 * i + 1]!;
    return { node, start: node.start, value: (at.value as Record<string, unknown>)[key] };
  }
  if (typeof part !== 'number' || part >= children.length) return undefined;
  const node = children[part]!;
  return { node, start: node.start, value: (at.value as unknown[])[part] };
}

/** Where the key `key` of the mapping at `at` starts. */
export function keyStart(at: Located, key: string): number | undefined {
  const children = at.node.children;
  if (!children || at.node.seq) return undefined;
  const i = Object.keys(at.value as object).indexOf(key);
  return i === -1 ? undefined : children[2 * i]!.start;
}

/** The node at `path`, or the deepest ancestor that exists (a missing field points at its parent). */
export function deepestStart(tree: PositionTree, data: unknown, path: readonly (string | number)[]): Located {
  let at: Located = { node: tree, start: tree.start, value: data };
  for (const part of path) {
    const found = child(at, part);
    if (!found) break;
    at = found;
  }
  return at;
}

/** The node exactly at `path`, or undefined when part of the path does not exist. */
export function nodeAt(tree: PositionTree, data: unknown, path: readonly (string | number)[]): Located | undefined {
  let at: Located | undefined = { node: tree, start: tree.start, value: data };
  for (const part of path) at = at && child(at, part);
  return at;
}
