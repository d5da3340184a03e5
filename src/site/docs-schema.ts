/**
 * Starlight's `docs` schema, built once per kind of caller.
 *
 * `<StarlightPage>` builds the whole frontmatter schema again for every page it renders, and zod
 * compiles each new schema on its first parse: 2–2.5 s of CPU in a 1,000-runbook build, for a
 * schema that never changes. The content collection and `<StarlightPage>` pass different image
 * helpers (Astro's, and a `z.custom` check), so each keeps its own schema; the helper's source
 * text tells them apart because `<StarlightPage>` creates a new but identical one on every call.
 */
import { docsSchema } from '@astrojs/starlight/schema';

type DocsSchema = ReturnType<typeof docsSchema>;
type SchemaContext = Parameters<DocsSchema>[0];

export function memoizedDocsSchema(build: DocsSchema = docsSchema()): DocsSchema {
  const built = new Map<string, ReturnType<DocsSchema>>();
  return (context: SchemaContext) => {
    const key = String(context.image);
    let schema = built.get(key);
    if (!schema) built.set(key, (schema = build(context)));
    return schema;
  };
}
