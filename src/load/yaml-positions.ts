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

/** One node: where its text starts and, for collections, its children. */
export interface NodeStart {
  start: number;
  /** Scalars: the value (keys are looked up by it). */
  value?: unknown;
  /** Mappings: key → the key node and the value node. */
  entries?: Map<string, { key: NodeStart; value: NodeStart }>;
  /** Sequences: the items. */
  items?: NodeStart[];
}

interface Frame {
  opened: number;
  children: NodeStart[];
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
  const stack: Frame[] = [];
  let root: NodeStart | undefined;
  let exact = true;
  const listener = (event: 'open' | 'close', state: { position: number; result: unknown; anchor: string | null }) => {
    if (!exact) return;
    if (event === 'open') {
      stack.push({ opened: state.position, children: [] });
      return;
    }
    const frame = stack.pop()!;
    const node = toNode(text, frame, state.result);
    // Anchors and explicit tags (`!!str`) sit before the value: the AST would point past them.
    if (!node || state.anchor !== null || text.charCodeAt(node.start) === 0x21 /* ! */) exact = false;
    const parent = stack.at(-1);
    if (parent) parent.children.push(node ?? { start: frame.opened });
    else root = node;
  };
  // @types/js-yaml's State leaves out `anchor`, which js-yaml's state has.
  const data = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA, listener: listener as unknown as NonNullable<jsYaml.LoadOptions['listener']> });
  return { data, root: exact ? root : undefined };
}

function toNode(text: string, frame: Frame, result: unknown): NodeStart | undefined {
  const { children } = frame;
  if (Array.isArray(result)) {
    if (children.length !== result.length) return undefined; // an alias, most likely
    return { start: skipBlank(text, frame.opened), items: children };
  }
  if (isPlainObject(result)) {
    const keys = Object.keys(result);
    if (children.length !== 2 * keys.length) return undefined; // merge key, alias, or a key without a value node
    const entries = new Map<string, { key: NodeStart; value: NodeStart }>();
    for (let i = 0; i < children.length; i += 2) {
      const key = children[i]!;
      if (typeof key.value !== 'string' && typeof key.value !== 'number' && typeof key.value !== 'boolean' && key.value !== null) return undefined;
      entries.set(String(key.value), { key, value: children[i + 1]! });
    }
    if (entries.size !== keys.length) return undefined;
    return { start: skipBlank(text, frame.opened), entries };
  }
  // A scalar. js-yaml may read it through a nested attempt (a block mapping that turned out to be
  // a plain scalar): the innermost node holds the true start.
  if (children.length === 1 && children[0]!.value === result) return children[0];
  if (children.length > 0) return undefined;
  const start = skipBlank(text, frame.opened);
  // An empty value (`key:` and nothing) has no text of its own to point at; the AST decides.
  if (result === null && !/^(?:null|Null|NULL|~)(?![^\s,\]}])/.test(text.slice(start, start + 5))) return undefined;
  return { start, value: result };
}

const child = (node: NodeStart, part: string | number) => node.entries?.get(String(part))?.value ?? (typeof part === 'number' ? node.items?.[part] : undefined);

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
