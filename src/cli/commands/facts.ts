/** `lifeboat facts`: collect live facts from one or more clusters into facts/<cluster>.json. */
import { relative } from 'node:path';
import { EXIT, exitWithUsage, loadConfigOrExit, parseFlags } from '../cli-kit.ts';
import { collectAll, DEFAULT_MIN_READABLE, describeOutcome, type ClusterTarget } from '../../facts/collect-all.ts';
import { contextNames, KubeconfigError, loadKubeConfig } from '../../facts/kube-client.ts';
import { DEFAULT_POLICY } from '../../facts/list-all.ts';
import { durationSeconds, DURATION_PATTERN } from '../../schema/primitives.ts';
import { planInventories } from '../../facts/inventory-plan.ts';

const USAGE = `Usage: lifeboat facts --context CONTEXT[=NAME] [--context …] [--kubeconfig FILE] [--out DIR] [--timeout 15s]
                      [--deadline 5m] [--min-readable 0.5]

Reads what exists in each cluster (server version, namespaces, nodes, StorageClasses,
VolumeSnapshotClasses, PVCs, CRDs, Services and their ready endpoints, IngressClasses,
PriorityClasses, Velero locations, schedules, backups and restores, CronJobs and their
recent Jobs) and writes facts/NAME.json. For the newest backup of each Velero schedule a
runbook restores from, it also reads what the backup holds from its bucket (Velero's
inventory; see backups in the config and docs/backups.md).
NAME defaults to the context name; runbooks map roles (primary, dr) to these names.
Never reads Secrets or ConfigMaps; never writes tokens, certificates or kubeconfig contents.
Clusters are read concurrently; one that fails keeps its previous snapshot and makes the
command exit 1 after the others are written.

  --context CTX[=NAME]  kubeconfig context to read, optionally saved under another name
  --kubeconfig FILE     kubeconfig (default: $KUBECONFIG, ~/.kube/config, or the in-cluster
                        service account, whose context is "inClusterContext")
  --out DIR             where to write snapshots (default: the facts folder, LIFEBOAT_FACTS)
  --timeout DURATION    per-request timeout, from connecting to the last byte (default 15s);
                        failed requests are retried
  --deadline DURATION   a cluster still being read after this fails (default 5m)
  --min-readable SHARE  a cluster fails when fewer than this share of kinds could be read
                        (a 403 or an absent API counts as read; default 0.5)
  --config FILE         configuration file (LIFEBOAT_CONFIG)

Exit codes: 0 all clusters collected, 1 a cluster failed, 2 usage or configuration error.
Set LIFEBOAT_NOW (ISO time) to stamp a fixed collectedAt, for reproducible snapshots.`;

const flags = parseFlags(
  {
    context: { type: 'string', multiple: true },
    kubeconfig: { type: 'string' },
    out: { type: 'string' },
    timeout: { type: 'string', default: '15s' },
    deadline: { type: 'string', default: '5m' },
    'min-readable': { type: 'string', default: String(DEFAULT_MIN_READABLE) },
    config: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
  USAGE,
);
const usageError = (message: string): never => exitWithUsage(message, USAGE);

const config = loadConfigOrExit({ config: flags.config, facts: flags.out });
if (!flags.context?.length) usageError('Name at least one cluster with --context CONTEXT[=NAME].');
for (const flag of ['timeout', 'deadline'] as const) {
  if (!DURATION_PATTERN.test(flags[flag]) || durationSeconds(flags[flag]) === 0) usageError(`--${flag} must be a duration such as "${flag === 'timeout' ? '15s' : '5m'}", not "${flags[flag]}".`);
}
const minReadable = Number(flags['min-readable']);
if (!/^(0|1|0?\.\d+|1\.0*)$/.test(flags['min-readable'])) usageError(`--min-readable must be a share between 0 and 1, such as 0.5, not "${flags['min-readable']}".`);

const targets: ClusterTarget[] = flags.context!.map((spec) => {
  const [context, name = context] = spec.split(/=(?=[^=]*$)/) as [string, string?];
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(name))
    usageError(`Cluster name "${name}" (from --context ${spec}) must be lowercase letters, digits, ".", "_" or "-": it becomes facts/${name}.json. Write --context ${context}=<name>.`);
  return { context, name };
});
if (new Set(targets.map((t) => t.name)).size !== targets.length) usageError('Two --context flags save under the same name; give each cluster its own NAME.');

let kc;
try {
  kc = loadKubeConfig(flags.kubeconfig);
  const known = contextNames(kc);
  for (const { context } of targets) if (!known.includes(context)) throw new KubeconfigError(`context "${context}" is not in the kubeconfig (it has: ${known.join(', ') || 'none'})`);
} catch (error) {
  if (error instanceof KubeconfigError) usageError(`Cannot collect facts: ${error.message}.`);
  throw error;
}

// What the runbooks restore from decides which backup inventories are read. They load while the
// clusters are read, so their loading overlaps with the requests (figures in docs/performance.md); a project
// whose runbooks do not all load still gets its facts.
const plan = planInventories(config).then(
  (p) => {
    if (p.unreadable) process.stderr.write(`${p.unreadable} runbook file${p.unreadable === 1 ? '' : 's'} did not load (run \`lifeboat check\`): the backups ${p.unreadable === 1 ? 'it restores' : 'they restore'} from are not inventoried.\n`);
    return p.options;
  },
  (error: Error) => {
    process.stderr.write(`Backup inventories are not read: the runbooks could not be loaded (${error.message.split('\n')[0]}).\n`);
    return undefined;
  },
);

const now = process.env.LIFEBOAT_NOW ? new Date(process.env.LIFEBOAT_NOW) : new Date();
const outcomes = await collectAll(kc, targets, {
  dir: config.factsDir,
  now,
  policy: { ...DEFAULT_POLICY, timeoutMs: durationSeconds(flags.timeout) * 1000 },
  deadlineMs: durationSeconds(flags.deadline) * 1000,
  minReadable,
  backupContents: plan,
});
for (const outcome of outcomes) {
  const line = describeOutcome(outcome).replace(config.factsDir, relative(process.cwd(), config.factsDir) || '.');
  (outcome.ok ? process.stdout : process.stderr).write(`${line}\n`);
}
// Everything is written. A socket still in its TLS handshake outlives the client's close() by up to
// undici's 10 s connect timeout (the dispatcher client-node builds has no way to shorten it, and
// destroying it leaves a connecting socket open), so do not wait for it to give up.
await new Promise((resolve) => process.stdout.write('', resolve));
await new Promise((resolve) => process.stderr.write('', resolve));
process.exit(outcomes.every((o) => o.ok) ? EXIT.ok : EXIT.failed);
