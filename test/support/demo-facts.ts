/**
 * Collects the demo clusters with the real collector. Shared by `npm run demo-facts` (which
 * writes facts/) and the test that proves the committed demo facts are exactly what collection
 * gives (so they stay current and collection stays byte-stable). The primary's backup bucket is
 * a local S3 server holding Velero inventories, reached through the config's endpoint override
 * as a team whose location names an in-cluster address would.
 */
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { join } from 'node:path';
import { collectAll } from '../../src/facts/collect-all.ts';
import { planInventories } from '../../src/facts/inventory-plan.ts';
import { loadKubeConfig } from '../../src/facts/kube-client.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import type { FactsSnapshot } from '../../src/schema/facts.ts';
import { DEMO_COLLECTED_AT, DEMO_INVENTORIES, drCluster, primaryCluster } from './demo-clusters.ts';
import { startFakeKube } from './fake-kube/index.ts';
import { S3RVER_ENV, startLocalS3 } from './local-s3.ts';
import { putInventory } from './velero-bucket.ts';
import { REPO } from './run-script.ts';

const DEMO = [
  { name: 'prod-euw1', context: 'arn:aws:eks:eu-west-1:491726350182:cluster/prod-euw1', server: '6F3A1C9B2E4D7A8F0B1C2D3E4F5A6B7C.gr7.eu-west-1.eks.amazonaws.com', spec: primaryCluster },
  { name: 'dr-euc1', context: 'arn:aws:eks:eu-central-1:491726350182:cluster/dr-euc1', server: '0A9B8C7D6E5F4A3B2C1D0E9F8A7B6C5D.yl4.eu-central-1.eks.amazonaws.com', spec: drCluster },
];

export async function collectDemoFacts(work: string): Promise<FactsSnapshot[]> {
  const [servers, s3] = await Promise.all([Promise.all(DEMO.map((d) => startFakeKube(d.spec()))), startLocalS3()]);
  const savedEnv = { ...process.env };
  try {
    await writeInventories(s3);
    const kubeconfig = join(work, 'kubeconfig');
    await servers[0]!.writeKubeconfig(kubeconfig, { contexts: DEMO.map((d, i) => ({ name: d.context, server: servers[i]! })) });
    const loaded = loadConfig({}, {}, REPO);
    if (!loaded.config) throw new Error(`The example's config does not load: ${loaded.issues.map((i) => i.message).join('; ')}`);
    const plan = await planInventories({ ...loaded.config, backups: { ...loaded.config.backups, buckets: Object.fromEntries(DEMO.map((d) => [d.name, { endpoint: s3.endpoint }])) } });
    // The SDK's credential chain reads the environment: the local server's fixed keys, for this collection only.
    Object.assign(process.env, S3RVER_ENV);
    const outcomes = await collectAll(loadKubeConfig(kubeconfig), DEMO.map((d) => ({ name: d.name, context: d.context })), {
      dir: join(work, 'facts'),
      now: DEMO_COLLECTED_AT,
      backupContents: plan.options,
    });
    return outcomes.map((outcome, i) => {
      if (!outcome.ok) throw new Error(`Collecting demo cluster ${outcome.name} failed: ${outcome.reason}`);
      return { ...outcome.snapshot, server: `${DEMO[i]!.server}:443` };
    });
  } finally {
    for (const key of Object.keys(S3RVER_ENV)) if (savedEnv[key] === undefined) delete process.env[key];
    Object.assign(process.env, savedEnv);
    await Promise.all([...servers.map((s) => s.close()), s3.stop()]);
  }
}

/** The inventory of the newest completed backup of each demo schedule, in the primary's bucket. */
async function writeInventories(s3: Awaited<ReturnType<typeof startLocalS3>>): Promise<void> {
  const objects = primaryCluster().objects;
  const location = objects.find((o) => o.kind === 'BackupStorageLocation') as unknown as { spec: { objectStorage: { bucket: string; prefix: string } } };
  const { bucket, prefix } = location.spec.objectStorage;
  await s3.client.send(new CreateBucketCommand({ Bucket: bucket }));
  for (const [schedule, list] of Object.entries(DEMO_INVENTORIES)) {
    const completed = objects
      .filter((o) => o.kind === 'Backup' && o.metadata.labels?.['velero.io/schedule-name'] === schedule && (o.status as { phase?: string }).phase === 'Completed')
      .map((o) => ({ name: o.metadata.name, start: (o.status as { startTimestamp: string }).startTimestamp }))
      .sort((a, b) => b.start.localeCompare(a.start));
    await putInventory(s3.client, bucket, prefix, completed[0]!.name, list);
  }
}
