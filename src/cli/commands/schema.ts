/** `lifeboat schema`: the runbook JSON Schema, for editors and for checking runbooks elsewhere. */
import { writeFile } from 'node:fs/promises';
import { EXIT, exitWithUsage, parseFlags } from '../cli-kit.ts';
import { CONFIG_SCHEMA_FILE, generateConfigJsonSchema, generateRunbookJsonSchema, SCHEMA_FILE } from '../../schema/json-schema.ts';

const USAGE = `Usage: lifeboat schema [--of runbook|config] [--out FILE]

Prints the JSON Schema of runbooks (or of lifeboat.config.yaml), or writes it to FILE.
Editors use it for completion and hover help: the installed package carries both as
node_modules/lifeboat/${SCHEMA_FILE} and node_modules/lifeboat/${CONFIG_SCHEMA_FILE}, and every
built site publishes the runbook schema at /schema/<version>/${SCHEMA_FILE} and /schema/${SCHEMA_FILE}.

  --of WHAT         runbook (default) or config
  --out FILE        write the schema to FILE instead of printing it`;

const flags = parseFlags({ of: { type: 'string', default: 'runbook' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, USAGE);
if (flags.of !== 'runbook' && flags.of !== 'config') exitWithUsage(`--of must be runbook or config, not "${flags.of}".`, USAGE);
const schema = flags.of === 'config' ? generateConfigJsonSchema() : generateRunbookJsonSchema();
if (flags.out) {
  await writeFile(flags.out, schema);
  process.stdout.write(`Wrote ${flags.out}.\n`);
} else process.stdout.write(schema);
process.exitCode = EXIT.ok;
