import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DurationSchema } from '../schema/primitives.ts';
import { inPlaceParser } from './validate-in-place.ts';

/** Parses `input` both ways: the in-place result must equal zod's own and be the input itself. */
function both<S extends z.ZodType>(schema: S, input: unknown) {
  const expected = schema.safeParse(structuredClone(input));
  const data = structuredClone(input);
  const actual = inPlaceParser(schema)(data);
  return { expected, actual, data };
}

describe('inPlaceParser', () => {
  it('returns the data itself, with transformed values rewritten where the schema transforms them', () => {
    const schema = z.strictObject({
      rto: DurationSchema,
      steps: z.array(z.strictObject({ id: z.string(), estimate: DurationSchema.optional() })),
      vars: z.record(z.string(), DurationSchema).optional(),
    });
    const { expected, actual, data } = both(schema, { rto: 0, steps: [{ id: 'a', estimate: 0 }, { id: 'b' }, { id: 'c', estimate: '5m' }], vars: { x: 0 } });
    expect(actual).toBe(data);
    expect(actual).toStrictEqual(expected.data);
    expect(actual).toStrictEqual({ rto: '0', steps: [{ id: 'a', estimate: '0' }, { id: 'b' }, { id: 'c', estimate: '5m' }], vars: { x: '0' } });
  });

  it('fills defaults, drops the keys z.object leaves out, and applies overwriting checks', () => {
    const schema = z.object({ name: z.string().trim(), level: z.number().default(3), nested: z.object({ on: z.boolean() }) });
    const { expected, actual } = both(schema, { name: '  db  ', extra: 1, nested: { on: true, stray: 'x' } });
    expect(actual).toStrictEqual(expected.data);
    expect(actual).toStrictEqual({ name: 'db', level: 3, nested: { on: true } });
    const catchall = both(z.object({ a: z.string() }).catchall(DurationSchema), { a: 'x', b: 0 });
    expect(catchall.actual).toStrictEqual(catchall.expected.data);
    expect(catchall.actual).toStrictEqual({ a: 'x', b: '0' });
  });

  it('leaves unions alone unless an option changes values, then parses that value again', () => {
    const plain = z.strictObject({ answer: z.union([z.strictObject({ goto: z.string() }), z.strictObject({ runbook: z.string() })]) });
    const input = { answer: { runbook: 'r' } };
    const data = structuredClone(input);
    const inner = data.answer;
    expect(inPlaceParser(plain)(data)?.answer).toBe(inner);
    const changing = z.strictObject({ value: z.union([z.string(), z.number().transform((n) => `${n}s`)]) });
    const { expected, actual } = both(changing, { value: 5 });
    expect(actual).toStrictEqual(expected.data);
    expect(actual).toStrictEqual({ value: '5s' });
  });

  it('returns undefined for invalid data and leaves it untouched', () => {
    const schema = z.strictObject({ rto: DurationSchema, id: z.string() });
    const data = { rto: 0, id: 7 };
    expect(inPlaceParser(schema)(data)).toBeUndefined();
    expect(data).toEqual({ rto: 0, id: 7 });
  });

  it('answers as zod does for refinements, a union of a refined option, and a field zod checks at run time only', () => {
    const cases = [
      { schema: z.strictObject({ id: z.string().refine((s) => s.startsWith('a')) }), inputs: [{ id: 'ab' }, { id: 'b' }, { id: 1 }] },
      { schema: z.strictObject({ from: z.number(), to: z.number() }).refine((r) => r.from < r.to), inputs: [{ from: 1, to: 2 }, { from: 2, to: 1 }] },
      { schema: z.strictObject({ pick: z.union([z.string().refine((s) => s === 'a'), z.number()]) }), inputs: [{ pick: 'a' }, { pick: 2 }, { pick: 'b' }] },
      { schema: z.strictObject({ name: z.string(), onDone: z.function().optional() }), inputs: [{ name: 'a' }, { name: 1 }, { name: 'a', onDone: 3 }] },
    ];
    for (const { schema, inputs } of cases) {
      const answers = inputs.map((input) => {
        const { expected, actual } = both(schema as z.ZodType, input);
        expect(actual, JSON.stringify(input)).toStrictEqual(expected.success ? expected.data : undefined);
        return actual !== undefined;
      });
      // Each case holds valid and invalid data: both answers are exercised.
      expect(answers).toContain(true);
      expect(answers).toContain(false);
    }
  });
});
