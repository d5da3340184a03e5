/** `lifeboat parity`: primary and DR side by side, for every cluster-scoped kind parity covers. */
import { CONFIG_FLAGS, CONFIG_HELP, EXIT, loadConfigOrExit, parseFlags } from '../cli-kit.ts';
import { PARITY_KIND_NAMES, parityTable } from '../../checks/parity.ts';
import { loadFacts } from '../../facts/snapshot-file.ts';
import { maxOf } from '../../util/collections.ts';

const USAGE = `Usage: lifeboat parity [--facts DIR] [--all]

Prints the CustomResourceDefinitions, StorageClasses, IngressClasses, PriorityClasses and
VolumeSnapshotClasses of the primary and the DR cluster side by side (roles from \`parity:\`
and \`clusters:\` in lifeboat.config.yaml), from the collected facts. By default only the rows
that differ; --all prints every row. Exit 1 when something in primary is missing in DR.

  --all             print rows that match, too

${CONFIG_HELP}`;

const flags = parseFlags({ ...CONFIG_FLAGS, all: { type: 'boolean' } }, USAGE);
const config = loadConfigOrExit(flags);
const [primary, dr] = [config.clusters[config.parity.primary], config.clusters[config.parity.dr]];
if (!primary || !dr) {
  process.stderr.write(`Parity compares roles "${config.parity.primary}" and "${config.parity.dr}", but \`clusters:\` in the configuration does not map both.\n`);
  process.exit(EXIT.usage);
}
const { snapshots, issues } = await loadFacts(config.factsDir, config.cwd);
for (const issue of issues) process.stderr.write(`${issue.file}: ${issue.message}\n`);
for (const cluster of [primary, dr]) if (!snapshots.has(cluster)) process.stderr.write(`No facts for "${cluster}": its column says "unknown". Collect them with lifeboat facts.\n`);

const rows = parityTable(snapshots.get(primary), snapshots.get(dr));
const shown = flags.all ? rows : rows.filter((r) => r.primary !== r.dr);
const mark = (v: boolean | 'unknown') => (v === 'unknown' ? 'unknown' : v ? 'yes' : 'MISSING');
const table = [['kind', 'name', primary, dr], ...shown.map((r) => [PARITY_KIND_NAMES[r.kind], r.name, mark(r.primary), mark(r.dr)])];
const widths = table[0]!.map((_, i) => maxOf(table, (row) => row[i]!.length));
const line = (row: string[]) => row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd();
process.stdout.write(`${[line(table[0]!), line(widths.map((w) => '-'.repeat(w))), ...table.slice(1).map(line)].join('\n')}\n`);
const gaps = rows.filter((r) => r.primary === true && r.dr === false).length;
process.stdout.write(`\n${rows.length} resources compared; ${gaps} in "${primary}" missing in "${dr}"; ${rows.filter((r) => r.dr === true && r.primary === false).length} only in "${dr}".\n`);
process.exitCode = gaps ? EXIT.failed : EXIT.ok;
