import { describe, expect, it } from 'vitest';
import { summariseReferences as refs } from './summarise-references.ts';

describe('finding the tool behind assignments, wrappers and shells', () => {
  it('skips leading environment assignments', () => {
    expect(refs('KUBECONFIG=/tmp/dr.yaml A="b c" kubectl -n ledger get pods')).toEqual(['Namespace ledger via -n (kubectl get)']);
  });

  it('skips sudo, env, time, timeout, nice, nohup, command and exec with their own options', () => {
    for (const prefix of ['sudo -E -u root', 'env -i KUBECONFIG=x', 'time -p', 'timeout -s KILL 300', 'nice -n 10', 'nohup', 'command', 'exec', 'sudo env A=1 time']) {
      expect(refs(`${prefix} kubectl -n ledger get pods`), prefix).toEqual(['Namespace ledger via -n (kubectl get)']);
    }
  });

  it("does not give a wrapper's -n to the tool", () => {
    expect(refs('watch -n 5 kubectl get pods')).toEqual([]);
    expect(refs('watch -n 5 kubectl get pods -n ledger')).toEqual(['Namespace ledger via -n (kubectl get)']);
    expect(refs('kubectl get ns -o name | xargs -n 1 kubectl get crd')).toEqual([]);
  });

  it('reads the script that watch, sh -c and bash -c run, with offsets into the quoted string', () => {
    expect(refs(`watch 'kubectl get pods -n ledger'`)).toEqual(['Namespace ledger via -n (kubectl get)']);
    expect(refs(`watch -n 2 "kubectl -n ledger get pods | grep -v Running"`)).toEqual(['Namespace ledger via -n (kubectl get)']);
    expect(refs(`sh -c 'velero schedule pause payments-hourly'`)).toEqual(['VeleroSchedule payments-hourly via velero schedule (velero schedule pause)']);
    expect(refs(`bash -euo pipefail -c "kubectl get ns 'payments'"`)).toEqual(['Namespace payments via get namespace (kubectl get)']);
    expect(refs(`bash -c 'kubectl -n "$NS" get pods'`)).toEqual([]);
  });

  it('reads commands in brace groups, subshells, loops and conditionals', () => {
    expect(refs('{ kubectl -n a get pods; } && (kubectl -n b get pods)')).toEqual(['Namespace a via -n (kubectl get)', 'Namespace b via -n (kubectl get)']);
    expect(refs('for i in 1 2; do kubectl -n c get pods; done')).toEqual(['Namespace c via -n (kubectl get)']);
    expect(refs('if ! kubectl get ns d; then kubectl create ns d; else echo ok; fi')).toEqual(['Namespace d via get namespace (kubectl get)']);
  });

  it('reads nothing from other programs, even with kubectl-like flags', () => {
    expect(refs('helm -n ledger list; grep -n ledger f; ssh host kubectl -n ledger get pods')).toEqual([]);
  });
});
