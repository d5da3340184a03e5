/** `npm run schema`: regenerate runbook.schema.json from the zod schema. */
import { writeFile } from 'node:fs/promises';
import { EXIT, parseFlags } from '../src/cli/cli-kit.ts';
import { generateRunbookJsonSchema, SCHEMA_FILE } from '../src/schema/json-schema.ts';

const USAGE = `Usage: npm run schema

Writes ${SCHEMA_FILE} from the runbook schema (src/schema/runbook.ts). Commit the result;
a test fails when the committed file is out of date.`;

parseFlags({ help: { type: 'boolean', short: 'h' } }, USAGE);
await writeFile(SCHEMA_FILE, generateRunbookJsonSchema());
process.stdout.write(`Wrote ${SCHEMA_FILE}.\n`);
process.exitCode = EXIT.ok;
