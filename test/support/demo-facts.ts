/**
 * Collects the demo clusters with the real collector. Shared by `npm run demo-facts` (which
 * writes facts/) and the test that proves the committed demo facts are exactly what collection
 * gives (so they stay current and collection stays byte-stable).
 */
import { join } from 'node:path';
import { collectAll } from '../../src/facts/collect-all.ts';
import { loadKubeConfig } from '../../src/facts/kube-client.ts';
import type { FactsSnapshot } from '../../src/schema/facts.ts';
import { DEMO_COLLECTED_AT, drCluster, primaryCluster } from './demo-clusters.ts';
import { startFakeKube } from './fake-kube/index.ts';

const DEMO = [
  { name: 'prod-euw1', context: 'arn:aws:eks:eu-west-1:491726350182:cluster/prod-euw1', server: '6F3A1C9B2E4D7A8F0B1C2D3E4F5A6B7C.gr7.eu-west-1.eks.amazonaws.com', spec: primaryCluster },
  { name: 'dr-euc1', context: 'arn:aws:eks:eu-central-1:491726350182:cluster/dr-euc1', server: '0A9B8C7D6E5F4A3B2C1D0E9F8A7B6C5D.yl4.eu-central-1.eks.amazonaws.com', spec: drCluster },
];

export async function collectDemoFacts(work: string): Promise<FactsSnapshot[]> {
  const servers = await Promise.all(DEMO.map((d) => startFakeKube(d.spec())));
  try {
    const kubeconfig = join(work, 'kubeconfig');
    await servers[0]!.writeKubeconfig(kubeconfig, { contexts: DEMO.map((d, i) => ({ name: d.context, server: servers[i]! })) });
    const outcomes = await collectAll(loadKubeConfig(kubeconfig), DEMO.map((d) => ({ name: d.name, context: d.context })), {
      dir: join(work, 'facts'),
      now: DEMO_COLLECTED_AT,
    });
    return outcomes.map((outcome, i) => {
      if (!outcome.ok) throw new Error(`Collecting demo cluster ${outcome.name} failed: ${outcome.reason}`);
      return { ...outcome.snapshot, server: `${DEMO[i]!.server}:443` };
    });
  } finally {
    await Promise.all(servers.map((s) => s.close()));
  }
}
