/**
 * Runs a fake API server in its own process, so that a benchmark measures the collector's time
 * and memory without the server's (a scale cluster holds ~150 MB of objects and cached JSON).
 *
 *   node test/support/fake-kube/serve-cli.ts --kubeconfig /tmp/kc.yaml [--scale] [--services 5000] [--crds 2000] [--crd-schema-kb 19] [--cron-jobs 1000] [--restores 300]
 *     [--namespaces 200] [--slices-per-service 4] [--max-page-size N] [--aggregated-discovery]
 *
 * Prints one JSON line `{"url","kubeconfig","objects","startMs"}` to stdout once it listens,
 * then serves until SIGINT/SIGTERM or until stdin closes (so it dies with its parent).
 */
import { parseArgs } from 'node:util';
import { makeScaleCluster, startFakeKube } from './index.ts';
import { makeTestCluster } from './test-cluster.ts';

const { values } = parseArgs({
  options: {
    kubeconfig: { type: 'string' },
    scale: { type: 'boolean', default: false },
    namespaces: { type: 'string' },
    crds: { type: 'string' },
    'crd-schema-kb': { type: 'string' },
    'cron-jobs': { type: 'string' },
    restores: { type: 'string' },
    services: { type: 'string' },
    'slices-per-service': { type: 'string' },
    'max-page-size': { type: 'string' },
    'aggregated-discovery': { type: 'boolean', default: false },
  },
});
if (!values.kubeconfig) {
  process.stderr.write('serve-cli needs --kubeconfig FILE: the kubeconfig for the fake server is written there.\n');
  process.exit(2);
}
const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));

const started = performance.now();
const spec = values.scale
  ? makeScaleCluster({ namespaces: num(values.namespaces), crds: num(values.crds), crdSchemaKb: num(values['crd-schema-kb']), cronJobs: num(values['cron-jobs']), restores: num(values.restores), services: num(values.services), slicesPerService: num(values['slices-per-service']) })
  : makeTestCluster();
const kube = await startFakeKube(spec, { maxPageSize: num(values['max-page-size']), aggregatedDiscovery: values['aggregated-discovery'] });
await kube.writeKubeconfig(values.kubeconfig);
process.stdout.write(`${JSON.stringify({ url: kube.url, kubeconfig: values.kubeconfig, objects: spec.objects.length, startMs: Math.round(performance.now() - started) })}\n`);

const stop = () => void kube.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
process.stdin.once('end', stop).resume();
