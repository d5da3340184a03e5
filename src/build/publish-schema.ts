/**
 * The runbook JSON Schema, published on the site at a URL that names the Lifeboat version that
 * built it, and at a latest URL. A runbook can then point at `$schema=https://…/schema/0.2.0/…`
 * and keep the fields of the version it was written for, wherever it is edited.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import packageJson from '../../package.json' with { type: 'json' };
import { generateRunbookJsonSchema, SCHEMA_FILE } from '../schema/json-schema.ts';

/** Site paths of the published schema: versioned first, then latest. */
export const publishedSchemaPaths = (version = packageJson.version) => [`/schema/${version}/${SCHEMA_FILE}`, `/schema/${SCHEMA_FILE}`];

export async function writePublishedSchema(outDir: string): Promise<void> {
  const schema = generateRunbookJsonSchema();
  for (const path of publishedSchemaPaths()) {
    await mkdir(join(outDir, path, '..'), { recursive: true });
    await writeFile(join(outDir, path), schema);
  }
}
