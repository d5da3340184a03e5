/**
 * Words and command shapes for the benchmark corpus, taken from what the example runbooks
 * (runbooks/) and the imported public ones (shared/corpus/runbooks: alert runbooks with
 * Meaning / Impact / Diagnosis / Mitigation) actually say, so pages weigh what real ones weigh.
 */
import type { Random } from './random.ts';

/** Where a command runs and what it shows; `ns` and `app` are filled per runbook. */
export interface CommandShape {
  run: (c: CommandVars) => string;
  expect?: (c: CommandVars) => string;
  destructive?: boolean;
}
export interface CommandVars {
  ctx: string;
  ns: string;
  app: string;
}

const pods = (c: CommandVars, n: number) =>
  ['NAME                                READY   STATUS    RESTARTS   AGE', ...Array.from({ length: n }, (_, i) => `${c.app}-7c9f5d8b6d-${'2xkqz9wq7n'.slice(i, i + 5)}   2/2     Running   0          ${4 + i}m`)].join('\n');

export const COMMANDS: readonly CommandShape[] = [
  { run: (c) => `kubectl --context ${c.ctx} -n ${c.ns} get pods -l app=${c.app} -o wide`, expect: (c) => pods(c, 3) },
  { run: (c) => `kubectl --context ${c.ctx} -n ${c.ns} rollout restart deployment/${c.app} \\\n  && kubectl --context ${c.ctx} -n ${c.ns} rollout status deployment/${c.app} --timeout=120s`, expect: (c) => `deployment.apps/${c.app} restarted\ndeployment "${c.app}" successfully rolled out` },
  { run: (c) => `kubectl --context ${c.ctx} -n ${c.ns} get pvc -o custom-columns=NAME:.metadata.name,STATUS:.status.phase,CLASS:.spec.storageClassName`, expect: (c) => `NAME                 STATUS   CLASS\ndata-${c.app}-0      Bound    ebs-sc\ndata-${c.app}-1      Bound    ebs-sc` },
  { run: (c) => `velero --kubecontext ${c.ctx} backup get --selector velero.io/schedule-name=daily \\\n  | sort -k5 -r | head -n 4`, expect: () => 'NAME                   STATUS      ERRORS   WARNINGS   CREATED                         EXPIRES\ndaily-20261122020012   Completed   0        0          2026-11-22 02:00:12 +0000 UTC   29d' },
  { run: (c) => `velero --kubecontext ${c.ctx} restore create "restore-$BACKUP" \\\n  --from-backup "$BACKUP" \\\n  --include-namespaces ${c.ns} \\\n  --restore-volumes=true`, expect: () => 'Restore request "restore-daily-20261122020012" submitted successfully.' },
  { run: (c) => `kubectl --context ${c.ctx} -n ${c.ns} scale deployment/${c.app} --replicas=0`, expect: (c) => `deployment.apps/${c.app} scaled`, destructive: true },
  { run: (c) => `kubectl --context ${c.ctx} -n ${c.ns} delete pod -l app=${c.app} --wait=false`, expect: (c) => `pod "${c.app}-7c9f5d8b6d-2xkqz" deleted`, destructive: true },
  { run: (c) => `kubectl --context ${c.ctx} -n ${c.ns} logs deploy/${c.app} --since=15m | grep -i -E 'error|fatal' | tail -n 20` },
  { run: (c) => `kubectl --context ${c.ctx} -n ${c.ns} get events --sort-by=.lastTimestamp | tail -n 5`, expect: (c) => `LAST SEEN   TYPE      REASON             OBJECT                 MESSAGE\n2m          Warning   FailedScheduling   pod/${c.app}-0   0/30 nodes are available: pod has unbound immediate PersistentVolumeClaims.` },
  { run: (c) => `kubectl --context ${c.ctx} -n ${c.ns} exec sts/${c.app}-db -- \\\n  psql -U postgres -tAc "select now() - pg_last_xact_replay_timestamp()"`, expect: () => '00:00:02.41385' },
  { run: (c) => `kubectl --context ${c.ctx} -n ${c.ns} patch deployment ${c.app} --type merge \\\n  --patch '{"spec":{"template":{"metadata":{"annotations":{"restartedAt":"'"$(date -u +%FT%TZ)"'"}}}}}'`, expect: (c) => `deployment.apps/${c.app} patched` },
  { run: (c) => `curl -sS -o /dev/null -w '%{http_code}\\n' https://${c.app}.kestrelpay.example/healthz`, expect: () => '200' },
  { run: (c) => `kubectl --context ${c.ctx} -n ${c.ns} delete pvc data-${c.app}-0 --wait=true`, expect: (c) => `persistentvolumeclaim "data-${c.app}-0" deleted`, destructive: true },
];

const VERBS = ['Check', 'Confirm', 'Scale down', 'Restore', 'Wait for', 'Fail over', 'Restart', 'Verify', 'Drain', 'Promote', 'Re-enable', 'Inspect'];
const OBJECTS = ['the backup location', 'the newest completed backup', 'the database replica', 'the deployment', 'the volumes', 'traffic', 'the ingress', 'replication lag', 'the scheduler', 'the pods', 'the restore', 'the DNS record'];

/** An imperative step title, e.g. "Confirm the newest completed backup". */
export const stepTitle = (r: Random) => `${r.pick(VERBS)} ${r.pick(OBJECTS)}`;

const SENTENCES = [
  'Most of the time is spent restoring volume data; do not interrupt it.',
  'If the output differs, stop and escalate before going on: the next steps assume it.',
  'A `PartiallyFailed` restore needs a look at the warnings before you continue.',
  'This is safe to repeat; it changes nothing when the state is already right.',
  'Keep the incident channel updated with what you see at this point.',
  'Until this runs, no new backups are taken: **the RPO clock is running**.',
  'Replicas that never become Ready usually point at a volume that did not attach.',
  'Compare the timestamps with the alert: an older backup means more data to replay.',
  'Check the dashboards for the error rate before and after; it should fall within minutes.',
  'Traffic stays on the old region until the DNS change has propagated (TTL 60 s).',
];

/** A paragraph of `sentences` sentences of step or section prose. */
export const prose = (r: Random, sentences: number) => r.sample(SENTENCES, sentences).join(' ');

/** The four sections of an imported alert runbook, in order. */
export const ALERT_SECTIONS = ['Meaning', 'Impact', 'Diagnosis', 'Mitigation'] as const;
export const ALERTS = ['PodCrashLooping', 'PVCPending', 'ErrorBudgetBurn', 'ReplicationLagHigh', 'CertificateExpiring', 'BackupMissing', 'DiskFillingUp', 'TargetDown'];
export const DR_TITLES = ['Restore {s} from a Velero backup', 'Fail {s} over to the DR region', 'Restore the {s} database from a snapshot', 'Recover {s} after losing a node pool', 'Rebuild {s} volumes from snapshots'];
export const OUTCOMES = ['Resolved: close the incident.', 'Escalate to Platform on-call.', 'Stop. Escalate to the service owner before deleting anything.', 'Nothing to do; watch the alert for 15 minutes.'];
export const SERVICES = ['payments', 'ledger', 'checkout', 'identity', 'search', 'orders', 'billing', 'catalog', 'shipping', 'notifications', 'platform', 'edge'];
