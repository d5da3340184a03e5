import { describe, expect, it } from 'vitest';
import { extractReferences } from './extract-references.ts';
import { summariseReferences as refs } from './summarise-references.ts';

describe('values that are not known before run time', () => {
  it('never reports a namespace made of variables, substitutions or placeholders', () => {
    const variables = ['$NS', '"$NS"', '${NS}', '"${NS:-ledger}"', 'ledger-$ENV', '"$(cat ns)"', '`cat ns`', "$'ledger'"];
    const placeholders = ['{{ ns }}', '"{{ ns }}"', 'pre-{{ ns }}', '<namespace>', "'<namespace>'", 'NAMESPACE', 'YOUR_NAMESPACE', '...'];
    const patterns = ['pay*', 'pay?', '[ab]', 'ns-{a,b}'];
    for (const value of [...variables, ...placeholders, ...patterns]) {
      expect(refs(`kubectl -n ${value} get pods`), value).toEqual([]);
      expect(refs(`kubectl get pods --namespace=${value}`), value).toEqual([]);
    }
  });

  it('never reports backups, schedules, CRDs or storage classes made of them either', () => {
    expect(refs('velero restore create "restore-$BACKUP" --from-backup "$BACKUP" --from-schedule {{ schedule }} --include-namespaces {{ ns }},$X,"$(y)"')).toEqual([]);
    expect(refs('velero schedule describe "$S" <schedule> SCHEDULE_NAME')).toEqual([]);
    expect(refs('kubectl get crd $(kubectl get crd -o name | head -1) crd-${X}')).toEqual([]);
  });

  it('keeps the static parts of a list when one item is a variable', () => {
    expect(refs('velero restore create --include-namespaces payments,$EXTRA,ledger')).toEqual([
      'Namespace payments via --include-namespaces (velero restore create)',
      'Namespace ledger via --include-namespaces (velero restore create)',
    ]);
  });

  it('does not let a placeholder with spaces shift the arguments after it', () => {
    expect(refs('kubectl --context {{ cluster.dr }} -n {{ ns }} get crd {{ crd }} a.example.io')).toEqual([
      'CustomResourceDefinition a.example.io via get crd (kubectl get)',
    ]);
    expect(refs('kubectl get pods -n <namespace> -o wide')).toEqual([]);
  });

  it('reports a name written with a backslash escape as the shell reads it, its offsets spanning what is written', () => {
    const command = 'kubectl -n led\\ger get pods';
    expect(extractReferences(command).map((r) => [r.name, command.slice(r.start, r.end)])).toEqual([['ledger', 'led\\ger']]);
  });

  it('still reads commands inside a substitution, whose own values are static', () => {
    expect(refs('NS=$(kubectl get ns payments -o name)')).toEqual(['Namespace payments via get namespace (kubectl get)']);
  });
});
