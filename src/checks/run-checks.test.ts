import { describe, expect, it } from 'vitest';
import { formatLocation } from '../errors/issue.ts';
import { loadRunbooks } from '../load/load-runbooks.ts';
import type { FactsSnapshot } from '../schema/facts.ts';
import { backup, forbidden, snapshot, storageClass } from '../../test/support/facts-builder.ts';
import { RUNBOOK_HEAD, testdir } from '../../test/support/testdir.ts';
import { runChecks } from './run-checks.ts';

const CONFIG = {
  clusters: { primary: 'prod', dr: 'dr' },
  vars: {},
  // These runbooks' backups have no inventories; what backups hold is tested in backups-hold-what-restores-need.test.ts.
  checks: { reviewMaxAge: '180d', drillMaxAge: '90d', rtoMargin: 2, stepOverrun: 2, severity: { BackupContentsUnknown: 'off' } as Record<string, 'error' | 'warning' | 'off'> },
  parity: { primary: 'primary', dr: 'dr' },
};
const NOW = new Date('2026-11-22T08:00:00Z');
const RECENT = `lastReviewed: 2026-11-01\ndrills: [{ date: 2026-11-01, duration: 10m, result: pass }]\n`;

/** Runs the checks over one inline runbook; returns `line code: message | hint`. */
async function findings(yaml: string, facts: FactsSnapshot[], options: { strict?: boolean; config?: Partial<typeof CONFIG> } = {}) {
  // Keys the test sets replace the head's defaults.
  const head = RUNBOOK_HEAD('r').split('\n').filter((line) => !new RegExp(`^${line.split(':')[0]}:`, 'm').test(yaml) || !line.includes(':')).join('\n');
  const cwd = testdir({ 'r.yaml': `${head}steps: [{ id: one, title: One }]\n${yaml}` });
  const { runbooks } = await loadRunbooks('.', { cwd, clusters: CONFIG.clusters });
  const map = new Map(facts.map((f) => [f.cluster, f]));
  return runChecks(runbooks, map, { ...CONFIG, ...options.config }, { now: NOW, ...(options.strict ? { strict: true } : {}) }).map(
    (i) => `${formatLocation(i)} ${i.severity} ${i.code}: ${i.message}${i.hint ? ` | ${i.hint}` : ''}`,
  );
}

describe('requirements against facts', () => {
  const requires = (entry: string) => `${RECENT}requires:\n  - ${entry}\n`;

  it('passes when the resource exists', async () => {
    expect(await findings(requires('{ kind: StorageClass, name: gp3, cluster: dr }'), [snapshot('dr', { storageClasses: [storageClass('gp3')] })])).toEqual([]);
  });

  it('reports a missing resource with what the cluster has and a did-you-mean', async () => {
    expect(await findings(requires('{ kind: StorageClass, name: gp3, cluster: dr }'), [snapshot('dr', { storageClasses: [storageClass('gp3-csi'), storageClass('standard')] })])).toEqual([
      'r.yaml:13:33 error StorageClassNotFound: StorageClass "gp3" (cluster-scoped) does not exist in cluster "dr" (role dr) according to its facts. | Did you mean "gp3-csi"? It has: "gp3-csi", "standard".',
    ]);
  });

  it('treats a forbidden kind as unknown, never as missing; --strict makes it an error', async () => {
    const facts = [snapshot('dr', { services: forbidden('services') })];
    const entry = requires('{ kind: Service, name: api, namespace: shop, cluster: dr }');
    expect(await findings(entry, facts)).toEqual([
      'r.yaml:13:28 warning FactsUnknown: Service shop/api in cluster "dr" cannot be checked: services in "dr" are forbidden (HTTP 403: services is forbidden). Unknown is not missing — it may exist. | Collect facts for the cluster (`lifeboat facts`), or grant the collector read access to this kind (kubernetes/lifeboat-facts-rbac.yaml in the lifeboat package). `--strict` makes this an error.',
    ]);
    expect((await findings(entry, facts, { strict: true }))[0]).toMatch(/^r\.yaml:13:28 error FactsUnknown/);
  });

  it('treats a cluster without a snapshot as unknown', async () => {
    expect(await findings(requires('{ kind: Namespace, name: shop, cluster: dr }'), [])).toEqual([
      expect.stringMatching(/^r\.yaml:13:\d+ warning FactsUnknown: Namespace shop in cluster "dr" cannot be checked: no facts were collected for cluster "dr"/),
    ]);
  });

  it('counts ready endpoints, and says so when EndpointSlices were unreadable', async () => {
    const service = (endpoints: { ready: number; notReady: number } | null) => ({ namespace: 'shop', name: 'api', type: 'ClusterIP', ports: [], endpoints });
    const entry = requires('{ kind: Service, name: api, namespace: shop, cluster: dr, minReadyEndpoints: 2 }');
    expect(await findings(entry, [snapshot('dr', { services: [service({ ready: 1, notReady: 2 })] })])).toEqual([
      expect.stringContaining('error NotEnoughReadyEndpoints: Service "shop/api" in cluster "dr" has 1 ready endpoint; the runbook needs at least 2.'),
    ]);
    expect(await findings(entry, [snapshot('dr', { services: [service(null)] })])).toEqual([expect.stringContaining('warning FactsUnknown: ready endpoints of Service shop/api')]);
  });

  it('requires a Velero location to be Available', async () => {
    const bsl = { namespace: 'velero', name: 'default', provider: 'aws', accessMode: 'ReadOnly', default: false, phase: 'Unavailable', lastValidationTime: '2026-11-20T05:00:00Z' };
    expect(await findings(requires('{ kind: BackupStorageLocation, name: default, cluster: dr }'), [snapshot('dr', { backupStorageLocations: [bsl] })])).toEqual([
      expect.stringContaining('error BackupStorageLocationUnavailable: Velero BackupStorageLocation "default" in cluster "dr" is Unavailable (last validated 2026-11-20T05:00:00Z)'),
    ]);
  });
});

describe('RPO', () => {
  const schedule = (name: string) => ({ namespace: 'velero', name, schedule: '0 * * * *', paused: false, includedNamespaces: ['shop'], excludedNamespaces: [] });
  const yaml = `${RECENT}rpo: 1h\nrequires:\n  - { kind: Schedule, name: hourly, cluster: primary }\n`;
  const facts = (backups: ReturnType<typeof backup>[]) => [snapshot('prod', { schedules: [schedule('hourly')], backups })];

  it('passes when the newest completed backup is younger than the RPO at facts time', async () => {
    expect(await findings(yaml, facts([backup('hourly-1', '2026-11-20T05:30:00Z', 'Completed', { schedule: 'hourly' })]))).toEqual([]);
  });

  it('reports a breach, naming the newer backup that failed', async () => {
    const result = await findings(yaml, facts([
      backup('hourly-old', '2026-11-20T02:00:00Z', 'Completed', { schedule: 'hourly' }),
      backup('hourly-new', '2026-11-20T05:00:00Z', 'PartiallyFailed', { schedule: 'hourly' }),
    ]));
    expect(result).toEqual([
      'r.yaml:13:29 error RpoBreached: The newest completed backup of schedule "hourly" is hourly-old, 4h old when the facts were collected — older than the RPO of 1h. The newest backup, hourly-new (PartiallyFailed), did not complete. | Check why schedule "hourly" is not producing completed backups (`velero backup describe <name> --details`).',
      'r.yaml:13:29 error BackupPartiallyFailed: The newest backup of schedule "hourly", hourly-new, PartiallyFailed: some objects or volumes are not in it, and `velero restore create --from-schedule hourly` skips it for the older hourly-old. | See what failed: `velero backup describe hourly-new --details` and `velero backup logs hourly-new`.',
    ]);
  });

  it('reports a schedule none of whose backups completed, and unknown backups as unknown', async () => {
    expect(await findings(yaml, facts([backup('hourly-1', '2026-11-20T05:00:00Z', 'Failed', { schedule: 'hourly' })]))).toEqual([
      expect.stringContaining('error RpoBreached: No backup of schedule "hourly" has completed, so the RPO of 1h cannot be met. The newest backup, hourly-1 (Failed), did not complete.'),
    ]);
    expect(await findings(yaml, [snapshot('prod', { schedules: [schedule('hourly')], backups: forbidden('backups') }), snapshot('dr')])).toEqual([
      expect.stringContaining('warning FactsUnknown: The RPO for the backups of schedule "hourly" cannot be checked'),
    ]);
  });
});

describe('RTO, drills and reviews', () => {
  it('needs the newest real drill, doubled, to fit the RTO; tabletops do not count', async () => {
    const drills = 'lastReviewed: 2026-11-01\nrto: 1h\ndrills:\n  - { date: 2026-11-10, duration: 45m, result: pass }\n  - { date: 2026-11-20, duration: 5m, result: pass, kind: tabletop }\n';
    expect(await findings(drills, [])).toEqual([
      'r.yaml:12:35 error DrillTooSlow: The newest drill (2026-11-10) took 45m; with the 2× margin for a real incident that exceeds the RTO of 1h. | Make the procedure faster (and drill it again), or agree a realistic RTO.',
    ]);
  });

  it('warns when no game day happened within 90 days, or ever', async () => {
    expect(await findings('lastReviewed: 2026-11-01\ndrills: [{ date: 2026-07-01, duration: 5m, result: pass }]\n', [])).toEqual([
      expect.stringContaining('warning NoRecentDrill: The last game day or real recovery was 2026-07-01, more than 90 days ago.'),
    ]);
    expect(await findings('lastReviewed: 2026-11-01\n', [])).toEqual([expect.stringContaining('warning NoRecentDrill: This runbook has never been tested')]);
  });

  it('warns when the review is older than the configured age', async () => {
    expect(await findings('lastReviewed: 2026-01-05\ndrills: [{ date: 2026-11-01, duration: 5m, result: pass }]\n', [])).toEqual([
      'r.yaml:10:15 warning ReviewOverdue: The runbook was last reviewed on 2026-01-05, more than 180 days ago. | Review it with the owning team and update `lastReviewed`.',
    ]);
  });

  it('lets the configuration change a finding’s severity or switch it off', async () => {
    const yaml = 'lastReviewed: 2026-01-05\n';
    const severity = { ReviewOverdue: 'error', NoRecentDrill: 'off' } as const;
    expect(await findings(yaml, [], { config: { checks: { ...CONFIG.checks, severity } } })).toEqual([expect.stringMatching(/error ReviewOverdue/)]);
  });
});

describe('parity', () => {
  const facts = [
    snapshot('prod', { storageClasses: [storageClass('gp3'), storageClass('io2')], ingressClasses: forbidden('ingressclasses') }),
    snapshot('dr', { storageClasses: [storageClass('gp3')], ingressClasses: [{ name: 'nginx', controller: 'k8s.io/ingress-nginx', default: true }] }),
  ];

  it('is an error where a runbook relies in primary on what DR lacks', async () => {
    expect(await findings(`${RECENT}requires:\n  - { kind: StorageClass, name: io2, cluster: primary }\n`, facts)).toEqual([
      'r.yaml:13:33 error ParityGap: StorageClass "io2" exists in "prod" but not in the DR cluster "dr", and this runbook relies on it. | Create it in "dr" before it is needed, or say in this runbook how DR works without it.',
    ]);
  });

  it('is a warning on the DR facts when no runbook uses it, and unreadable kinds are never compared', async () => {
    expect(await findings(RECENT, facts)).toEqual([
      'facts/dr.json warning ParityGap: StorageClass "io2" exists in "prod" but not in the DR cluster "dr". | Create it in "dr", or confirm the DR cluster does not need it.',
    ]);
  });
});

describe('references in commands', () => {
  const facts = [
    snapshot('dr', {
      namespaces: [{ name: 'velero' }, { name: 'shop' }],
      storageClasses: [storageClass('gp3-csi', true)],
      backups: [backup('daily-1', '2026-11-20T05:30:00Z', 'Completed', { schedule: 'daily', includedNamespaces: ['shop', 'ledger'] })],
    }),
  ];
  const step = (run: string, extra = '') => `${RECENT}rpo: 1h\nvars: { ns: shopp }\nprechecks:\n  - id: pre\n    title: Pre\n    commands:\n      - cluster: dr${extra}\n        run: |\n${run.split('\n').map((l) => `          ${l}`).join('\n')}\n`;

  it('checks a namespace that came from a placeholder, pointing at the placeholder', async () => {
    expect(await findings(step('kubectl get pods \\\n  -n {{ ns }}'), facts)).toEqual([
      'r.yaml:20:16 error NamespaceNotFound: Namespace "shopp" (named by `-n` in kubectl get) does not exist in cluster "dr" (role dr) according to its facts. | Did you mean "shop"? It has: "velero", "shop".',
    ]);
  });

  it('checks StorageClasses in heredoc manifests at the column where the name is written', async () => {
    const manifest = "kubectl apply -f - <<'EOF'\napiVersion: v1\nkind: PersistentVolumeClaim\nspec:\n  storageClassName: io2-csi\nEOF";
    expect(await findings(step(manifest), facts)).toEqual([
      expect.stringMatching(/^r\.yaml:23:31 error StorageClassNotFound: StorageClass "io2-csi" \(named by `storageClassName` in kubectl apply\)/),
    ]);
  });

  it('checks restored namespaces against what the backups cover, and never flags shell variables', async () => {
    const restore = 'velero restore create --from-backup "$BACKUP" --include-namespaces shop,payments';
    expect(await findings(step(restore), facts)).toEqual([
      expect.stringMatching(/^r\.yaml:19:83 error NamespaceNotBackedUp: No completed Velero backup in "dr" includes namespace "payments"/),
    ]);
  });

  it('counts namespaces a restore earlier in the runbook brings back as present', async () => {
    const run = 'velero restore create --from-backup "$BACKUP" --include-namespaces ledger\nkubectl -n ledger get pods';
    expect(await findings(step(run), facts)).toEqual([]);
  });

  it('skips commands whose cluster is not known', async () => {
    expect(await findings(step('kubectl -n nowhere get pods').replace('      - cluster: dr\n', '      - description: no cluster\n'), facts)).toEqual([]);
  });
});

describe('backups made by CronJobs', () => {
  // Facts collected 2026-11-20T06:00Z; the runbook's RPO is 1h.
  const run = (hoursAgo: number, result: 'succeeded' | 'failed' | 'running', n = hoursAgo) => {
    const start = new Date(Date.parse('2026-11-20T06:00:00Z') - hoursAgo * 3_600_000).toISOString().replace('.000', '');
    const end = new Date(Date.parse(start) + 240_000).toISOString().replace('.000', '');
    return { name: `pg-dump-${n}`, start, ...(result === 'succeeded' ? { completion: end } : {}), result };
  };
  const cronJob = (jobs: ReturnType<typeof run>[] | null, extra: { suspend?: boolean; lastSuccessfulTime?: string } = {}) =>
    snapshot('prod', { cronJobs: [{ namespace: 'payments', name: 'pg-dump', schedule: '*/30 * * * *', suspend: extra.suspend ?? false, jobs, ...(extra.lastSuccessfulTime ? { lastSuccessfulTime: extra.lastSuccessfulTime } : {}) }] });
  const requires = (extra = ', backup: true') => `rpo: 1h\n${RECENT}requires:\n  - { kind: CronJob, name: pg-dump, namespace: payments, cluster: primary${extra} }\n`;

  it('passes a backup job whose newest run succeeded within the RPO', async () => {
    expect(await findings(requires(), [cronJob([run(0.2, 'running'), run(0.6, 'succeeded'), run(1.1, 'succeeded')])])).toEqual([]);
  });

  it('names the failing runs and since when, even while an older success is still inside the RPO', async () => {
    expect(await findings(requires(), [cronJob([run(0.1, 'failed'), run(0.4, 'failed'), run(0.8, 'succeeded')])])).toEqual([
      'r.yaml:13:28 error BackupJobFailing: The last 2 runs of CronJob "payments/pg-dump" in cluster "prod" failed (since 2026-11-20T05:36:00Z); the newest successful run finished 44m before the facts were collected. | See why: `kubectl -n payments logs job/pg-dump-0.1`. A backup that fails quietly is how pg_dump went unnoticed for months.',
    ]);
  });

  it('reports a newest success older than the RPO, with the job that made it', async () => {
    expect(await findings(requires(), [cronJob([run(3, 'succeeded'), run(4, 'succeeded')])])).toEqual([
      'r.yaml:13:28 error RpoBreached: The newest completed backup of CronJob "payments/pg-dump" is job pg-dump-3, 2h56m old when the facts were collected — older than the RPO of 1h. | Check why CronJob "payments/pg-dump" has no recent successful run (`kubectl -n payments get jobs`), and that its schedule is at least as frequent as the RPO.',
    ]);
  });

  it('reports a job that never succeeded, and a suspended one', async () => {
    expect(await findings(requires(), [cronJob([run(0.5, 'failed'), run(1, 'failed')], { suspend: true })])).toEqual([
      expect.stringMatching(/^r\.yaml:13:28 error BackupJobSuspended: CronJob "payments\/pg-dump" in cluster "prod" is suspended: it makes no new runs\./),
      'r.yaml:13:28 error BackupJobNeverSucceeded: CronJob "payments/pg-dump" in cluster "prod" has no successful run (2 recent runs, none succeeded): there is no backup to restore. | Look at its last run: `kubectl -n payments get jobs` and `kubectl logs job/<name>`.',
    ]);
  });

  it('trusts lastSuccessfulTime when Jobs were unreadable, and says the runs are unknown', async () => {
    const found = await findings(requires(), [cronJob(null, { lastSuccessfulTime: '2026-11-20T05:40:00Z' })]);
    expect(found).toEqual([expect.stringMatching(/^r\.yaml:13:28 warning FactsUnknown: The recent runs of CronJob "payments\/pg-dump" cannot be checked: Jobs in "prod" could not be read\./)]);
  });

  it('checks only existence and suspension for a CronJob that is not a backup, and refuses `backup` on other kinds', async () => {
    expect(await findings(requires(''), [cronJob([run(0.1, 'failed')])])).toEqual([]);
    expect(await findings(requires(''), [snapshot('prod', { cronJobs: [] })])).toEqual([
      expect.stringMatching(/^r\.yaml:13:28 error CronJobNotFound: CronJob "pg-dump" \(namespace payments\) does not exist in cluster "prod"/),
    ]);
    const cwd = testdir({ 'r.yaml': `${RUNBOOK_HEAD('r')}steps: [{ id: one, title: One }]\nrequires:\n  - { kind: Schedule, name: daily, cluster: primary, backup: true }\n` });
    const { issues } = await loadRunbooks('.', { cwd, clusters: CONFIG.clusters });
    expect(issues.map((i) => `${i.code}: ${i.message}`)).toEqual([expect.stringMatching(/^InvalidValue: .*backup.* is set on a Schedule; only a CronJob's runs are checked as backups/)]);
  });
});

describe('restores seen in the clusters', () => {
  // NOW is 2026-11-22; drills older than 90 days are stale. The runbook restores from schedule "hourly".
  const yaml = (drills: string) => `rpo: 1d\nlastReviewed: 2026-11-01\ndrills: ${drills}\nrequires:\n  - { kind: Schedule, name: hourly, cluster: primary }\n`;
  const facts = (restores: ReturnType<typeof restore>[]) => [
    snapshot('prod', {
      schedules: [{ namespace: 'velero', name: 'hourly', schedule: '0 * * * *', paused: false, includedNamespaces: ['*'], excludedNamespaces: [] }],
      backups: [backup('hourly-20261120050000', '2026-11-20T05:00:00Z', 'Completed', { schedule: 'hourly' })],
    }),
    snapshot('dr', { restores }),
  ];
  const restore = (name: string, backupName: string, phase: string, completed: string, extra: { errors?: number; warnings?: number; schedule?: string; minutes?: number } = {}) => {
    const { minutes = 0, ...rest } = extra;
    return { namespace: 'velero', name, backup: backupName, phase, startTimestamp: new Date(Date.parse(completed) - minutes * 60_000).toISOString().replace('.000', ''), completionTimestamp: completed, ...rest };
  };

  it('counts a completed restore of the schedule in any of the runbook’s clusters as a recent test', async () => {
    const old = yaml('[{ date: 2026-07-01, duration: 10m, result: pass, kind: game-day }]');
    expect((await findings(old, facts([]))).filter((f) => f.includes('NoRecentDrill'))).toHaveLength(1);
    expect(await findings(old, facts([restore('dr-test-1', 'hourly-20261110050000', 'Completed', '2026-11-10T06:00:00Z')]))).toEqual([]);
    // Made with --from-schedule: scheduleName says which schedule.
    expect(await findings(yaml('[]'), facts([restore('dr-test-2', 'other-name', 'Completed', '2026-11-12T06:00:00Z', { schedule: 'hourly' })]))).toEqual([]);
  });

  it('does not count a restore that failed or completed with errors, nor one of another schedule', async () => {
    const old = yaml('[{ date: 2026-07-01, duration: 10m, result: pass, kind: game-day }]');
    for (const r of [
      restore('a', 'hourly-20261110050000', 'PartiallyFailed', '2026-11-10T06:00:00Z', { errors: 3 }),
      restore('b', 'hourly-20261110050000', 'Completed', '2026-11-10T06:00:00Z', { errors: 1 }),
      restore('c', 'daily-20261110050000', 'Completed', '2026-11-10T06:00:00Z'),
    ]) expect((await findings(old, facts([r]))).filter((f) => f.includes('NoRecentDrill')), JSON.stringify(r)).toHaveLength(1);
  });

  it('reports a newest restore that failed as a failed test, until a later one succeeds', async () => {
    const recent = yaml('[{ date: 2026-11-01, duration: 10m, result: pass, kind: game-day }]');
    const failed = restore('dr-test-3', 'hourly-20261110050000', 'PartiallyFailed', '2026-11-10T06:00:00Z', { errors: 1, warnings: 4 });
    expect(await findings(recent, facts([failed]))).toEqual([
      'r.yaml:13:29 warning RestoreTestFailed: The newest restore of a backup this runbook restores from, dr-test-3 of hourly-20261110050000 in cluster "dr" (2026-11-10), ended PartiallyFailed with 1 error and 4 warnings: the restore is not proven to work. | See what failed: `velero restore describe dr-test-3 --details` and `velero restore logs dr-test-3`; fix it and restore again.',
    ]);
    expect(await findings(recent, facts([failed, restore('dr-test-4', 'hourly-20261111050000', 'Completed', '2026-11-11T06:00:00Z')]))).toEqual([]);
  });

  it('follows the backups a restore command names, not only required schedules', async () => {
    const named = `rpo: 1d\nlastReviewed: 2026-11-01\ndrills: [{ date: 2026-07-01, duration: 10m, result: pass, kind: game-day }]\n` +
      'verify:\n  - id: v\n    title: V\n    commands:\n      - run: velero restore create t --from-backup weekly-20261101000000\n        cluster: dr\n';
    const withRestore = [snapshot('dr', { restores: [restore('t', 'weekly-20261101000000', 'Completed', '2026-11-12T06:00:00Z')] })];
    expect((await findings(named, withRestore)).filter((f) => f.includes('NoRecentDrill'))).toEqual([]);
    expect((await findings(named, [snapshot('dr', { restores: [] })])).filter((f) => f.includes('NoRecentDrill'))).toHaveLength(1);
  });

  it('measures the RTO with an observed restore only where the runbook says the restore is the procedure', async () => {
    const own = (rto: string) => `rto: ${rto}\nrtoFromRestores: true\n${yaml('[{ date: 2026-10-01, duration: 10m, result: pass, kind: game-day }]')}`;
    const observed = facts([restore('dr-test-5', 'hourly-20261110050000', 'Completed', '2026-11-10T06:38:00Z', { minutes: 38 })]);
    expect(await findings(own('1h'), observed)).toEqual([
      expect.stringMatching(/ error DrillTooSlow: The newest drill \(2026-11-10, Velero restore dr-test-5 observed in "dr"\) took 38m; with the 2× margin/),
    ]);
    expect(await findings(own('2h'), observed)).toEqual([]);
  });

  it('never stands in for the procedure’s measured duration', async () => {
    const slow = yaml('[{ date: 2026-11-01, duration: 50m, result: pass, kind: game-day }]');
    const found = await findings(slow, facts([restore('dr-test-1', 'hourly-20261110050000', 'Completed', '2026-11-21T06:00:00Z')]));
    expect(found).toEqual([expect.stringMatching(/ error DrillTooSlow: The newest drill \(2026-11-01\) took 50m/)]);
  });
});
