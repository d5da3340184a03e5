/**
 * Where every node of a YAML document starts, recorded by js-yaml's parse listener: the same
 * answers as the `yaml` AST for the documents runbooks are written as, at a fraction of the cost.
 * Measured (issue 26; 1,000 runbooks, medians of 15 interleaved runs on a quiet machine): with
 * positions from the `yaml` AST instead, `lifeboat check` took 93% longer (CPU time +85%).
 *
 * js-yaml reports each node as an `open` event (where reading began: before any blank lines or
 * comments) and a `close` event (with the value). Nesting gives the tree: a mapping's children
 * are key, value, key, value…; a sequence's are its items. Anything this tree cannot account
 * for exactly (aliases, merge keys, tags, anchors, keys that JavaScript would reorder) makes it
 * give up, and the caller falls back to the `yaml` AST: a wrong line number is worse than a slow
 * one.
 *
 * A check holds one tree per runbook until the report is written (~300 nodes a file), so the
 * tree is one Int32Array in document order: a scalar is its start offset (one word), a mapping
 * or sequence three words (its start, its size in children, its length in words) followed by
 * its children. Key names and values are read from the data itself, walked beside the tree.
 * That is ~1.4 KB a file where a tree of objects held ~6.8 KB; the same tree as plain objects made
 * the check 6.6% slower (CPU +7.7%), so the packing stays.
 */
import jsYaml from 'js-yaml';

/**
 * Where the nodes of a document start, in document order. A scalar is one word, its start
 * offset (>= 0). A collection is `~start` (< 0), then `2 × pairs` for a mapping or
 * `2 × items + 1` for a sequence, then its length in words with its children, which follow it
 * (a mapping's as key, value, key, value…).
 */
export type PositionTree = Int32Array;

/** Where a node is (its index in the tree), where its text starts, and the value js-yaml read there. */
export interface Located {
  node: number;
  start: number;
  value: unknown;
}

interface Frame {
  opened: number;
  /** Where the node's words begin in the tree being written. */
  at: number;
  children: number;
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

/** Words of the tree being written, reused from file to file (grown when a file needs more). */
let words = new Int32Array(4096);
let length = 0;

function reserve(count: number): void {
  if (length + count <= words.length) return;
  const grown = new Int32Array(Math.max(words.length * 2, length + count));
  grown.set(words.subarray(0, length));
  words = grown;
}

/**
 * Parses `text` with js-yaml's core schema in one pass, recording where every node starts.
 * Throws js-yaml's error for text it rejects. Positions are wanted for most files in a check
 * (findings point into them), so they are recorded while reading rather than by a second pass.
 */
export function loadWithStarts(text: string): LoadedWithStarts {
  // One frame per nesting level, reused: js-yaml opens and closes a node for every scalar.
  const frames: Frame[] = [];
  let depth = -1;
  let exact = true;
  let input: string | undefined;
  length = 0;
  const listener = (event: 'open' | 'close', state: { position: number; result: unknown; anchor: string | null; input: string }) => {
    if (!exact) return;
    if (event === 'open') {
      input ??= state.input;
      // A document has one root; should js-yaml read another at the top, the last one counts.
      if (depth === -1) length = 0;
      const frame = (frames[++depth] ??= { opened: 0, at: 0, children: 0, lastValue: undefined });
      frame.opened = state.position;
      frame.at = length;
      frame.children = 0;
      // Room for a collection's header; a scalar gives it back when it closes.
      reserve(3);
      length += 3;
      return;
    }
    const frame = frames[depth--]!;
    // Anchors and explicit tags (`!!str`) sit before the value: the AST would point past them.
    if (!close(text, frame, state.result) || state.anchor !== null || text.charCodeAt(startOf(words, frame.at)) === 0x21 /* ! */) {
      exact = false;
      return;
    }
    if (depth >= 0) {
      const parent = frames[depth]!;
      parent.children++;
      parent.lastValue = state.result;
    }
  };
  // @types/js-yaml's State leaves out `anchor`, which js-yaml's state has.
  const data = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA, listener: listener as unknown as NonNullable<jsYaml.LoadOptions['listener']> });
  const tree = exact && length > 0 ? words.slice(0, length) : undefined;
  // A byte-order mark is dropped from js-yaml's copy: keep the caller's text, whose offsets are the tree's.
  const shared = input !== undefined && text.charCodeAt(0) !== 0xfeff ? input.slice(0, text.length) : text;
  return { data, tree, text: shared };
}

/** Writes the node `frame` opened, now that js-yaml closed it with `result`. False when the tree cannot be exact. */
function close(text: string, frame: Frame, result: unknown): boolean {
  const at = frame.at;
  if (Array.isArray(result)) {
    if (frame.children !== result.length) return false; // an alias, most likely
    words[at] = ~skipBlank(text, frame.opened);
    words[at + 1] = 2 * result.length + 1;
    words[at + 2] = length - at;
    return true;
  }
  if (isPlainObject(result)) {
    // One key node and one value node per key. js-yaml refuses duplicate keys (after making
    // them strings), so equal counts also mean every key node names a different key, in the
    // order Object.keys gives them, unless JavaScript moved index-like keys to the front.
    const keys = Object.keys(result);
    if (frame.children !== 2 * keys.length) return false; // merge key, alias, or a key without a value node
    let child = at + 3;
    for (const key of keys) {
      if (words[child]! < 0) return false; // a collection as a key
      const first = key.charCodeAt(0);
      if (first >= 0x30 && first <= 0x39 && INDEX_LIKE.test(key)) return false; // keys JavaScript reorders
      child = next(next(child));
    }
    words[at] = ~skipBlank(text, frame.opened);
    words[at + 1] = 2 * keys.length;
    words[at + 2] = length - at;
    return true;
  }
  // A scalar. js-yaml may read it through a nested attempt (a block mapping that turned out to be
  // a plain scalar): the innermost node holds the true start.
  let start: number;
  if (frame.children === 1 && length === at + 4 && frame.lastValue === result) start = words[at + 3]!;
  else if (frame.children > 0) return false;
  else {
    start = skipBlank(text, frame.opened);
    // An empty value (`key:` and nothing) has no text of its own to point at; the AST decides.
    if (result === null && !/^(?:null|Null|NULL|~)(?![^\s,\]}])/.test(text.slice(start, start + 5))) return false;
  }
  words[at] = start;
  length = at + 1;
  return true;
}

/** Where the words of the node after the one at `index` begin. */
function next(index: number, tree: Int32Array = words): number {
  const head = tree[index]!;
  return head >= 0 ? index + 1 : index + tree[index + 2]!;
}

/** Where the text of the node at `index` starts. */
const startOf = (tree: PositionTree, index: number): number => {
  const head = tree[index]!;
  return head >= 0 ? head : ~head;
};

/** The child at `part` of the node at `at`, or undefined. */
function child(tree: PositionTree, at: Located, part: string | number): Located | undefined {
  const head = tree[at.node]!;
  if (head >= 0) return undefined;
  const size = tree[at.node + 1]!;
  let index = at.node + 3;
  if ((size & 1) === 0) {
    const key = String(part);
    const i = Object.keys(at.value as object).indexOf(key);
    if (i === -1) return undefined;
    for (let k = 0; k < i; k++) index = next(next(index, tree), tree);
    index = next(index, tree); // past the key
    return { node: index, start: startOf(tree, index), value: (at.value as Record<string, unknown>)[key] };
  }
  if (typeof part !== 'number' || part >= size >> 1) return undefined;
  for (let k = 0; k < part; k++) index = next(index, tree);
  return { node: index, start: startOf(tree, index), value: (at.value as unknown[])[part] };
}

/** Where the key `key` of the mapping at `at` starts. */
export function keyStart(tree: PositionTree, at: Located, key: string): number | undefined {
  const head = tree[at.node]!;
  if (head >= 0 || (tree[at.node + 1]! & 1) === 1) return undefined;
  const i = Object.keys(at.value as object).indexOf(key);
  if (i === -1) return undefined;
  let index = at.node + 3;
  for (let k = 0; k < i; k++) index = next(next(index, tree), tree);
  return tree[index];
}

/** The node at `path`, or the deepest ancestor that exists (a missing field points at its parent). */
export function deepestStart(tree: PositionTree, data: unknown, path: readonly (string | number)[]): Located {
  let at: Located = { node: 0, start: startOf(tree, 0), value: data };
  for (const part of path) {
    const found = child(tree, at, part);
    if (!found) break;
    at = found;
  }
  return at;
}

/** The node exactly at `path`, or undefined when part of the path does not exist. */
export function nodeAt(tree: PositionTree, data: unknown, path: readonly (string | number)[]): Located | undefined {
  let at: Located | undefined = { node: 0, start: startOf(tree, 0), value: data };
  for (const part of path) at = at && child(tree, at, part);
  return at;
}
