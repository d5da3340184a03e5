/**
 * Findings: facts about the world, not about the runbook's form. They fail `lifeboat check` at
 * error level and appear on the site, but never stop a build or a deploy — the site is needed
 * most when the world is broken. Same shape as the format errors in `errors-data.ts`.
 */
import type { ErrorData } from './errors-data.ts';

const notFound = (what: string, example: string, fix: string) => ({
  title: `${what} not found`,
  severity: 'error' as const,
  finding: true as const,
  message: (p: { name: string; cluster: string; role: string; where: string }) =>
    `${what} "${p.name}" (${p.where}) does not exist in cluster "${p.cluster}" (role ${p.role}) according to its facts.`,
  hint: (p: { candidates: string; suggestion?: string }) =>
    `${p.suggestion ? `Did you mean "${p.suggestion}"? ` : ''}${p.candidates ? `It has: ${p.candidates}.` : `It has none.`}`,
  description: `The runbook relies on a ${what} that the cluster's last collected facts do not contain. During a recovery that step would fail.`,
  example,
  fix,
});

export const findingsData = {
  NamespaceNotFound: notFound('Namespace', 'commands:\n  - run: kubectl -n payments-prd get pods\n    cluster: dr', 'Create the namespace in that cluster, or correct the name in the runbook.'),
  StorageClassNotFound: notFound('StorageClass', 'requires:\n  - { kind: StorageClass, name: io2-csi, cluster: dr }', 'Create the StorageClass in the DR cluster (same provisioner and parameters), or map it with Velero\'s change-storage-class plugin.'),
  CrdNotFound: notFound('CustomResourceDefinition', 'requires:\n  - { kind: CustomResourceDefinition, name: certificates.cert-manager.io, cluster: dr }', 'Install the operator (and its CRDs) in that cluster before restoring resources of that kind.'),
  ServiceNotFound: notFound('Service', 'requires:\n  - { kind: Service, name: checkout-web, namespace: checkout, cluster: dr }', 'Deploy the service, or correct its name or namespace.'),
  VolumeSnapshotClassNotFound: notFound('VolumeSnapshotClass', 'requires:\n  - { kind: VolumeSnapshotClass, name: ebs-csi-snapclass, cluster: dr }', 'Create the VolumeSnapshotClass for the CSI driver.'),
  IngressClassNotFound: notFound('IngressClass', 'requires:\n  - { kind: IngressClass, name: nginx, cluster: dr }', 'Install the ingress controller, or correct the class name.'),
  PriorityClassNotFound: notFound('PriorityClass', 'requires:\n  - { kind: PriorityClass, name: kestrel-critical, cluster: dr }', 'Create the PriorityClass: pods that name it stay Pending without it.'),
  BackupStorageLocationNotFound: notFound('Velero BackupStorageLocation', 'requires:\n  - { kind: BackupStorageLocation, name: primary-readonly, cluster: dr }', 'Create the location (read-only, pointing at the primary\'s bucket) in the DR cluster.'),
  CronJobNotFound: notFound('CronJob', 'requires:\n  - { kind: CronJob, name: etcd-snapshot, namespace: kube-system, cluster: primary, backup: true }', 'Create the CronJob, or correct its name or namespace.'),
  ScheduleNotFound: notFound('Velero Schedule', 'commands:\n  - run: velero schedule describe payments-hourly\n    cluster: primary', 'Create the schedule, or correct its name.'),
  BackupNotFound: notFound('Velero Backup', 'commands:\n  - run: velero restore create --from-backup payments-2026-01-01\n    cluster: dr', 'Use a backup that exists (`velero backup get`), or a placeholder such as {{ facts.dr.lastBackup.<schedule> }}.'),
  NotEnoughReadyEndpoints: {
    title: 'Service has too few ready endpoints',
    severity: 'error',
    finding: true,
    message: (p: { name: string; cluster: string; ready: number; wanted: number }) =>
      `Service "${p.name}" in cluster "${p.cluster}" has ${p.ready} ready endpoint${p.ready === 1 ? '' : 's'}; the runbook needs at least ${p.wanted}.`,
    hint: () => 'Check the pods behind it (`kubectl get endpointslices -l kubernetes.io/service-name=<name>`), or lower minReadyEndpoints if fewer are enough.',
    description: 'A Service the runbook relies on exists but is not able to take the traffic the runbook sends to it.',
    example: 'requires:\n  - { kind: Service, name: ingress-nginx-controller, namespace: ingress-nginx, cluster: dr, minReadyEndpoints: 2 }',
    fix: 'Scale the workload up, or fix why its pods are not ready.',
  },
  BackupStorageLocationUnavailable: {
    title: 'Velero backup location unavailable',
    severity: 'error',
    finding: true,
    message: (p: { name: string; cluster: string; phase: string; validated: string }) =>
      `Velero BackupStorageLocation "${p.name}" in cluster "${p.cluster}" is ${p.phase} (last validated ${p.validated}), so no backup can be read from it.`,
    hint: () => 'Check its credentials and bucket (`velero backup-location get`); Velero logs say why validation fails.',
    description: 'Velero validates each BackupStorageLocation periodically; only an Available one can serve restores.',
    example: 'requires:\n  - { kind: BackupStorageLocation, name: primary-readonly, cluster: dr }',
    fix: 'Fix the location until `velero backup-location get` shows Available.',
  },
  NamespaceNotBackedUp: {
    title: 'No backup covers the namespace',
    severity: 'error',
    finding: true,
    message: (p: { namespace: string; clusters: string }) =>
      `No completed Velero backup in ${p.clusters} includes namespace "${p.namespace}", so restoring it would restore nothing.`,
    hint: () => 'Add the namespace to a schedule (`velero schedule create … --include-namespaces`), and check the next run completes.',
    description: 'The runbook restores a namespace from backups, but none of the backups the facts list covers it.',
    example: 'run: velero restore create --from-backup "$BACKUP" --include-namespaces ledger',
    fix: 'Schedule backups that include the namespace.',
  },
  BackupJobSuspended: {
    title: 'Backup CronJob is suspended',
    severity: 'error',
    finding: true,
    message: (p: { name: string; cluster: string }) => `CronJob "${p.name}" in cluster "${p.cluster}" is suspended: it makes no new runs.`,
    hint: (p: { name: string }) => `Resume it (\`kubectl -n ${p.name.split('/')[0]} patch cronjob ${p.name.split('/')[1]} -p '{"spec":{"suspend":false}}'\`) once whatever paused it is over.`,
    description: 'A CronJob the runbook relies on was suspended (during maintenance, most often) and never resumed.',
    example: 'requires:\n  - { kind: CronJob, name: etcd-snapshot, namespace: kube-system, cluster: primary, backup: true }',
    fix: 'Resume the CronJob.',
  },
  BackupJobNeverSucceeded: {
    title: 'Backup CronJob has never succeeded',
    severity: 'error',
    finding: true,
    message: (p: { name: string; cluster: string; runs: number }) =>
      `CronJob "${p.name}" in cluster "${p.cluster}" has no successful run${p.runs ? ` (${p.runs} recent run${p.runs === 1 ? '' : 's'}, none succeeded)` : ''}: there is no backup to restore.`,
    hint: (p: { name: string }) => `Look at its last run: \`kubectl -n ${p.name.split('/')[0]} get jobs\` and \`kubectl logs job/<name>\`.`,
    description: 'The runbook restores from a backup this CronJob makes, and it has never made one.',
    example: 'requires:\n  - { kind: CronJob, name: pg-dump, namespace: payments, cluster: primary, backup: true }',
    fix: 'Make the job succeed, then run it once by hand (`kubectl create job --from=cronjob/<name> <name>-manual`).',
  },
  BackupJobFailing: {
    title: 'Backup CronJob is failing',
    severity: 'error',
    finding: true,
    message: (p: { name: string; cluster: string; failed: number; since: string; lastSuccess: string }) =>
      `The last ${p.failed === 1 ? 'run' : `${p.failed} runs`} of CronJob "${p.name}" in cluster "${p.cluster}" failed (since ${p.since}); the newest successful run ${p.lastSuccess}.`,
    hint: (p: { name: string; job: string }) => `See why: \`kubectl -n ${p.name.split('/')[0]} logs job/${p.job}\`. A backup that fails quietly is how pg_dump went unnoticed for months.`,
    description: 'Recent runs of a backup job failed. An older backup may still be within the RPO, but it is ageing and nothing replaces it.',
    example: 'requires:\n  - { kind: CronJob, name: pg-dump, namespace: payments, cluster: primary, backup: true }',
    fix: 'Fix the job (credentials, disk, network are the usual causes) and check that a new run succeeds.',
  },
  BackupMissingNamespace: {
    title: 'Namespace not in the backup',
    severity: 'error',
    finding: true,
    message: (p: { namespace: string; where: string; backups: string }) =>
      `Namespace "${p.namespace}" (${p.where}) is not in ${p.backups}, which this runbook restores from: the restore would bring nothing of it back.`,
    hint: (p: { suggestion?: string; has: string }) =>
      `${p.suggestion ? `Did you mean "${p.suggestion}"? ` : ''}${p.has ? `The backup holds the namespaces ${p.has}. ` : 'The backup holds no namespaced objects. '}Add the namespace to the schedule's includedNamespaces, or restore it from a schedule that covers it.`,
    description: "Read from the backup's own inventory in the bucket (what Velero actually wrote), not from the schedule's spec: a namespace created after the schedule, or excluded by a label selector, is not in it.",
    example: 'run: velero restore create --from-schedule payments-hourly --include-namespaces ledger',
    fix: 'Back the namespace up, then check the next backup (`lifeboat facts`, then `lifeboat check`).',
  },
  BackupMissingCrd: {
    title: 'CRD not in the backup',
    severity: 'error',
    finding: true,
    message: (p: { crd: string; backup: string; reason: string }) => `CustomResourceDefinition "${p.crd}" is not in ${p.backup}, ${p.reason}.`,
    hint: (p: { suggestion?: string; cause?: string }) =>
      `${p.suggestion ? `Did you mean "${p.suggestion}"? ` : ''}${p.cause ? `${p.cause} ` : ''}A restore into a cluster without the CRD fails for every custom resource of it. Let the schedule back up cluster resources (leave includeClusterResources unset or true, so Velero includes the CRDs of what it backs up), or install the CRDs in the recovery cluster first and say so in the runbook.`,
    description: 'The war story: a DR test lost 90 minutes finding out that three CRDs were missing from the backup. The backup held the custom resources but not their definitions.',
    example: 'requires:\n  - { kind: Schedule, name: cluster-daily, cluster: primary }   # includeClusterResources: false',
    fix: 'Include the CRDs in the schedule (or restore them from elsewhere first), then check the next backup.',
  },
  BackupPartiallyFailed: {
    title: 'Newest backup partially failed',
    severity: 'error',
    finding: true,
    message: (p: { backup: string; errors: string; schedule: string; fallback: string }) =>
      `The newest backup of schedule "${p.schedule}", ${p.backup}, PartiallyFailed${p.errors}: some objects or volumes are not in it, and \`velero restore create --from-schedule ${p.schedule}\` skips it for ${p.fallback}.`,
    hint: (p: { backup: string }) => `See what failed: \`velero backup describe ${p.backup} --details\` and \`velero backup logs ${p.backup}\`.`,
    description: 'A backup that PartiallyFailed is missing whatever failed; Velero restores from schedules use the newest backup that Completed, which may be much older.',
    example: 'requires:\n  - { kind: Schedule, name: payments-hourly, cluster: primary }',
    fix: 'Fix the cause (often a volume snapshot or a plugin error) and check that the next backup completes.',
  },
  BackupContentsUnknown: {
    title: 'Backup contents unknown',
    severity: 'warning',
    finding: true,
    message: (p: { backup: string; why: string }) => `What backup ${p.backup} holds cannot be checked: ${p.why}. Unknown is not missing — it may hold everything.`,
    hint: (p: { fix: string }) => p.fix,
    description: "Lifeboat reads each backup's inventory from its bucket. When it is missing, the bucket refuses, or it was not read, the contents are unknown and nothing is reported missing.",
    example: 'backups:\n  buckets:\n    prod-euw1: { profile: velero-inventory-reader }',
    fix: 'Give `lifeboat facts` read access to the inventories (docs/backups.md), then collect again.',
  },
  FactsUnknown: {
    title: 'Reference cannot be checked',
    severity: 'warning',
    finding: true,
    message: (p: { what: string; why: string }) => `${p.what} cannot be checked: ${p.why}. Unknown is not missing — it may exist.`,
    hint: () => 'Collect facts for the cluster (`lifeboat facts`), or grant the collector read access to this kind (kubernetes/lifeboat-facts-rbac.yaml in the lifeboat package). `--strict` makes this an error.',
    description: 'The facts for this kind are forbidden, absent or failed, or the cluster has no snapshot. Lifeboat never treats "could not look" as "missing".',
    example: 'requires:\n  - { kind: Service, name: api, namespace: shop, cluster: dr }   # services were forbidden',
    fix: 'Collect facts with enough permissions.',
  },
  RpoBreached: {
    title: 'Recovery point objective breached',
    severity: 'error',
    finding: true,
    message: (p: { subject: string; rpo: string; age?: string; backup?: string; failed?: string }) =>
      (p.backup
        ? `The newest completed backup of ${p.subject} is ${p.backup}, ${p.age} old when the facts were collected — older than the RPO of ${p.rpo}.`
        : `No backup of ${p.subject} has completed, so the RPO of ${p.rpo} cannot be met.`) + (p.failed ? ` The newest backup, ${p.failed}, did not complete.` : ''),
    hint: (p: { schedule?: string; cronJob?: string }) =>
      p.cronJob
        ? `Check why CronJob "${p.cronJob}" has no recent successful run (\`kubectl -n ${p.cronJob.split('/')[0]} get jobs\`), and that its schedule is at least as frequent as the RPO.`
        : p.schedule ? `Check why schedule "${p.schedule}" is not producing completed backups (\`velero backup describe <name> --details\`).` : 'Schedule backups at least as often as the RPO.',
    description: 'A restore now would lose more data than the runbook promises.',
    example: 'rpo: 1h   # the last completed backup of the daily schedule is 28 h old',
    fix: 'Fix the failing schedule, or back up more often; if the RPO is wrong, agree a new one.',
  },
  DrillTooSlow: {
    title: 'Tested recovery too slow for the RTO',
    severity: 'error',
    finding: true,
    message: (p: { duration: string; date: string; rto: string }) =>
      `The newest drill (${p.date}) took ${p.duration}; with the 2× margin for a real incident that exceeds the RTO of ${p.rto}.`,
    hint: () => 'Make the procedure faster (and drill it again), or agree a realistic RTO.',
    description: 'Real recoveries take longer than drills. A runbook whose measured time times two exceeds its RTO will probably miss it.',
    example: 'rto: 1h\ndrills:\n  - { date: 2026-09-17, duration: 38m, result: pass }',
    fix: 'Drill again after making the procedure faster, or change the RTO.',
  },
  NoRecentDrill: {
    title: 'No recent drill',
    severity: 'warning',
    finding: true,
    message: (p: { days: number; last?: string }) =>
      p.last ? `The last game day or real recovery was ${p.last}, more than ${p.days} days ago.` : `This runbook has never been tested by a game day or a real recovery.`,
    hint: () => 'Run a game day in the page\'s drill mode and file its record with `lifeboat drill add` (or write it under `drills:`); a tabletop walk-through does not measure a recovery.',
    description: 'An untested runbook is a guess. Drills measure the real recovery time and find the steps that no longer work.',
    example: 'drills: []',
    fix: 'Drill it and record the result.',
  },
  StepSlowerThanEstimate: {
    title: 'Step took much longer than its estimate',
    severity: 'warning',
    finding: true,
    message: (p: { step: string; measured: string; estimate: string; factor: number; drill: string }) =>
      `Step "${p.step}" took ${p.measured} in the ${p.drill}, more than ${p.factor}× its estimate of ${p.estimate}.`,
    hint: () => 'Correct the estimate to what the step takes, or find out why it was slow (a note in the drill record may say) and make it faster.',
    description: 'Step estimates tell the on-call how long to wait before escalating and add up to the plan behind the RTO. A step measured far above its estimate makes both wrong.',
    example: 'steps:\n  - { id: restore, title: Restore, estimate: 5m }\n# drills/<runbook>/2026-11-28-game-day.yaml measured it at 25m',
    fix: 'Update the estimate, or speed up the step and drill again.',
  },
  RtoNeverPlausible: {
    title: 'Step estimates alone exceed the RTO',
    severity: 'warning',
    finding: true,
    message: (p: { which: string; total: string; margin: number; rto: string }) =>
      `The estimates of its ${p.which} add up to ${p.total}; with the ${p.margin}× margin for a real incident that exceeds the RTO of ${p.rto}, and no drill has measured it yet.`,
    hint: () => 'Agree an RTO the procedure can meet, or shorten the procedure; then drill it to measure the real time.',
    description: 'Before any drill, the step estimates are the only evidence for the RTO. If even they, doubled, do not fit, the RTO was never plausible.',
    example: 'rto: 30m\nsteps:\n  - { id: restore, title: Restore, estimate: 25m }',
    fix: 'Change the RTO or the procedure, and drill it.',
  },
  RestoreTestFailed: {
    title: 'Newest restore test failed',
    severity: 'warning',
    finding: true,
    message: (p: { restore: string; backup: string; cluster: string; outcome: string; date: string }) =>
      `The newest restore of a backup this runbook restores from, ${p.restore} of ${p.backup} in cluster "${p.cluster}" (${p.date}), ended ${p.outcome}: the restore is not proven to work.`,
    hint: (p: { restore: string }) => `See what failed: \`velero restore describe ${p.restore} --details\` and \`velero restore logs ${p.restore}\`; fix it and restore again.`,
    description: 'Velero Restores seen in the clusters are restore tests. One that partially failed, failed or completed with errors is a failed test, and nothing newer shows that restores work.',
    example: 'requires:\n  - { kind: Schedule, name: payments-hourly, cluster: primary }   # restore dr-test-1 PartiallyFailed',
    fix: 'Find why the restore failed, fix it, and restore again (a game day, or a scheduled restore test).',
  },
  FindingsNotListed: {
    title: 'More findings than are listed',
    severity: 'warning',
    finding: true,
    message: (p: { code: string; unlisted: number; listed: number }) =>
      `${p.unlisted.toLocaleString('en-US')} more ${p.code} findings in this file are not listed: only the first ${p.listed.toLocaleString('en-US')} are.`,
    hint: () => 'Fix the ones listed and run the check again; so many of one kind usually share one cause (a wrong cluster mapping, an old snapshot, a command that names every resource).',
    description: 'Lifeboat lists at most 1,000 findings of one code per file, so that a runbook or a cluster with hundreds of thousands of them cannot exhaust memory or bury the report.',
    example: 'steps:\n  - commands:\n      - run: kubectl get namespace ns-1 ns-2 … ns-120000',
    fix: 'Fix the listed findings; the rest appear as they get fewer.',
  },
  ReviewOverdue: {
    title: 'Review overdue',
    severity: 'warning',
    finding: true,
    message: (p: { lastReviewed: string; days: number }) => `The runbook was last reviewed on ${p.lastReviewed}, more than ${p.days} days ago.`,
    hint: () => 'Review it with the owning team and update `lastReviewed`.',
    description: 'Clusters, tools and people change; a runbook nobody has read for months is likely out of date.',
    example: 'lastReviewed: 2025-01-10',
    fix: 'Review and update the date.',
  },
  ParityGap: {
    title: 'Missing in the DR cluster',
    severity: 'error',
    finding: true,
    message: (p: { kind: string; name: string; primary: string; dr: string; used: string }) =>
      `${p.kind} "${p.name}" exists in "${p.primary}" but not in the DR cluster "${p.dr}"${p.used}.`,
    hint: (p: { hint: string }) => p.hint,
    description: 'Cluster-scoped resources (CRDs, StorageClasses, IngressClasses, PriorityClasses, VolumeSnapshotClasses) present in primary but missing in DR make restores fail. An error when a runbook uses it, a warning otherwise.',
    example: 'io2-csi exists in prod-euw1, not in dr-euc1',
    fix: 'Create it in the DR cluster, or remap (Velero change-storage-class) and document that in the runbook.',
  },
} as const satisfies Record<string, ErrorData<never> & { finding: true }>;
