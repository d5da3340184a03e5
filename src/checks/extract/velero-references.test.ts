import { describe, expect, it } from 'vitest';
import { extractReferences } from './extract-references.ts';
import { summariseReferences as refs } from './summarise-references.ts';

describe('velero references', () => {
  it('finds the backup a restore starts from, in both flag forms', () => {
    expect(refs('velero restore create r1 --from-backup payments-hourly-20261122070012')).toEqual([
      'VeleroBackup payments-hourly-20261122070012 via --from-backup (velero restore create)',
    ]);
    expect(refs('velero create restore --from-backup=daily-1 --wait')).toEqual(['VeleroBackup daily-1 via --from-backup (velero create restore)']);
  });

  it('finds the schedule a restore or a backup starts from', () => {
    expect(refs('velero restore create --from-schedule payments-hourly')).toEqual(['VeleroSchedule payments-hourly via --from-schedule (velero restore create)']);
    expect(refs('velero backup create adhoc-1 --from-schedule=payments-hourly')).toEqual([
      'VeleroSchedule payments-hourly via --from-schedule (velero backup create)',
    ]);
  });

  it('finds one namespace per included namespace and skips the * wildcard', () => {
    expect(refs('velero restore create --from-backup b --include-namespaces payments,ledger,*')).toEqual([
      'VeleroBackup b via --from-backup (velero restore create)',
      'Namespace payments via --include-namespaces (velero restore create)',
      'Namespace ledger via --include-namespaces (velero restore create)',
    ]);
    expect(refs(`velero backup create x --include-namespaces="payments","ledger" --exclude-namespaces kube-system`)).toEqual([
      'Namespace payments via --include-namespaces (velero backup create)',
      'Namespace ledger via --include-namespaces (velero backup create)',
    ]);
  });

  it('finds the source namespace of each mapping, not the target the restore creates', () => {
    expect(refs('velero restore create --from-backup b --namespace-mappings payments:payments-copy,ledger:ledger-copy')).toEqual([
      'VeleroBackup b via --from-backup (velero restore create)',
      'Namespace payments via --namespace-mappings (velero restore create)',
      'Namespace ledger via --namespace-mappings (velero restore create)',
    ]);
    expect(refs('velero restore create --namespace-mappings=$SRC:copy,nocolon,a:b')).toEqual(['Namespace a via --namespace-mappings (velero restore create)']);
  });

  it('finds schedule names after schedule get, describe, pause, unpause and delete, and the verb-first forms', () => {
    expect(refs('velero schedule describe payments-hourly cluster-daily')).toEqual([
      'VeleroSchedule payments-hourly via velero schedule (velero schedule describe)',
      'VeleroSchedule cluster-daily via velero schedule (velero schedule describe)',
    ]);
    for (const verb of ['get', 'pause', 'unpause', 'delete']) {
      expect(refs(`velero schedule ${verb} payments-hourly --confirm`)).toEqual([`VeleroSchedule payments-hourly via velero schedule (velero schedule ${verb})`]);
    }
    expect(refs('velero describe schedules payments-hourly')).toEqual(['VeleroSchedule payments-hourly via velero schedule (velero describe schedules)']);
  });

  it('does not take the name of a schedule or backup being created for a reference', () => {
    expect(refs(`velero schedule create payments-hourly --schedule "0 * * * *" --include-namespaces payments`)).toEqual([
      'Namespace payments via --include-namespaces (velero schedule create)',
    ]);
    expect(refs('velero backup create adhoc-1 --wait')).toEqual([]);
  });

  it('finds backup names after backup describe, logs and the like', () => {
    expect(refs('velero backup describe payments-hourly-1 --details')).toEqual(['VeleroBackup payments-hourly-1 via velero backup (velero backup describe)']);
    expect(refs('velero backup logs b-1 | grep error')).toEqual(['VeleroBackup b-1 via velero backup (velero backup logs)']);
  });

  it("reports -n as Velero's own namespace, and never takes --kubecontext for a reference", () => {
    expect(refs('velero --kubecontext dr -n velero-system backup get')).toEqual(['Namespace velero-system via -n (velero backup get)']);
    expect(extractReferences('velero backup get --namespace=velero')[0]).toMatchObject({ kind: 'Namespace', via: '--namespace', command: { tool: 'velero' } });
  });
});
