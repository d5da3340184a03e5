import { describe, expect, it } from 'vitest';
import { extractReferences, type CommandReference } from './extract-references.ts';

/** A small seeded generator (mulberry32), so a failure names a seed that reproduces it. */
function random(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: ArrayLike<T>): T => items[Math.floor(next() * items.length)]!;
  const name = (dots = false) => {
    // A DNS label: a letter, then letters, digits and dashes, ending in a letter or digit.
    const middle = () => Array.from({ length: Math.floor(next() * 12) }, () => pick('abcdefghijklmnopqrstuvwxyz0123456789-')).join('');
    const label = () => pick('abcdefghijklmnopqrstuvwxyz') + middle() + pick('abcdefghij0123456789');
    return dots ? `${label()}.${label()}.io` : label();
  };
  return { next, pick, name };
}

interface Fragment {
  text: string;
  expected: string[];
}

/** One command with the references it must yield, in text order, in one of many spellings. */
function fragment(r: ReturnType<typeof random>): Fragment {
  const quote = (n: string) => r.pick([n, n, `'${n}'`, `"${n}"`]);
  const join = (words: string[]) => words.map((w, i) => (i === 0 ? w : r.next() < 0.2 ? ` \\\n    ${w}` : ` ${w}`)).join('');
  const noise = () => r.pick([[], ['-o', 'wide'], ['-l', 'app=x'], ['--context', 'dr-euc1'], ['-o', 'name', '--selector', 'a=b'], ['-A']]);
  const ns = r.name();
  const nsFlag = () => r.pick([['-n', quote(ns)], [`-n${ns}`], ['--namespace', quote(ns)], [`--namespace=${quote(ns)}`]]);
  const prefix = r.pick([[], [], ['KUBECONFIG=/tmp/k'], ['sudo', '-E'], ['time'], ['env', 'A=1']]);
  switch (r.pick(['kubectl-ns', 'crd', 'ns', 'velero', 'schedule', 'heredoc', 'dynamic'])) {
    case 'kubectl-ns': {
      const sub = r.pick([['get', 'pods'], ['describe', 'pvc', 'x'], ['logs', 'deploy/x'], ['rollout', 'restart', 'deploy/y'], ['cnpg', 'status', 'db']]);
      const args = r.next() < 0.5 ? [...nsFlag(), ...sub, ...noise()] : [...sub, ...noise(), ...nsFlag()];
      return { text: join([...prefix, r.pick(['kubectl', 'oc']), ...args]), expected: [`Namespace ${ns}`] };
    }
    case 'crd': {
      const names = [r.name(true), r.name(true)];
      const words = r.next() < 0.5 ? ['crd', ...names.map(quote)] : names.map((n) => r.pick(['crd/', 'customresourcedefinition.apiextensions.k8s.io/']) + n);
      return { text: join([...prefix, 'kubectl', r.pick(['get', 'describe', 'delete', 'wait']), ...noise(), ...words]), expected: names.map((n) => `CustomResourceDefinition ${n}`) };
    }
    case 'ns':
      return { text: join(['kubectl', r.pick(['get', 'describe']), r.pick(['ns', 'namespace', 'namespaces']), quote(ns), ...noise()]), expected: [`Namespace ${ns}`] };
    case 'velero': {
      const [backup, a, b, src] = [r.name(), r.name(), r.name(), r.name()];
      return {
        text: join([...prefix, 'velero', 'restore', 'create', `"restore-$X"`, '--from-backup', quote(backup), `--include-namespaces=${a},${b}`, '--namespace-mappings', `${src}:copy`, '--wait']),
        expected: [`VeleroBackup ${backup}`, `Namespace ${a}`, `Namespace ${b}`, `Namespace ${src}`],
      };
    }
    case 'schedule': {
      const names = [r.name(), r.name()];
      return { text: join(['velero', 'schedule', r.pick(['describe', 'pause', 'get']), ...names.map(quote)]), expected: names.map((n) => `VeleroSchedule ${n}`) };
    }
    case 'heredoc': {
      const sc = r.name();
      const value = r.pick([sc, `'${sc}'`, `"${sc}"`]);
      const body = `kind: PersistentVolumeClaim\nmetadata:\n  name: d\n  namespace: ${ns}\nspec:\n  storageClassName: ${value}\n`;
      return { text: `${join(['kubectl', 'apply', '-f', '-', r.pick(['<<EOF', "<<'EOF'", '<<"EOF"'])])}\n${body}EOF`, expected: [`Namespace ${ns}`, `StorageClass ${sc}`] };
    }
    default:
      return { text: join(['kubectl', '-n', r.pick(['"$NS"', '{{ ns }}', '<ns>', '$(cat ns)']), 'get', 'crd', '"$CRD"', '|', 'grep', '-n', ns]), expected: [] };
  }
}

describe('extractReferences over generated commands', () => {
  it('finds exactly the generated names, and every offset slices its name out of the command', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const r = random(seed);
      const parts = Array.from({ length: 1 + Math.floor(r.next() * 4) }, () => fragment(r));
      // Heredoc bodies need the line after them; other commands may also sit in a $(…).
      const text = parts.map((p) => (!p.text.includes('\n') && r.next() < 0.2 ? `X=$(${p.text})` : p.text)).join('\n');
      const refs = extractReferences(text);
      expect(refs.map((ref) => `${ref.kind} ${ref.name}`), `seed ${seed}:\n${text}`).toEqual(parts.flatMap((p) => p.expected));
      for (const ref of refs) expect(text.slice(ref.start, ref.end), `seed ${seed}`).toBe(ref.name);
    }
  });

  it('never throws on random shell-like input and keeps offsets inside the text', () => {
    const tokens = [
      ...['kubectl', 'velero', 'sh -c ', 'watch ', 'get', 'crd', 'ns', '-n', '--namespace=', '--from-backup', '--', 'x', ',', ':', 'storageClassName: '],
      ...[' ', ' ', '\t', '\n', "'", '"', '\\', '$(', ')', '(', '`', '${', '}', '{{ a }}', '<<', '<<-', 'EOF', '<a>', '<', '>', '|', ';', '&', '#'],
    ];
    for (let seed = 1; seed <= 2000; seed++) {
      const r = random(seed);
      const text = Array.from({ length: Math.floor(r.next() * 60) }, () => r.pick(tokens)).join('');
      const refs = extractReferences(text);
      for (const ref of refs) {
        expect(ref.start >= 0 && ref.start < ref.end && ref.end <= text.length, `seed ${seed}: ${JSON.stringify(text)}`).toBe(true);
        // Quote removal and escapes aside, what the offsets span is the name.
        const strip = (s: string) => s.replace(/\\\n/g, '').replace(/['"\\]/g, '');
        expect(strip(text.slice(ref.start, ref.end)), `seed ${seed}: ${JSON.stringify(text)}`).toBe(strip(ref.name));
      }
    }
  });

  it('reads a 10 KB command in a few milliseconds', () => {
    const block = `kubectl --context {{ cluster.dr }} -n ledger get crd a.example.io -o yaml | grep -n "x" \\\n  && velero restore create "r-$X" --from-backup b --include-namespaces a,b\n`;
    // A different text each time: the extractor remembers the texts it has read.
    const texts = Array.from({ length: 15 }, (_, i) => `${block.repeat(Math.ceil(10_000 / block.length))}echo ${i}\n`);
    for (const text of texts.slice(0, 5)) extractReferences(text);
    const started = performance.now();
    for (const text of texts.slice(5)) expect(extractReferences(text)).toHaveLength(5 * Math.ceil(10_000 / block.length));
    // About 1 ms on an idle machine; the bound leaves room for a loaded CI runner, not for quadratic work.
    expect((performance.now() - started) / 10).toBeLessThan(50);
  });

  it('reads 100 KB commands, pathological ones included, in well under a second each', () => {
    const realistic = `kubectl --context dr -n ledger get crd a.example.io -o yaml | grep -n x \\\n  && velero restore create --from-backup b --include-namespaces a,b\n`;
    const inputs = {
      realistic: realistic.repeat(Math.ceil(100_000 / realistic.length)),
      manifest: `kubectl apply -f - <<EOF\n${'spec:\n  storageClassName: gp3\n'.repeat(4000)}EOF`,
      quotes: `kubectl -n "${'"'.repeat(100_000)}`,
      substitutions: `echo ${'$('.repeat(50_000)}`,
      backticks: '`\\'.repeat(50_000),
      heredocs: 'a <<EOF '.repeat(12_000),
      placeholders: `kubectl -n ${'{{ a '.repeat(20_000)}`,
      blanks: `kubectl apply -f - <<EOF\nstorageClassName: a${' '.repeat(100_000)}b\nEOF`,
      mappings: `velero restore create --namespace-mappings ${'a,'.repeat(50_000)}`,
      names: `kubectl get crd ${'x.y.io '.repeat(14_000)}`,
    };
    for (const [label, text] of Object.entries(inputs)) {
      extractReferences(text.slice(0, 1000)); // Warm the JIT on the same shape, so the timing is of the algorithm.
      const started = performance.now();
      extractReferences(text);
      // Quadratic work on 100 KB would take many seconds; linear work takes milliseconds.
      expect(performance.now() - started, label).toBeLessThan(1000);
    }
  });
});

describe('extractReferences remembers', () => {
  it('answers a text it has read with the same references, frozen so no caller can change them for the next', () => {
    const text = 'kubectl -n ledger get crd backups.velero.io && velero restore create --from-backup daily --include-namespaces a,b';
    const first = extractReferences(text);
    expect(extractReferences(`${text} `)).toEqual(first);
    expect(extractReferences(text)).toBe(first);
    expect(first.map((r) => `${r.kind} ${r.name}`)).toEqual(['Namespace ledger', 'CustomResourceDefinition backups.velero.io', 'VeleroBackup daily', 'Namespace a', 'Namespace b']);
    expect(() => (first as CommandReference[]).push(first[0]!)).toThrow(TypeError);
    expect(() => Object.assign(first[0]!, { name: 'other' })).toThrow(TypeError);
    expect(() => (first[0]!.command.subcommand as string[]).push('x')).toThrow(TypeError);
  });
});
