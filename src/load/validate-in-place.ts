/**
 * Validation without a copy. A zod parse builds a new value for every object and array it
 * accepts; the loader only needs to know that the data is valid, plus the few places where
 * parsing changes a value (a bare YAML `0` duration becomes "0"). zod's compiled validator
 * answers yes or no without building anything, and those places are found once in the schema
 * and applied to the data itself.
 *
 * Why: a check holds every runbook until its report is written. With the copy, each runbook was
 * held twice over (js-yaml's data, which the position tree walks, and zod's), and every byte held
 * is a byte the garbage collector copies out of the young generation.
 */
import { z } from 'zod';
import { compileFn, INVALID } from 'zod/v4/core';
import { defOf, type AnySchema, type Def } from './schema-walk.ts';

/** Brings `holder[key]` to what parsing it would give. */
type Fix = (holder: Record<string | number, unknown>, key: string | number) => void;

/** Schema types whose parse returns the value it was given. */
const AS_GIVEN = new Set(['string', 'number', 'boolean', 'bigint', 'symbol', 'null', 'undefined', 'void', 'never', 'any', 'unknown', 'enum', 'literal', 'nan', 'template_literal']);

/**
 * A parser for `schema` that validates in place: the data itself (with its transformed values
 * rewritten) when valid, undefined when not (ask the schema's `safeParse` for the issues).
 */
export function inPlaceParser<S extends AnySchema>(schema: S): (data: unknown) => z.output<S> | undefined {
  const valid = validatorFor(schema);
  const fix = fixFor(schema);
  return (data) => {
    if (!valid(data)) return undefined;
    if (!fix) return data as z.output<S>;
    const holder: Record<string, unknown> = { data };
    fix(holder, 'data');
    return holder.data as z.output<S>;
  };
}

/**
 * zod's generated yes-or-no check for `schema`. Only that half of `z.compile` is built: its parser
 * half (which builds the output value) would be generated and compiled at every start for nothing,
 * ~8 ms for the runbook, step and facts schemas. What follows a "no" is what `z.validate` does
 * with it: where zod marks its generated check as not definite, the runtime has the last word.
 * A schema zod generates no code for (an async or cyclic one; none of Lifeboat's) goes through
 * `z.compile`, which keeps zod's runtime parser.
 */
function validatorFor(schema: AnySchema): (data: unknown) => boolean {
  let check: ReturnType<typeof compileFn>;
  try {
    check = compileFn(schema, { assertOnly: true });
  } catch {
    const compiled = z.compile(schema);
    return (data) => z.validate(compiled, data);
  }
  return (data) => check(data) !== INVALID || (check.definite !== true && z.validate(schema, data));
}

/** How to fix values of `schema` in place, or undefined when parsing returns them unchanged. */
function fixFor(schema: AnySchema): Fix | undefined {
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, AnySchema>;
      const fields = Object.entries(shape).flatMap(([name, field]) => {
        const fix = fixFor(field);
        return fix ? [[name, fix] as const] : [];
      });
      // z.object (neither strict nor loose) accepts unknown keys and leaves them out of its output.
      const strips = def.catchall === undefined;
      // A catchall that changes values (rare): parse the object again.
      if (!strips && fixFor(def.catchall as AnySchema)) return parseAgain(schema);
      if (fields.length === 0 && !strips) return undefined;
      return (holder, key) => {
        const value = holder[key] as Record<string, unknown>;
        if (strips) for (const name of Object.keys(value)) if (!Object.hasOwn(shape, name)) delete value[name];
        for (const [name, fix] of fields) fix(value, name);
      };
    }
    case 'array': {
      const fix = fixFor(def.element as AnySchema);
      if (!fix) return undefined;
      return (holder, key) => {
        const items = holder[key] as unknown[];
        for (let i = 0; i < items.length; i++) fix(items as unknown as Record<number, unknown>, i);
      };
    }
    case 'record': {
      const fix = fixFor(def.valueType as AnySchema);
      if (fixFor(def.keyType as AnySchema)) return parseAgain(schema);
      if (!fix) return undefined;
      return (holder, key) => {
        const value = holder[key] as Record<string, unknown>;
        for (const name of Object.keys(value)) fix(value, name);
      };
    }
    case 'optional':
    case 'nullable': {
      const fix = fixFor(def.innerType as AnySchema);
      if (!fix) return undefined;
      return (holder, key) => {
        if (holder[key] !== undefined && holder[key] !== null) fix(holder, key);
      };
    }
    case 'union':
      return (def.options as AnySchema[]).some((option) => fixFor(option)) ? parseAgain(schema) : undefined;
    default:
      return AS_GIVEN.has(def.type) && !hasOverwrite(def) ? undefined : parseAgain(schema);
  }
}

/** Transforms, defaults, a union whose options may change the value: parse this value alone (it is valid). */
const parseAgain =
  (schema: AnySchema): Fix =>
  (holder, key) => {
    holder[key] = schema.parse(holder[key]);
  };

/** A leaf whose checks include an overwrite (`.trim()`, `.toLowerCase()`) changes the value. */
function hasOverwrite(def: Def): boolean {
  const checks = (def.checks ?? []) as { _zod: { def: { check: string } } }[];
  return checks.some((check) => check._zod.def.check === 'overwrite');
}
