/**
 * Deterministic benchmark inputs: N runbooks shaped like the examples (steps with kubectl and
 * velero commands and expected output, a decision tree, requirements, drills), and a large facts
 * snapshot pair built from the fake cluster generator through the collector's own reducers.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeScaleCluster } from '../../test/support/fake-kube/index.ts';
import { KIND_SOURCES } from '../facts/fact-kinds.ts';
import { reduceEndpointSlice } from '../facts/reduce-objects.ts';
import { serializeSnapshot } from '../facts/snapshot-file.ts';
import type { FactsSnapshot } from '../schema/facts.ts';

const SERVICES = ['payments', 'ledger', 'checkout', 'identity', 'search', 'orders', 'billing', 'catalog', 'shipping', 'notifications'];

/** One runbook's YAML; `i` picks its service, tier, sizes and names. */
export function runbookYaml(i: number): string {
  const service = `${SERVICES[i % SERVICES.length]}-${Math.floor(i / SERVICES.length) % 40}`;
  const ns = `team-${String((i % 196) + 1).padStart(3, '0')}`; // the scale cluster's namespaces
  const steps = 6 + (i % 5);
  const step = (s: number) => `  - id: step-${s}
    title: Step ${s} of recovering ${service}
    estimate: ${5 + (s % 4) * 5}m
    body: |
      Why step ${s} matters for **${service}**, and what to look at before moving on.
    commands:
      - run: kubectl --context {{ cluster.dr }} -n ${ns} get pods -l app=${service} -o wide
        cluster: dr
        expect: |
          NAME                      READY   STATUS    RESTARTS   AGE
          ${service}-7c9f5d8b6d-2xkqz   1/1     Running   0          4m
      - run: |
          kubectl --context {{ cluster.primary }} -n ${ns} rollout restart deployment/${service} \\
            && kubectl -n ${ns} rollout status deployment/${service} --timeout=120s
        cluster: primary${s % 3 === 0 ? '\n        destructive: true' : ''}
`;
  return `# yaml-language-server: $schema=../runbook.schema.json
id: rb-${i}
title: Recover ${service} (${i})
summary: What to do when ${service} loses its data or its region.
service: ${service}
tier: ${i % 4}
owners: [team-${i % 12}]
escalation:
  - { name: ${service} on-call, pager: "pagerduty:${i}" }
  - { name: Platform on-call, pager: "pagerduty:PLATFORM", after: 15m }
lastReviewed: 2026-10-${String((i % 28) + 1).padStart(2, '0')}
rto: ${1 + (i % 4)}h
rpo: ${i % 2 ? '26h' : '48h'}
requires:
  - { kind: StorageClass, name: ${i % 20 ? 'ebs-sc' : 'io2-csi'}, cluster: dr }
  - { kind: Namespace, name: ${ns}, cluster: primary }
  - { kind: Schedule, name: daily, cluster: primary }
steps:
${Array.from({ length: steps }, (_, s) => step(s)).join('')}decisions:
  - id: root
    question: Does ${service} answer on its health endpoint?
    answers:
      - { label: "No", goto: pods }
      - { label: "Yes", outcome: Nothing to do. }
  - id: pods
    question: Are the pods Running?
    answers:
      - { label: "No", goto: step-0 }
      - { label: "Yes", goto: step-${steps - 1} }
drills:
  - { date: 2026-${i % 10 ? '11' : '06'}-${String((i % 20) + 1).padStart(2, '0')}, duration: ${20 + (i % 10)}m, result: pass }
`;
}

export async function writeRunbookCorpus(dir: string, count: number): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (let i = 0; i < count; i++) await writeFile(join(dir, `rb-${i}.yaml`), runbookYaml(i));
}

/** A facts snapshot of the scale cluster (2,000 CRDs, 5,000 Services, 20,000 EndpointSlices), reduced as the collector would. */
export function scaleSnapshot(cluster: string): FactsSnapshot {
  const { objects } = makeScaleCluster();
  const byKind = Map.groupBy(objects, (o) => o.kind);
  const kinds = Object.fromEntries(
    KIND_SOURCES.map((s) => {
      const items = (byKind.get(s.objectKind) ?? []).map((o) => s.reduce(o as never));
      return [s.kind, { status: 'ok', items: items.sort((a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name)) }];
    }),
  ) as FactsSnapshot['kinds'];
  const counts = new Map<string, { ready: number; notReady: number }>();
  for (const slice of (byKind.get('EndpointSlice') ?? []).map((o) => reduceEndpointSlice(o))) {
    if (!slice.service) continue;
    const c = counts.get(slice.service) ?? { ready: 0, notReady: 0 };
    counts.set(slice.service, { ready: c.ready + slice.ready, notReady: c.notReady + slice.notReady });
  }
  if (kinds.services.status === 'ok') for (const svc of kinds.services.items) svc.endpoints = counts.get(`${svc.namespace}/${svc.name}`) ?? { ready: 0, notReady: 0 };
  return {
    version: 1,
    cluster,
    context: cluster,
    server: `${cluster}.example:443`,
    collectedAt: '2026-11-20T06:10:00.000Z',
    serverVersion: { status: 'ok', gitVersion: 'v1.31.4-eks-aeac579' },
    kinds,
    endpointSlices: { status: 'ok' },
  };
}

export async function writeScaleFacts(dir: string, clusters: string[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  const text = serializeSnapshot(scaleSnapshot('template'));
  for (const cluster of clusters) await writeFile(join(dir, `${cluster}.json`), text.replace('"cluster": "template"', `"cluster": "${cluster}"`).replace('"context": "template"', `"context": "${cluster}"`));
}
