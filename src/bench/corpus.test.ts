import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { makeScaleCluster } from '../../test/support/fake-kube/index.ts';
import { corpusRunbook } from './corpus-model.ts';
import { runbookSource, scaleSnapshot } from './corpus.ts';

const first = (format: 'yaml' | 'mdx') => Array.from({ length: 200 }, (_, i) => corpusRunbook(i)).find((r) => r.format === format)!;

describe('runbookSource', () => {
  it('writes a YAML runbook that reads back as the same data', () => {
    const runbook = first('yaml');
    expect(parse(runbookSource(runbook))).toEqual(runbook.data);
  });

  it('writes an MDX runbook with the steps in the body and everything else in the frontmatter', () => {
    const runbook = first('mdx');
    const source = runbookSource(runbook);
    const [, frontmatter, body] = source.split(/^---$/m);
    const { steps, verify, rollback, ...rest } = runbook.data;
    expect(parse(frontmatter!)).toEqual(rest);
    expect(body!.match(/<Step /g)).toHaveLength([...(steps ?? []), ...(verify ?? []), ...(rollback ?? [])].length);
    expect(body!.match(/<Command/g)?.length).toBe([...(steps ?? []), ...(verify ?? []), ...(rollback ?? [])].flatMap((s) => s.commands ?? []).length);
  });
});

describe('scaleSnapshot', () => {
  it('holds the issue\'s large cluster: 200 namespaces, 2,000 CRDs, 20,000 EndpointSlices', () => {
    const slices = makeScaleCluster().objects.filter((o) => o.kind === 'EndpointSlice');
    expect(slices).toHaveLength(20_000);
    const { kinds } = scaleSnapshot('big');
    const items = (kind: 'namespaces' | 'customResourceDefinitions') => { const k = kinds[kind]; return k.status === 'ok' ? k.items : []; };
    expect(items('namespaces')).toHaveLength(200);
    expect(items('customResourceDefinitions')).toHaveLength(2000);
    // Every slice is folded into its Service's endpoint counts: 5,000 Services × 6 endpoints.
    const services = kinds.services.status === 'ok' ? kinds.services.items : [];
    expect(services).toHaveLength(5000);
    expect(services.reduce((n, s) => n + (s.endpoints ? s.endpoints.ready + s.endpoints.notReady : 0), 0)).toBe(30_000);
  });
});
