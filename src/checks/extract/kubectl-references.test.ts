import { describe, expect, it } from 'vitest';
import { extractReferences } from './extract-references.ts';
import { summariseReferences as refs } from './summarise-references.ts';

describe('kubectl and oc references', () => {
  it('finds the namespace in every flag form, before or after the subcommand', () => {
    expect(refs('kubectl -n ledger get pods')).toEqual(['Namespace ledger via -n (kubectl get)']);
    expect(refs('kubectl get pods -nledger')).toEqual(['Namespace ledger via -n (kubectl get)']);
    expect(refs('kubectl get pods -n=ledger')).toEqual(['Namespace ledger via -n (kubectl get)']);
    expect(refs('kubectl --namespace ledger get pods')).toEqual(['Namespace ledger via --namespace (kubectl get)']);
    expect(refs('kubectl get pods --namespace=ledger')).toEqual(['Namespace ledger via --namespace (kubectl get)']);
  });

  it('points inside the quotes of a quoted namespace', () => {
    const command = `kubectl get pods -n 'ledger' --namespace="payments"`;
    expect(extractReferences(command).map((r) => [r.name, r.start, r.end])).toEqual([
      ['ledger', 21, 27],
      ['payments', 42, 50],
    ]);
    expect(refs(command)).toHaveLength(2);
  });

  it('reads the same flags for oc, and oc project names a namespace', () => {
    expect(refs('oc -n ledger get pods')).toEqual(['Namespace ledger via -n (oc get)']);
    expect(refs('oc project ledger')).toEqual(['Namespace ledger via project (oc project)']);
    expect(refs('oc new-project ledger')).toEqual([]);
  });

  it('does not take the value of another flag for a namespace or a resource', () => {
    expect(refs('kubectl get pods -o name -l app=ns -c ns --context ns --kubeconfig ns --field-selector ns --selector ns -n ledger')).toEqual([
      'Namespace ledger via -n (kubectl get)',
    ]);
    expect(refs('kubectl --context prod -v 6 get --output yaml --sort-by .metadata.name crd a.example.io')).toEqual([
      'CustomResourceDefinition a.example.io via get crd (kubectl get)',
    ]);
  });

  it('stops at a bare -- because what follows belongs to another program', () => {
    expect(refs('kubectl exec db-0 -c pg -- psql -n ledger')).toEqual([]);
    expect(refs('kubectl exec -it db-0 -n ledger -- psql -n other')).toEqual(['Namespace ledger via -n (kubectl exec)']);
  });

  it('reads -f and -p as switches in kubectl logs, and -p as taking a value elsewhere', () => {
    expect(refs('kubectl logs -f -n ledger deploy/x')).toEqual(['Namespace ledger via -n (kubectl logs)']);
    expect(refs('kubectl logs -p -n ledger db-0')).toEqual(['Namespace ledger via -n (kubectl logs)']);
    expect(refs('kubectl -n ledger patch -p -n x')).toEqual(['Namespace ledger via -n (kubectl patch)']);
  });

  it('reads -n of a kubectl plugin, with the plugin and its subcommand as the command', () => {
    expect(refs('kubectl cnpg status ledger-db-dr -n ledger')).toEqual(['Namespace ledger via -n (kubectl cnpg status)']);
  });

  it('finds CRD names after get, describe, wait, delete and edit in every type spelling', () => {
    expect(refs('kubectl get crd clusters.postgresql.cnpg.io backups.velero.io')).toEqual([
      'CustomResourceDefinition clusters.postgresql.cnpg.io via get crd (kubectl get)',
      'CustomResourceDefinition backups.velero.io via get crd (kubectl get)',
    ]);
    expect(refs('kubectl describe crds a.example.io')).toEqual(['CustomResourceDefinition a.example.io via describe crd (kubectl describe)']);
    expect(refs('kubectl delete customresourcedefinition a.example.io')).toEqual(['CustomResourceDefinition a.example.io via delete crd (kubectl delete)']);
    expect(refs('kubectl edit customresourcedefinitions.apiextensions.k8s.io a.example.io')).toEqual([
      'CustomResourceDefinition a.example.io via edit crd (kubectl edit)',
    ]);
    expect(refs('kubectl wait --for condition=Established crd/a.example.io customresourcedefinition.apiextensions.k8s.io/b.example.io --timeout 60s')).toEqual([
      'CustomResourceDefinition a.example.io via wait crd (kubectl wait)',
      'CustomResourceDefinition b.example.io via wait crd (kubectl wait)',
    ]);
  });

  it('names nothing for --all, for other types, or for a list of types', () => {
    expect(refs('kubectl wait --for condition=Established --all crd --timeout=120s')).toEqual([]);
    expect(refs('kubectl get pods crd')).toEqual([]);
    expect(refs('kubectl get crd,ns a.example.io')).toEqual([]);
    expect(refs('kubectl get pod/crd deploy/ns')).toEqual([]);
  });

  it('finds namespace names after get, describe and delete, but not after create', () => {
    expect(refs('kubectl get namespace payments')).toEqual(['Namespace payments via get namespace (kubectl get)']);
    expect(refs('kubectl describe ns/payments')).toEqual(['Namespace payments via describe namespace (kubectl describe)']);
    expect(refs('kubectl delete namespaces payments ledger --wait=true')).toEqual([
      'Namespace payments via delete namespace (kubectl delete)',
      'Namespace ledger via delete namespace (kubectl delete)',
    ]);
    expect(refs('kubectl create namespace payments')).toEqual([]);
    expect(refs('kubectl create ns payments --dry-run=client -o yaml')).toEqual([]);
  });

  it('skips the label changes that follow the names in label and annotate', () => {
    expect(refs('kubectl label ns payments team=pay old- --overwrite')).toEqual(['Namespace payments via label namespace (kubectl label)']);
  });

  it('keeps create and rollout subcommand words in the command', () => {
    expect(extractReferences('kubectl -n ledger create secret generic x')[0]!.command).toEqual({ tool: 'kubectl', subcommand: ['create', 'secret'] });
    expect(extractReferences('kubectl rollout restart deploy/x -n ledger')[0]!.command).toEqual({ tool: 'kubectl', subcommand: ['rollout', 'restart'] });
  });

  it('finds a tool called by its path', () => {
    expect(refs('/usr/local/bin/kubectl -n ledger get pods')).toEqual(['Namespace ledger via -n (kubectl get)']);
  });
});
