/**
 * zod's ahead-of-time compiled parser for a schema (`z.compile`, zod's public API), built on first
 * use. It gives the same results and issues as the schema's own `safeParse`: where the generated
 * code rejects, zod's runtime parser has the last word.
 *
 * Measured (issue 26): `lifeboat check` over 1,000 runbooks took 14% longer (CPU time +13%) with
 * the interpreted schemas, medians of 15 interleaved runs on a quiet machine. zod's internal
 * assert-only variant validated runbooks in place without the copy the parse makes; it bought
 * 1.6%, so it went.
 */
import { z } from 'zod';

export function compiledOnFirstUse<S extends z.ZodType>(schema: S): () => S {
  let compiled: S | undefined;
  return () => (compiled ??= z.compile(schema));
}
