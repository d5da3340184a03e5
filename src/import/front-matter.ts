/**
 * Front matter of the page being imported: Hugo and Jekyll YAML (`---`) or Hugo TOML (`+++`).
 * A block that cannot be read (Hugo archetypes hold template actions, not YAML) is reported and
 * its fields are ignored; the page itself is still imported.
 */
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';
import type { MdNode } from './markdown-tree.ts';

/** The front matter block of a page, read or not. */
export interface FrontMatter {
  /** The fields, or `{}` when there is no front matter or it could not be read. */
  fields: Record<string, unknown>;
  /** The `yaml` / `toml` node, so the outline can skip it. */
  node?: MdNode;
  /** Why the block could not be read, from the parser. */
  problem?: string;
}

/** Reads the front matter node the parser found at the top of `tree`, if any. */
export function readFrontMatter(tree: MdNode): FrontMatter {
  const node = tree.children?.[0];
  if (!node || (node.type !== 'yaml' && node.type !== 'toml')) return { fields: {} };
  try {
    const parsed: unknown = node.type === 'yaml' ? parseYaml(node.value ?? '') : parseToml(node.value ?? '');
    if (parsed === null || parsed === undefined) return { fields: {}, node };
    if (typeof parsed !== 'object' || Array.isArray(parsed)) return { fields: {}, node, problem: 'it is not a list of key: value fields' };
    return { fields: parsed as Record<string, unknown>, node };
  } catch (error) {
    const first = (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
    return { fields: {}, node, problem: first.replace(/\s*at line \d+, column \d+:?$/, '').replace(/\.$/, '') };
  }
}

/** A front matter value as trimmed text, when it is a non-empty string. */
export function stringField(fields: Record<string, unknown>, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const value = fields[key];
    if (typeof value === 'string' && value.trim()) return value.trim();
  }
  return undefined;
}

/** A front matter list of strings (`tags: [a, b]` or `tags: a`), when present. */
export function stringListField(fields: Record<string, unknown>, ...keys: string[]): string[] {
  for (const key of keys) {
    const value = fields[key];
    if (typeof value === 'string' && value.trim()) return [value.trim()];
    if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim());
  }
  return [];
}

/** A date field (`lastmod`, YAML dates parse as strings here) as `YYYY-MM-DD`, when it is one. */
export function dateField(fields: Record<string, unknown>, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const value = fields[key];
    const text = value instanceof Date ? value.toISOString() : typeof value === 'string' ? value : undefined;
    const day = text && /^(\d{4}-\d{2}-\d{2})(?:$|[T ])/.exec(text.trim())?.[1];
    if (day) return day;
  }
  return undefined;
}
