/**
 * The committed demo facts are exactly what the real collector gives for the demo clusters:
 * collection is byte-stable, and the example site's facts never drift from their source.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeSnapshot } from '../src/facts/snapshot-file.ts';
import { collectDemoFacts } from './support/demo-facts.ts';

describe('the committed demo facts', () => {
  it('equal a fresh collection of the demo clusters, byte for byte (run `npm run demo-facts` when this fails)', async () => {
    const snapshots = await collectDemoFacts(mkdtempSync(join(tmpdir(), 'lifeboat-demo-test-')));
    expect(snapshots.map((s) => s.cluster)).toEqual(['prod-euw1', 'dr-euc1']);
    for (const snapshot of snapshots) {
      const committed = readFileSync(new URL(`../facts/${snapshot.cluster}.json`, import.meta.url), 'utf8');
      expect(serializeSnapshot(snapshot), snapshot.cluster).toBe(committed);
    }
  });

  it('differ the way the example runbooks expect: io2-csi and cert-manager missing in DR, a failed daily backup', async () => {
    const read = (name: string) => JSON.parse(readFileSync(new URL(`../facts/${name}.json`, import.meta.url), 'utf8'));
    const [primary, dr] = [read('prod-euw1'), read('dr-euc1')];
    const names = (s: { kinds: Record<string, { items: { name: string }[] }> }, kind: string) => s.kinds[kind]!.items.map((i) => i.name);
    expect(names(primary, 'storageClasses')).toEqual(['gp3-csi', 'io2-csi']);
    expect(names(dr, 'storageClasses')).toEqual(['gp3-csi']);
    expect(names(primary, 'customResourceDefinitions').filter((n) => n.endsWith('cert-manager.io'))).toHaveLength(6);
    expect(names(dr, 'customResourceDefinitions').filter((n) => n.endsWith('cert-manager.io'))).toEqual([]);
    const daily = primary.kinds.backups.items.filter((b: { schedule?: string }) => b.schedule === 'cluster-daily');
    expect(daily.at(-1)).toMatchObject({ phase: 'Failed' });
  });
});
