/**
 * A deterministic collection of realistic runbooks for benchmarks: the same seed always gives
 * the same files. Each looks like the example ones (escalation chain, requirements, four
 * sections, long multi-line commands with expected output, some destructive, a decision tree,
 * drills), so a binder of N generated runbooks weighs what N real ones would.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const SERVICES = ['payments', 'ledger', 'checkout', 'identity', 'search', 'platform', 'edge', 'messaging'];
const VERBS = ['Restore', 'Fail over', 'Rebuild', 'Drain', 'Promote', 'Re-sync', 'Roll back', 'Rotate'];
const THINGS = ['the primary database', 'the object store replica', 'the ingress tier', 'the message queue', 'the cache cluster', 'the search index'];

/** A small seeded PRNG (mulberry32): fast, and the same sequence on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The YAML of generated runbook number `n` (1-based). */
export function generatedRunbook(n: number, seed = 1): string {
  const rand = random(seed * 100_003 + n);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const id = `generated-${String(n).padStart(4, '0')}`;
  const service = pick(SERVICES);
  const ns = `${service}-ns`;
  const step = (section: string, i: number, destructive: boolean) => {
    const commands = Array.from({ length: 1 + Math.floor(rand() * 2) }, (_, c) => {
      const run = `kubectl --context {{ cluster.dr }} -n ${ns} get deployment ${service}-api-${i}-${c} \\\n  -o jsonpath='{.status.readyReplicas}{"\\n"}{.spec.template.spec.containers[0].image}' \\\n  --request-timeout=30s | tee /tmp/${id}-${section}-${i}-${c}.txt`;
      const expect = `3\nregistry.example.com/${service}/api:v${1 + Math.floor(rand() * 9)}.${Math.floor(rand() * 20)}.0`;
      return `      - run: |\n${run.split('\n').map((l) => `          ${l}`).join('\n')}\n        expect: |\n${expect.split('\n').map((l) => `          ${l}`).join('\n')}\n        cluster: dr${destructive && c === 0 ? '\n        destructive: true' : ''}`;
    });
    return `  - id: ${section}-${i}\n    title: ${pick(VERBS)} ${pick(THINGS)} (${section} ${i})\n    estimate: ${1 + Math.floor(rand() * 15)}m\n    body: Check the state first; every command here is safe to repeat unless it is marked destructive.\n    commands:\n${commands.join('\n')}`;
  };
  const section = (name: string, count: number) => `${name}:\n${Array.from({ length: count }, (_, i) => step(name, i + 1, name === 'steps' && i % 2 === 1)).join('\n')}`;
  return `id: ${id}
title: ${pick(VERBS)} ${pick(THINGS)} for ${service} (${n})
summary: Generated runbook ${n} for benchmarks, shaped like the examples.
service: ${service}
tier: ${Math.floor(rand() * 4)}
owners: [${service}-team]
escalation:
  - { name: ${service} on-call, pager: "pagerduty:${service.toUpperCase()}" }
  - { name: Platform on-call, chat: "#inc-platform", after: 15m }
lastReviewed: 2026-10-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}
rto: ${1 + Math.floor(rand() * 4)}h
rpo: ${5 * (1 + Math.floor(rand() * 6))}m
requires:
  - { kind: Namespace, name: ${ns}, cluster: dr }
  - { kind: StorageClass, name: gp3-csi, cluster: dr, why: Volumes are restored into this class. }
${section('prechecks', 2)}
${section('steps', 4)}
${section('verify', 1)}
${section('rollback', 1)}
decisions:
  - id: reachable
    question: Is the primary region still reachable?
    answers:
      - { label: "Yes", goto: degraded }
      - { label: "No", goto: steps-1 }
  - id: degraded
    question: Is it degraded beyond the RTO?
    answers:
      - { label: "Yes", goto: steps-1 }
      - { label: "No", outcome: Keep watching; do not fail over. }
drills:
  - { date: 2026-09-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}, duration: 40m, result: pass, kind: game-day }
`;
}

/** Writes `count` generated runbooks into `dir` (created if needed). */
export async function generateRunbooks(dir: string, count: number, seed = 1): Promise<void> {
  await mkdir(dir, { recursive: true });
  await Promise.all(Array.from({ length: count }, (_, i) => writeFile(join(dir, `generated-${String(i + 1).padStart(4, '0')}.yaml`), generatedRunbook(i + 1, seed))));
}
