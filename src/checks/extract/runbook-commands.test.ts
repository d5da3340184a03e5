import { describe, expect, it } from 'vitest';
import { loadRunbooks } from '../../load/load-runbooks.ts';
import { allSteps } from '../../load/runbook-model.ts';
import { extractReferences } from './extract-references.ts';
import { summariseReferences as refs } from './summarise-references.ts';

/** A multi-line command as a runbook holds it, one argument per line. */
const lines = (...text: string[]) => text.join('\n');

describe('commands copied from the example runbooks', () => {
  it('payments/velero-restore-namespace: the restore names nothing static, and a filled copy names its backup and namespace', () => {
    const restore = lines(
      'velero --kubecontext {{ cluster.primary }} restore create "restore-$BACKUP" \\',
      '  --from-backup "$BACKUP" \\',
      '  --include-namespaces {{ ns }} \\',
      '  --restore-volumes=true',
    );
    expect(refs(restore)).toEqual([]);
    expect(refs(restore.replace('"$BACKUP" \\', '"payments-hourly-20261122070012" \\').replace('{{ ns }}', 'payments'))).toEqual([
      'VeleroBackup payments-hourly-20261122070012 via --from-backup (velero restore create)',
      'Namespace payments via --include-namespaces (velero restore create)',
    ]);
  });

  it('payments/velero-restore-namespace: the read-only patch names the velero namespace, not its JSON patch', () => {
    const patch = lines(
      'kubectl --context {{ cluster.primary }} -n velero patch backupstoragelocation default \\',
      '  --type merge \\',
      `  --patch '{"spec":{"accessMode":"ReadOnly"}}'`,
    );
    expect(refs(patch)).toEqual(['Namespace velero via -n (kubectl patch)']);
  });

  it('payments/velero-restore-namespace: the prechecks name nothing static', () => {
    expect(refs('kubectl --context {{ cluster.primary }} get namespace {{ ns }}')).toEqual([]);
    expect(refs('velero --kubecontext {{ cluster.primary }} backup-location get')).toEqual([]);
    const describeBackup = lines(
      'BACKUP={{ facts.primary.lastBackup.payments-hourly }}',
      `velero --kubecontext {{ cluster.primary }} backup describe "$BACKUP" --details | grep -A3 -E 'Phase|Namespaces:'`,
    );
    expect(refs(describeBackup)).toEqual([]);
  });

  it('platform/pvc-pending-storageclass-missing: describe pvc names ledger and not the -n of sed', () => {
    expect(refs(`kubectl --context {{ cluster.dr }} -n ledger describe pvc ledger-db-dr-2 | sed -n '/^Events:/,$p'`)).toEqual([
      'Namespace ledger via -n (kubectl describe)',
    ]);
    expect(refs('kubectl --context {{ cluster.dr }} -n ledger get pvc,pods')).toEqual(['Namespace ledger via -n (kubectl get)']);
  });

  it('platform/pvc-pending-storageclass-missing: the io2 StorageClass heredoc creates the class and refers to nothing', () => {
    const create = lines(
      `kubectl --context {{ cluster.dr }} apply -f - <<'EOF'`,
      'apiVersion: storage.k8s.io/v1',
      'kind: StorageClass',
      'metadata:',
      '  name: io2-csi',
      'provisioner: ebs.csi.aws.com',
      'parameters:',
      '  type: io2',
      '  iopsPerGB: "50"',
      '  encrypted: "true"',
      'volumeBindingMode: WaitForFirstConsumer',
      'allowVolumeExpansion: true',
      'reclaimPolicy: Retain',
      'EOF',
      '',
    );
    expect(refs(create)).toEqual([]);
    // With only the kind changed, the class is named: what is skipped is the class being created.
    expect(refs(create.replace('kind: StorageClass', 'kind: PersistentVolumeClaim').replace('  type: io2', '  type: io2\nstorageClassName: io2-csi'))).toEqual([
      'StorageClass io2-csi via storageClassName (kubectl apply)',
    ]);
  });

  it('platform/pvc-pending-storageclass-missing: the plugin ConfigMap heredoc names its namespace, not its data', () => {
    const configMap = lines(
      `kubectl --context {{ cluster.dr }} apply -f - <<'EOF'`,
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: change-storage-class-config',
      '  namespace: velero',
      '  labels:',
      '    velero.io/plugin-config: ""',
      '    velero.io/change-storage-class: RestoreItemAction',
      'data:',
      '  io2-csi: gp3-csi',
      'EOF',
      '',
    );
    expect(refs(configMap)).toEqual(['Namespace velero via metadata.namespace (kubectl apply)']);
  });

  it('platform/pvc-pending-storageclass-missing: delete and remap-restore name ledger twice, for different reasons', () => {
    const remap = lines(
      'kubectl --context {{ cluster.dr }} -n ledger delete pvc ledger-db-dr-2 ledger-db-dr-3',
      'velero --kubecontext {{ cluster.dr }} restore create ledger-remap-$(date +%H%M) \\',
      '  --from-backup "$BACKUP" --include-namespaces ledger --existing-resource-policy=none --wait',
      '',
    );
    expect(refs(remap)).toEqual(['Namespace ledger via -n (kubectl delete)', 'Namespace ledger via --include-namespaces (velero restore create)']);
  });

  it('platform/pvc-pending-storageclass-missing: the class comparison through <(…) names nothing', () => {
    const diff = lines(
      'diff <(kubectl --context {{ cluster.primary }} get storageclass -o name | sort) \\',
      '     <(kubectl --context {{ cluster.dr }} get storageclass -o name | sort)',
    );
    expect(refs(diff)).toEqual([]);
  });

  it('platform/dr-full-cluster-restore: the payments delta restore names payments for the delete and the restore', () => {
    const delta = lines(
      'HOURLY=payments-hourly-20261122070012',
      'kubectl delete namespace payments --wait=true',
      'velero restore create "payments-$HOURLY" --from-backup "$HOURLY" --include-namespaces payments --wait',
    );
    expect(refs(delta)).toEqual(['Namespace payments via delete namespace (kubectl delete)', 'Namespace payments via --include-namespaces (velero restore create)']);
  });

  it('platform/dr-full-cluster-restore: the CRD restore waits on all CRDs and names none', () => {
    const crds = lines(
      'DAILY=cluster-daily-20261122020004',
      'velero restore create "crds-$DAILY" \\',
      '  --from-backup "$DAILY" \\',
      '  --include-resources customresourcedefinitions.apiextensions.k8s.io \\',
      '  --include-cluster-resources=true \\',
      '  --wait',
      'kubectl wait --for condition=Established --all crd --timeout=120s',
    );
    expect(refs(crds)).toEqual([]);
    expect(refs('kubectl get pods -A --field-selector=status.phase!=Running,status.phase!=Succeeded')).toEqual([]);
  });

  it('ledger/ledger-regional-failover: kubectl cnpg with -n {{ ns }} names nothing, -n payments names payments', () => {
    expect(refs('kubectl --context {{ cluster.dr }} -n {{ ns }} cnpg status {{ replica_db }}')).toEqual([]);
    const scale = lines(
      'kubectl --context {{ cluster.dr }} -n {{ ns }} scale deployment ledger-api ledger-consumer --replicas=6',
      'kubectl --context {{ cluster.dr }} -n {{ ns }} rollout status deployment ledger-api --timeout=300s',
      'kubectl --context {{ cluster.dr }} -n payments rollout restart deployment payments-api',
    );
    expect(refs(scale)).toEqual(['Namespace payments via -n (kubectl rollout restart)']);
  });

  it('ledger/ledger-regional-failover: the promotion patch with an escaped JSON body names nothing', () => {
    const promote = lines(
      'TOKEN=$(cat /tmp/demotion-token 2>/dev/null)',
      'kubectl --context {{ cluster.dr }} -n {{ ns }} patch cluster {{ replica_db }} --type merge \\',
      '  -p "{\\"spec\\":{\\"replica\\":{\\"primary\\":\\"{{ replica_db }}\\",\\"promotionToken\\":\\"${TOKEN}\\"}}}"',
    );
    expect(refs(promote)).toEqual([]);
    expect(refs(promote.replaceAll('{{ ns }}', 'ledger'))).toEqual(['Namespace ledger via -n (kubectl patch)']);
  });

  it('edge/dns-failover and checkout/post-restore-503: logs and ingress checks name their namespaces', () => {
    expect(refs('kubectl --context {{ cluster.dr }} -n ingress-nginx logs deploy/ingress-nginx-controller --since=1m | wc -l')).toEqual([
      'Namespace ingress-nginx via -n (kubectl logs)',
    ]);
    expect(refs(`kubectl -n checkout get ingress checkout-web -o jsonpath='{.spec.ingressClassName}'`)).toEqual(['Namespace checkout via -n (kubectl get)']);
  });

  it('checkout/post-restore-503: the secret refresh with $(aws …) and a pipe into kubectl apply names nothing', () => {
    const refresh = lines(
      'kubectl --context {{ cluster.dr }} -n {{ ns }} create secret docker-registry regcred \\',
      '  --docker-server=491726350182.dkr.ecr.eu-central-1.amazonaws.com \\',
      '  --docker-username=AWS \\',
      '  --docker-password="$(aws ecr get-login-password --region eu-central-1)" \\',
      '  --dry-run=client -o yaml | kubectl --context {{ cluster.dr }} apply -f -',
      'kubectl --context {{ cluster.dr }} -n {{ ns }} rollout restart deployment checkout-web',
      '',
    );
    expect(refs(refresh)).toEqual([]);
    expect(extractReferences(refresh.replaceAll('{{ ns }}', 'checkout')).map((r) => r.command.subcommand.join(' '))).toEqual(['create secret', 'rollout restart']);
  });
});

describe('every command in the example runbooks', () => {
  it('yields references whose offsets slice out their names, and some references at all', async () => {
    const { runbooks } = await loadRunbooks('runbooks');
    let commands = 0;
    let references = 0;
    for (const runbook of runbooks) {
      for (const { step } of allSteps(runbook)) {
        for (const { run } of step.commands ?? []) {
          commands++;
          for (const ref of extractReferences(run)) {
            references++;
            expect(run.slice(ref.start, ref.end), `${runbook.file}: ${ref.kind} ${ref.name}`).toBe(ref.name);
          }
        }
      }
    }
    expect(commands).toBeGreaterThan(30);
    expect(references).toBeGreaterThan(5);
  });
});
