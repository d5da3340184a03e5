import { describe, expect, it } from 'vitest';
import { loadRunbooks } from '../../load/load-runbooks.ts';
import type { BackupContentsFact, FactsSnapshot } from '../../schema/facts.ts';
import { backup, snapshot } from '../../../test/support/facts-builder.ts';
import { RUNBOOK_HEAD, testdir } from '../../../test/support/testdir.ts';
import { runChecks } from '../run-checks.ts';

const CONFIG = {
  clusters: { primary: 'prod', dr: 'dr' },
  vars: { sched: 'daily' },
  checks: { reviewMaxAge: '180d', drillMaxAge: '90d', rtoMargin: 2, stepOverrun: 2, severity: {} as Record<string, 'error' | 'warning' | 'off'> },
  parity: { primary: 'primary', dr: 'dr' },
};
const NOW = new Date('2026-11-20T08:00:00Z');
const FRESH = 'rpo: 1d\ndrills: [{ date: 2026-11-01, duration: 10m, result: pass }]\n';
const DAILY = backup('daily-20261120020000', '2026-11-20T02:00:00Z', 'Completed', { schedule: 'daily' });

type Ok = Extract<BackupContentsFact['inventory'], { status: 'ok' }>;
const contents = (name: string, inventory: Partial<Omit<Ok, 'status'>>): BackupContentsFact => ({
  namespace: 'velero', name, schedule: 'daily', source: `s3://b/backups/${name}/${name}-resource-list.json.gz`,
  inventory: { status: 'ok', namespaces: [], resources: {}, crds: [], ...inventory },
});

/** Codes and messages of the backup-contents findings for one runbook over one snapshot of `prod`. */
async function findings(yaml: string, facts: FactsSnapshot) {
  const cwd = testdir({ 'r.yaml': `${RUNBOOK_HEAD('r').replace('rpo: 15m\n', '')}${FRESH}steps: [{ id: one, title: One }]\n${yaml}` });
  const { runbooks, issues } = await loadRunbooks('.', { cwd, clusters: CONFIG.clusters, vars: CONFIG.vars });
  expect(issues).toEqual([]);
  return runChecks(runbooks, new Map([[facts.cluster, facts]]), CONFIG, { now: NOW })
    .filter((i) => i.code.startsWith('Backup'))
    .map((i) => `${i.code}: ${i.message}`);
}

describe('what the backups a runbook restores from hold', () => {
  it('follows --from-schedule written through a placeholder, and the verb-first `velero create restore`', async () => {
    const facts = snapshot('prod', { backups: [DAILY], backupContents: [contents(DAILY.name, { namespaces: ['payments'] })] });
    const yaml = (command: string) => `verify:\n  - id: v\n    title: V\n    commands:\n      - run: ${command}\n        cluster: primary\n`;
    expect(await findings(yaml('velero restore create r --from-schedule {{ sched }} --include-namespaces ledger'), facts)).toEqual([
      expect.stringMatching(/^BackupMissingNamespace: Namespace "ledger" \(restored with `--include-namespaces`\) is not in backup daily-20261120020000 \(the newest completed backup of schedule "daily" in "prod"\)/),
    ]);
    expect(await findings(yaml('velero create restore r --from-backup daily-20261120020000 --include-namespaces payments,ledger'), facts)).toEqual([
      expect.stringMatching(/^BackupMissingNamespace: Namespace "ledger" .* is not in backup daily-20261120020000 \(in "prod"\)/),
    ]);
  });

  it('treats CSI snapshots as custom resources, never built-in kinds, and never asks for Velero\'s own CRDs', async () => {
    const facts = snapshot('prod', {
      backups: [DAILY],
      backupContents: [contents(DAILY.name, { resources: { 'snapshot.storage.k8s.io/v1/VolumeSnapshot': 2, 'apps/v1/Deployment': 3, 'networking.k8s.io/v1/Ingress': 1, 'v1/Secret': 4 } })],
    });
    expect(await findings('requires:\n  - { kind: Schedule, name: daily, cluster: primary }\n  - { kind: CustomResourceDefinition, name: restores.velero.io, cluster: dr }\n', facts)).toEqual([
      expect.stringMatching(/^BackupMissingCrd: CustomResourceDefinition "volumesnapshots\.snapshot\.storage\.k8s\.io" is not in backup daily-\d+ .*, though it holds 2 custom resources of it/),
    ]);
  });

  it('says contents are unknown when the snapshot predates inventories, and reports nothing missing then', async () => {
    const old = snapshot('prod', { backups: [DAILY] });
    delete old.kinds.backupContents;
    expect(await findings('requires:\n  - { kind: Schedule, name: daily, cluster: primary }\n  - { kind: Namespace, name: nowhere, cluster: primary }\n', old)).toEqual([
      expect.stringMatching(/^BackupContentsUnknown: What backup daily-20261120020000 holds cannot be checked: backupContents are not in the snapshot of "prod": it was collected by an older Lifeboat/),
    ]);
  });

  it('says a backup nobody inventoried yet is unknown, with the command that reads it', async () => {
    const facts = snapshot('prod', { backups: [DAILY], backupContents: [] });
    expect(await findings('requires:\n  - { kind: Schedule, name: daily, cluster: primary }\n', facts)).toEqual([
      expect.stringMatching(/^BackupContentsUnknown: .*its inventory was not read when the facts of "prod" were collected .*run `lifeboat facts` again/),
    ]);
  });

  it('checks nothing when the schedule has no completed backup (the RPO rule says so), and nothing for runbooks that restore nothing', async () => {
    const failed = backup('daily-20261120020000', '2026-11-20T02:00:00Z', 'Failed', { schedule: 'daily' });
    expect(await findings('requires:\n  - { kind: Schedule, name: daily, cluster: primary }\n', snapshot('prod', { backups: [failed] }))).toEqual([]);
    expect(await findings('requires:\n  - { kind: Namespace, name: nowhere, cluster: primary }\n', snapshot('prod', { namespaces: [{ name: 'nowhere' }] }))).toEqual([]);
  });
});
