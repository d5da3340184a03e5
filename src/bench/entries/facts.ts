/**
 * Facts collection at scale: the real `lifeboat facts` against a fake API server holding 2,000
 * CRDs, 5,000 Services with 20,000 EndpointSlices, 1,000 CronJobs with 5,000 Jobs, 300 Velero
 * Restores and 200 namespaces (issue budget: ≤ 3 s wall, ≤ 300 MB peak RSS), twice: with kubebuilder-sized CRDs (~2 KB), and with CRDs whose schemas are
 * as large as Crossplane providers' (~26 KB each, 53 MB of CRD JSON in all). The server speaks
 * aggregated discovery, as Kubernetes ≥ 1.30 does. Peer: `kubectl get … -o json` for the same
 * kinds on the same server.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { withinBudget, type BenchContext, type BenchEntry, type BenchRow } from '../bench-entry.ts';
import { measure, measureRuns } from '../measure.ts';
import { npmScriptArgs } from '../../cli/npm-script.ts';
import { REPO } from '../sites/site-tool.ts';

/** The cluster, and the small one a `--smoke` run collects instead. */
const SCALE = { namespaces: 200, crds: 2000, services: 5000, cronJobs: 1000, restores: 300 };
const SMOKE_SCALE = { namespaces: 20, crds: 100, services: 100, cronJobs: 20, restores: 10 };
/** Schema KB per CRD version that makes the average CRD ~26 KB (a third serve two versions). */
const SCENARIOS = [{ schemaKb: undefined, label: '' }, { schemaKb: 19, label: ' with large CRD schemas (~26 KB each)' }];
const fmt = (n: number) => n.toLocaleString('en-US');

const KINDS = 'namespaces,nodes,storageclasses,volumesnapshotclasses,persistentvolumeclaims,customresourcedefinitions,services,endpointslices,ingressclasses,priorityclasses,backupstoragelocations.velero.io,schedules.velero.io,backups.velero.io,restores.velero.io,cronjobs.batch,jobs.batch';

export const factsEntry: BenchEntry = {
  name: 'facts',
  description: 'lifeboat facts against a large fake cluster, vs kubectl get -o json',
  async run(ctx) {
    const rows: BenchRow[] = [];
    for (const scenario of SCENARIOS) rows.push(await collectOnce(ctx, scenario));
    return rows;
  },
};

async function collectOnce(ctx: BenchContext, scenario: (typeof SCENARIOS)[number]): Promise<BenchRow> {
  const work = mkdtempSync(join(tmpdir(), 'lifeboat-bench-facts-'));
  const scale = ctx.smoke ? SMOKE_SCALE : SCALE;
  const slices = scale.services * 4;
  ctx.log(`facts: starting a fake cluster (${fmt(scale.namespaces)} namespaces, ${fmt(scale.crds)} CRDs${scenario.label}, ${fmt(scale.services)} Services, ${fmt(slices)} EndpointSlices)…`);
  const kubeconfig = join(work, 'kubeconfig');
  const server = await startServer(kubeconfig, scale, scenario.schemaKb);
  try {
    const ours = await measureRuns(ctx.runs, () =>
      measure(process.execPath, [...npmScriptArgs(REPO, 'facts'), '--kubeconfig', kubeconfig, '--context', 'fake=bench', '--out', join(work, 'facts')]),
    );
    const peer = spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).status === 0
      ? await measureRuns(ctx.runs, () => measure('kubectl', ['--kubeconfig', kubeconfig, 'get', KINDS, '-A', '-o', 'json', '--chunk-size=500'], { env: { ...process.env, KUBECACHEDIR: join(work, 'kubecache') } }))
      : undefined;
    const row = { wallMs: ours.wallMs, ...(ours.peakRssMb !== undefined ? { peakRssMb: ours.peakRssMb } : {}) };
    return {
      entry: 'facts',
      case: `collect ${fmt(scale.crds)} CRDs${scenario.label}, ${fmt(scale.services)} Services, ${fmt(slices)} EndpointSlices, ${fmt(scale.cronJobs)} CronJobs, ${fmt(scale.restores)} Restores, ${fmt(scale.namespaces)} namespaces`,
      ...row,
      peer: peer
        ? { name: 'kubectl get -o json', wallMs: peer.wallMs, ...(peer.peakRssMb !== undefined ? { peakRssMb: peer.peakRssMb } : {}) }
        : { name: 'kubectl', skipped: 'kubectl is not installed (apt-get install kubernetes-client)' },
      ...(scale === SCALE ? { budget: withinBudget(row, { wallMs: 3000, peakRssMb: 300 }) } : {}),
    };
  } finally {
    server.kill();
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * The fake server runs in its own process (it holds ~150 MB for this cluster), so the figures
 * are the collector's alone. It prints one JSON line once it listens and dies with its stdin.
 */
async function startServer(kubeconfig: string, scale: typeof SCALE, schemaKb: number | undefined) {
  const cli = new URL('../../../test/support/fake-kube/serve-cli.ts', import.meta.url).pathname;
  const size = ['--namespaces', String(scale.namespaces), '--crds', String(scale.crds), '--services', String(scale.services), '--slices-per-service', '4',
    '--cron-jobs', String(scale.cronJobs), '--restores', String(scale.restores),
    ...(schemaKb ? ['--crd-schema-kb', String(schemaKb)] : [])];
  const child = spawn(process.execPath, [cli, '--scale', ...size, '--aggregated-discovery', '--kubeconfig', kubeconfig], { stdio: ['pipe', 'pipe', 'inherit'] });
  const [line] = await new Promise<string[]>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the fake API server exited (${code}) before listening`)));
    createInterface({ input: child.stdout! }).once('line', (l) => resolve([l]));
  });
  JSON.parse(line!);
  return child;
}
