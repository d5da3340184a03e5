/** `lifeboat schema`: the runbook JSON Schema, for editors and for checking runbooks elsewhere. */
import { writeFile } from 'node:fs/promises';
import { EXIT, exitWithUsage, parseFlags } from '../cli-kit.ts';
import { CONFIG_SCHEMA_FILE, DRILL_SCHEMA_FILE, generateConfigJsonSchema, generateDrillRecordJsonSchema, generateRunbookJsonSchema, SCHEMA_FILE } from '../../schema/json-schema.ts';

const USAGE = `Usage: lifeboat schema [--of runbook|config|drill] [--out FILE]

Prints the JSON Schema of runbooks (or of lifeboat.config.yaml, or of drill records), or writes it
to FILE. Editors use it for completion and hover help: the installed package carries them as
node_modules/lifeboat/${SCHEMA_FILE}, node_modules/lifeboat/${CONFIG_SCHEMA_FILE} and
node_modules/lifeboat/${DRILL_SCHEMA_FILE}, and every built site publishes the runbook schema at
/schema/<version>/${SCHEMA_FILE} and /schema/${SCHEMA_FILE}.

  --of WHAT         runbook (default), config or drill
  --out FILE        write the schema to FILE instead of printing it`;

const flags = parseFlags({ of: { type: 'string', default: 'runbook' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, USAGE);
const GENERATORS: Record<string, () => string> = { runbook: generateRunbookJsonSchema, config: generateConfigJsonSchema, drill: generateDrillRecordJsonSchema };
const generate = GENERATORS[flags.of];
if (!generate) exitWithUsage(`--of must be runbook, config or drill, not "${flags.of}".`, USAGE);
const schema = generate();
if (flags.out) {
  await writeFile(flags.out, schema);
  process.stdout.write(`Wrote ${flags.out}.\n`);
} else process.stdout.write(schema);
process.exitCode = EXIT.ok;
