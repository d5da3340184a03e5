import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scaleSnapshot } from '../bench/corpus.ts';
import { FactsSnapshotSchema } from '../schema/facts.ts';
import { parseSnapshot, serializeSnapshot } from './snapshot-file.ts';

// parseSnapshot hands back the JSON data itself once zod's compiled validator accepts it, instead
// of the schema's parse output: these prove the two are the same thing and fail the same way.
const demo = ['prod-euw1', 'dr-euc1'].map((cluster) => ({ cluster, text: readFileSync(`facts/${cluster}.json`, 'utf8') }));

describe('reading a snapshot', () => {
  it.each(demo)('returns the demo snapshot $cluster exactly as the schema parses it', ({ cluster, text }) => {
    const { snapshot, issues } = parseSnapshot(text, `facts/${cluster}.json`);
    expect(issues).toEqual([]);
    expect(snapshot).toStrictEqual(FactsSnapshotSchema.parse(JSON.parse(text)));
  });

  it('returns a large snapshot (2,000 CRDs, 5,000 Services, backups with timestamps) exactly as the schema parses it', () => {
    const text = serializeSnapshot(scaleSnapshot('dr'));
    const { snapshot } = parseSnapshot(text, 'facts/dr.json');
    expect(snapshot?.kinds.customResourceDefinitions.status === 'ok' && snapshot.kinds.customResourceDefinitions.items.length).toBe(2000);
    expect(snapshot).toStrictEqual(FactsSnapshotSchema.parse(JSON.parse(text)));
  });

  it('rejects what the schema rejects deep inside a list: an unknown key, a bad timestamp', () => {
    const good = JSON.parse(demo[0]!.text);
    const withExtraKey = structuredClone(good);
    withExtraKey.kinds.customResourceDefinitions.items[0].token = 'x';
    const withBadTime = structuredClone(good);
    withBadTime.kinds.backups.items[0].startTimestamp = 'yesterday';
    for (const [bad, fragment] of [
      [withExtraKey, 'customResourceDefinitions.items[0]'],
      [withBadTime, 'backups.items[0].startTimestamp'],
    ] as const) {
      const { snapshot, issues } = parseSnapshot(JSON.stringify(bad, null, 2), 'facts/prod-euw1.json');
      expect(snapshot).toBeUndefined();
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({ code: 'FactsInvalid', position: { type: 'source' } });
      expect(issues[0]!.message).toContain(fragment);
    }
  });
});

describe('writing a snapshot', () => {
  it('writes each list item on one line of its own and reads back as the same snapshot', () => {
    const snapshot = scaleSnapshot('dr');
    const text = serializeSnapshot(snapshot);
    expect(JSON.parse(text)).toStrictEqual(JSON.parse(JSON.stringify(snapshot)));
    const lines = new Set(text.split('\n').map((line) => line.trim().replace(/,$/, '')));
    const crds = snapshot.kinds.customResourceDefinitions;
    expect(crds.status === 'ok' && crds.items.every((item) => lines.has(JSON.stringify(item)))).toBe(true);
    expect(text).toMatch(/^\{\n {2}"version": 1,\n {2}"cluster": "dr",\n/);
    expect(text.endsWith('}\n')).toBe(true);
    // Against the fully indented form: about half the bytes to read at every check.
    expect(text.length).toBeLessThan(0.6 * JSON.stringify(snapshot, null, 2).length);
  });

  it('leaves out what JSON leaves out, and writes empty lists and objects on their line', () => {
    const text = serializeSnapshot({ ...scaleSnapshot('dr'), context: undefined, kinds: {} } as never);
    expect(text).not.toContain('"context"');
    expect(text).toContain('"kinds": {}');
  });
});
