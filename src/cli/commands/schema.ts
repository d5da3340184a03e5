/** `lifeboat schema`: the runbook JSON Schema, for editors and for checking runbooks elsewhere. */
import { writeFile } from 'node:fs/promises';
import { EXIT, parseFlags } from '../cli-kit.ts';
import { generateRunbookJsonSchema, SCHEMA_FILE } from '../../schema/json-schema.ts';

const USAGE = `Usage: lifeboat schema [--out FILE]

Prints the runbook JSON Schema generated from Lifeboat's runbook schema, or writes it to FILE.
Editors use it for completion and hover help: the installed package carries it as
node_modules/lifeboat/${SCHEMA_FILE}, and every built site publishes it at /schema/<version>/${SCHEMA_FILE}.

  --out FILE        write the schema to FILE instead of printing it`;

const flags = parseFlags({ out: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, USAGE);
const schema = generateRunbookJsonSchema();
if (flags.out) {
  await writeFile(flags.out, schema);
  process.stdout.write(`Wrote ${flags.out}.\n`);
} else process.stdout.write(schema);
process.exitCode = EXIT.ok;
