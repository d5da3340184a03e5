import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
const ex = promisify(execFile);
const execFileSync = async (c: string, a: string[], o: any) => (await ex(c, a, o)).stdout as string;
import { startFakeKube, makeNamespaces, loadFixtureObjects, STORAGE_FIXTURES, CRD_SETS, asDefaultClass, makeBackupStorageLocation, makeScheduledBackups } from './index.ts';
const kube = await startFakeKube({ objects: [...makeNamespaces(6), ...loadFixtureObjects(CRD_SETS.velero), ...loadFixtureObjects(STORAGE_FIXTURES.awsEbs).map(asDefaultClass), ...loadFixtureObjects(STORAGE_FIXTURES.gcpPd), makeBackupStorageLocation(), ...makeScheduledBackups({ name: 'daily', count: 3 })] });
await kube.writeKubeconfig('/tmp/fk/kc.yaml', { contexts: [{ name: 'tok' }, { name: 'cert', user: 'cert' }, { name: 'exec', user: 'exec' }] });
for (const ctx of ['tok', 'cert', 'exec']) {
  const args = ['--kubeconfig', '/tmp/fk/kc.yaml', '--context', ctx, '--cache-dir', '/tmp/fk/cache-' + ctx, 'get', 'storageclasses', '-o', 'json'];
  try { const out = await execFileSync('kubectl', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }); const j = JSON.parse(out); console.log(ctx, j.kind, j.items.map((i: any) => i.metadata.name + ' ' + i.kind)); }
  catch (e: any) { console.log(ctx, 'FAIL', e.stderr); }
}
console.log(await execFileSync('kubectl', ['--kubeconfig', '/tmp/fk/kc.yaml', '--cache-dir', '/tmp/fk/cache-x', 'get', 'backups.velero.io', '-A', '--chunk-size=2'], { encoding: 'utf8' }));
console.log(await execFileSync('kubectl', ['--kubeconfig', '/tmp/fk/kc.yaml', '--cache-dir', '/tmp/fk/cache-x', 'get', 'ns'], { encoding: 'utf8' }));
console.log(await execFileSync('kubectl', ['--kubeconfig', '/tmp/fk/kc.yaml', '--cache-dir', '/tmp/fk/cache-x', 'version', '-o', 'json'], { encoding: 'utf8' }));
for (const r of kube.requests) console.log(r.status, r.auth, r.path, JSON.stringify(r.query), (r.accept ?? '').slice(0, 60));
await kube.close();
