/**
 * Reads the zod schema along a data path, so error messages can list the fields allowed at the
 * place an author made a mistake. Uses zod 4's public `_zod.def` structure.
 */
import type { z } from 'zod';

export type AnySchema = z.ZodType;
export type Def = { type: string; [key: string]: unknown };

/** A schema's definition (zod 4's public `_zod.def`). */
export const defOf = (schema: AnySchema): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Strips optional, default, pipe and transform wrappers. */
function unwrap(schema: AnySchema): AnySchema {
  let current = schema;
  for (let i = 0; i < 20; i++) {
    const def = defOf(current);
    if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default') current = def.innerType as AnySchema;
    else if (def.type === 'pipe') current = def.in as AnySchema;
    else break;
  }
  return current;
}

/** The schema that validates the value at `path`, or undefined if the path leaves the schema. */
export function schemaAt(root: AnySchema, path: readonly (string | number)[]): AnySchema | undefined {
  let current: AnySchema | undefined = unwrap(root);
  for (const part of path) {
    if (!current) return undefined;
    const def = defOf(current);
    if (def.type === 'object') current = (def.shape as Record<string, AnySchema>)[String(part)];
    else if (def.type === 'array') current = def.element as AnySchema;
    else if (def.type === 'record') current = def.valueType as AnySchema;
    else return undefined;
    if (current) current = unwrap(current);
  }
  return current;
}

/** Field names of the object schema at `path` (empty when it is not an object). */
export function fieldsAt(root: AnySchema, path: readonly (string | number)[]): string[] {
  const schema = schemaAt(root, path);
  if (!schema) return [];
  const def = defOf(schema);
  return def.type === 'object' ? Object.keys(def.shape as object).filter((k) => !k.startsWith('$')) : [];
}

/** Whether the field at `path` is optional in the schema. */
export function isOptionalAt(root: AnySchema, path: readonly (string | number)[]): boolean {
  if (path.length === 0) return false;
  const parent = schemaAt(root, path.slice(0, -1));
  if (!parent) return false;
  const def = defOf(parent);
  if (def.type !== 'object') return false;
  const field = (def.shape as Record<string, AnySchema>)[String(path.at(-1))];
  return !!field && defOf(field).type === 'optional';
}

/** The `.describe()` text of the schema at `path`, if any. */
export function describeAt(root: AnySchema, path: readonly (string | number)[]): string | undefined {
  const parent = path.length ? schemaAt(root, path.slice(0, -1)) : undefined;
  const raw = parent && defOf(parent).type === 'object' ? (defOf(parent).shape as Record<string, AnySchema>)[String(path.at(-1))] : undefined;
  return raw?.description ?? schemaAt(root, path)?.description;
}
