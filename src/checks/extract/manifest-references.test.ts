import { describe, expect, it } from 'vitest';
import { extractReferences } from './extract-references.ts';
import { summariseReferences as refs } from './summarise-references.ts';

const pvc = (storageClass: string) => `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
  namespace: ledger
spec:
  storageClassName: ${storageClass}
  resources:
    requests:
      storage: 1Gi`;

describe('references in heredoc manifests', () => {
  it('finds storageClassName written bare, single-quoted or double-quoted', () => {
    for (const value of ['io2-csi', "'io2-csi'", '"io2-csi"', 'io2-csi   # comment']) {
      expect(refs(`kubectl apply -f - <<'EOF'\n${pvc(value)}\nEOF`)).toEqual([
        'Namespace ledger via metadata.namespace (kubectl apply)',
        'StorageClass io2-csi via storageClassName (kubectl apply)',
      ]);
    }
  });

  it('finds them with every delimiter form, <<- tab stripping, and after the -f flag forms', () => {
    for (const command of [
      `kubectl apply -f - <<EOF\n${pvc('gp3')}\nEOF`,
      `kubectl create --filename=- <<"END"\n${pvc('gp3')}\nEND\n`,
      `oc apply -f /dev/stdin <<-EOF\n${pvc('gp3').replace(/^/gm, '\t')}\n\tEOF`,
    ]) {
      expect(refs(command).filter((r) => r.startsWith('StorageClass'))).toEqual([expect.stringMatching(/^StorageClass gp3 via storageClassName \((kubectl|oc)/)]);
    }
  });

  it('finds them in volumeClaimTemplates list items and in JSON manifests', () => {
    const statefulSet = `kubectl apply -f - <<EOF
kind: StatefulSet
spec:
  volumeClaimTemplates:
    - storageClassName: io2-csi
      metadata: { name: data }
EOF`;
    expect(refs(statefulSet)).toEqual(['StorageClass io2-csi via storageClassName (kubectl apply)']);
    expect(refs('kubectl apply -f - <<EOF\n{"spec": {\n  "storageClassName": "gp3",\n  "x": 1}}\nEOF')).toEqual(['StorageClass gp3 via storageClassName (kubectl apply)']);
  });

  it('attributes a manifest piped from cat <<EOF to the kubectl that reads it', () => {
    expect(refs(`cat <<EOF | kubectl apply -f -\n${pvc('gp3')}\nEOF`)).toEqual([
      'Namespace ledger via metadata.namespace (kubectl apply)',
      'StorageClass gp3 via storageClassName (kubectl apply)',
    ]);
  });

  it('does not take the name of a StorageClass or Namespace the same manifest creates', () => {
    const manifest = `kubectl apply -f - <<'EOF'
apiVersion: v1
kind: Namespace
metadata:
  name: fresh
---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: io2-csi
provisioner: ebs.csi.aws.com
---
${pvc('io2-csi').replace('namespace: ledger', 'namespace: fresh')}
---
${pvc('gp3-csi')}
EOF`;
    expect(refs(manifest)).toEqual(['Namespace ledger via metadata.namespace (kubectl apply)', 'StorageClass gp3-csi via storageClassName (kubectl apply)']);
  });

  it('reads only metadata.namespace, not other keys called namespace', () => {
    const manifest = `kubectl apply -f - <<EOF
kind: RoleBinding
metadata:
  name: x
  labels:
    namespace: not-this
subjects:
  - kind: ServiceAccount
    namespace: nor-this
EOF`;
    expect(refs(manifest)).toEqual([]);
  });

  it('skips storage classes that are empty, null, variables or placeholders', () => {
    for (const value of ['""', "''", 'null', '~', '$SC', '"${SC}"', '{{ sc }}', '"{{ sc }}"', '<storage-class>', 'STORAGE_CLASS']) {
      expect(refs(`kubectl apply -f - <<EOF\nspec:\n  storageClassName: ${value}\nEOF`), value).toEqual([]);
    }
  });

  it('ignores heredocs that are not manifests on kubectl stdin', () => {
    expect(refs('kubectl exec -i db-0 -- psql <<EOF\nstorageClassName: gp3\nEOF')).toEqual([]);
    expect(refs('cat > /tmp/pvc.yaml <<EOF\nstorageClassName: gp3\nEOF\nkubectl apply -f /tmp/pvc.yaml')).toEqual([]);
    expect(refs('velero restore create <<EOF\nstorageClassName: gp3\nEOF')).toEqual([]);
  });

  it('gives offsets inside the body that point at the name in the command text', () => {
    const command = `kubectl --context dr apply -f - <<'EOF'\nspec:\n  storageClassName: "io2-csi"\nEOF`;
    const [ref] = extractReferences(command);
    expect([ref!.start, ref!.end]).toEqual([command.indexOf('io2-csi'), command.indexOf('io2-csi') + 7]);
  });
});
