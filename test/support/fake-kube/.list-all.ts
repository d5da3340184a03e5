import { KubeConfig, CoreV1Api, DiscoveryV1Api, ApiextensionsV1Api, CustomObjectsApi, StorageV1Api } from '@kubernetes/client-node';
const kc = new KubeConfig(); kc.loadFromFile(process.argv[2]!);
const t = performance.now();
async function all(fn: (c?: string) => Promise<any>) { let c: string | undefined; let n = 0; let pages = 0; do { const r = await fn(c); n += r.items.length; pages++; c = r.metadata?._continue ?? r.metadata?.continue; } while (c); return `${n} items/${pages} pages`; }
const core = kc.makeApiClient(CoreV1Api), disc = kc.makeApiClient(DiscoveryV1Api), ext = kc.makeApiClient(ApiextensionsV1Api), co = kc.makeApiClient(CustomObjectsApi);
const L = 500;
const jobs: (() => Promise<string>)[] = [
  () => all((c) => core.listNamespace({ limit: L, _continue: c })),
  () => all((c) => core.listNode({ limit: L, _continue: c })),
  () => all((c) => ext.listCustomResourceDefinition({ limit: L, _continue: c })),
  () => all((c) => core.listServiceForAllNamespaces({ limit: L, _continue: c })),
  () => all((c) => disc.listEndpointSliceForAllNamespaces({ limit: L, _continue: c })),
  () => all((c) => core.listPersistentVolumeClaimForAllNamespaces({ limit: L, _continue: c })),
  () => all((c) => kc.makeApiClient(StorageV1Api).listStorageClass({ limit: L, _continue: c })),
  () => all((c) => co.listClusterCustomObject({ group: 'velero.io', version: 'v1', plural: 'backups', limit: L, _continue: c })),
];
const res = []; if (process.argv[3] === 'par') res.push(...await Promise.all(jobs.map((j) => j()))); else for (const j of jobs) res.push(await j());
console.log(res.join(' | '));
console.log('client-node list-all ms', Math.round(performance.now() - t), 'peak-ish rss MB', Math.round(process.memoryUsage().rss / 1e6));
