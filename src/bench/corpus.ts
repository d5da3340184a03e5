/**
 * Deterministic benchmark inputs on disk: N runbooks from corpus-model.ts written as YAML and MDX
 * files, and a large facts snapshot pair (2,000 CRDs, 200 namespaces, 5,000 Services whose
 * 20,000 EndpointSlices are folded into endpoint counts) built from the fake cluster generator
 * through the collector's own reducers.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeScaleCluster } from '../../test/support/fake-kube/index.ts';
import { covers } from '../facts/queries.ts';
import { KIND_SOURCES } from '../facts/fact-kinds.ts';
import { reduceEndpointSlice } from '../facts/reduce-objects.ts';
import { serializeSnapshot } from '../facts/snapshot-file.ts';
import type { FactsSnapshot } from '../schema/facts.ts';
import { stringify } from 'yaml';
import { corpusRunbook, type CorpusRunbook } from './corpus-model.ts';

/** The file text of a generated runbook: YAML, or MDX with frontmatter and its steps in the body. */
export function runbookSource({ format, data }: CorpusRunbook): string {
  if (format === 'yaml') return `# yaml-language-server: $schema=../../runbook.schema.json\n${stringify(data, { lineWidth: 0 })}`;
  const { steps, verify, rollback, ...front } = data;
  const sections = [...(steps ?? []).map((s) => ['steps', s] as const), ...(verify ?? []).map((s) => ['verify', s] as const), ...(rollback ?? []).map((s) => ['rollback', s] as const)];
  const body = sections.map(([section, s]) => {
    const attrs = [`id="${s.id}"`, `title="${s.title}"`, s.estimate && `estimate="${s.estimate}"`, section !== 'steps' && `section="${section}"`].filter(Boolean).join(' ');
    const commands = (s.commands ?? []).map((c) => {
      const expect = c.expect ? `<Expect>\n\`\`\`\n${c.expect.trimEnd()}\n\`\`\`\n</Expect>\n` : '';
      return `<Command${c.cluster ? ` cluster="${c.cluster}"` : ''}${c.destructive ? ' destructive' : ''}>\n\`\`\`sh\n${c.run.trimEnd()}\n\`\`\`\n${expect}</Command>\n`;
    });
    return `<Step ${attrs}>\n${s.body ? `${s.body.trimEnd()}\n\n` : ''}${commands.join('\n')}</Step>\n`;
  });
  const tree = front.decisions?.length ? `Decide where to start before touching anything:\n\n<Decision id="${front.decisions[0]!.id}" />\n\n` : '';
  return `---\n${stringify(front, { lineWidth: 0 })}---\n\n${tree}${body.join('\n')}`;
}

/** Writes runbooks 0…count−1 as `<service>/<id>.yaml|mdx`, as a team would lay them out. */
export async function writeRunbookCorpus(dir: string, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const runbook = corpusRunbook(i);
    await mkdir(join(dir, runbook.data.service), { recursive: true });
    await writeFile(join(dir, runbook.data.service, `${runbook.data.id}.${runbook.format}`), runbookSource(runbook));
  }
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
  kinds.backupContents = { status: 'ok', items: inventories(kinds) };
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

/**
 * What the inventories of each schedule's newest completed backup would hold: every namespace it
 * covers with a few objects each, and the CRDs of the cluster (the check reads them all).
 */
function inventories(kinds: FactsSnapshot['kinds']): NonNullable<Extract<FactsSnapshot['kinds']['backupContents'], { status: 'ok' }>>['items'] {
  if (kinds.backups.status !== 'ok' || kinds.namespaces.status !== 'ok' || kinds.customResourceDefinitions.status !== 'ok') return [];
  const namespaces = kinds.namespaces.items.map((n) => n.name);
  const crds = kinds.customResourceDefinitions.items.map((c) => c.name);
  const bySchedule = Map.groupBy(kinds.backups.items.filter((b) => b.phase === 'Completed' && b.schedule), (b) => b.schedule!);
  return [...bySchedule.values()].map((backups) => {
    const newest = backups.reduce((n, b) => ((b.startTimestamp ?? '') > (n.startTimestamp ?? '') ? b : n));
    const held = namespaces.filter((ns) => covers(newest, ns));
    return {
      namespace: newest.namespace, name: newest.name, schedule: newest.schedule!, source: `s3://velero-backups/cluster/backups/${newest.name}/${newest.name}-resource-list.json.gz`,
      inventory: { status: 'ok' as const, namespaces: held, resources: { 'v1/Namespace': held.length, 'apps/v1/Deployment': held.length * 3, 'apiextensions.k8s.io/v1/CustomResourceDefinition': crds.length }, crds },
    };
  }).sort((a, b) => a.name.localeCompare(b.name));
}

export async function writeScaleFacts(dir: string, clusters: string[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  const text = serializeSnapshot(scaleSnapshot('template'));
  for (const cluster of clusters) await writeFile(join(dir, `${cluster}.json`), text.replace('"cluster": "template"', `"cluster": "${cluster}"`).replace('"context": "template"', `"context": "${cluster}"`));
}
