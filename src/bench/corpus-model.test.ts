import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { loadRunbooks } from '../load/load-runbooks.ts';
import { runbookSource, writeRunbookCorpus } from './corpus.ts';
import { BENCH_CLUSTERS } from './corpus-markdown.ts';
import { corpusHead, corpusRunbook, serviceOf } from './corpus-model.ts';
import { median } from './measure.ts';

const SAMPLE = Array.from({ length: 1000 }, (_, i) => corpusRunbook(i));
const BYTES = new Map(SAMPLE.map((r) => [r, runbookSource(r).length]));
const steps = (r: (typeof SAMPLE)[number]) => (['prechecks', 'steps', 'verify', 'rollback'] as const).flatMap((s) => r.data[s] ?? []);

describe('corpusRunbook', () => {
  it('gives the same runbook for the same number, whatever was generated before', async () => {
    expect(runbookSource(corpusRunbook(17))).toBe(runbookSource(SAMPLE[17]!));
    // A fresh copy of the module that is asked for runbook 999 first still agrees on services.
    vi.resetModules();
    const fresh = await import('./corpus-model.ts');
    expect(fresh.serviceOf(999)).toBe(serviceOf(999));
    expect(Array.from({ length: 50 }, (_, i) => fresh.serviceOf(i))).toEqual(Array.from({ length: 50 }, (_, i) => serviceOf(i)));
  });

  it('gives every runbook its own id, and its head agrees with the whole', () => {
    expect(new Set(SAMPLE.map((r) => r.data.id)).size).toBe(SAMPLE.length);
    expect(corpusHead(123)).toMatchObject({ id: SAMPLE[123]!.data.id, title: SAMPLE[123]!.data.title, kind: SAMPLE[123]!.kind });
  });

  it('mixes DR procedures like runbooks/ with shorter alert runbooks like the imported ones', () => {
    const dr = SAMPLE.filter((r) => r.kind === 'dr');
    const alert = SAMPLE.filter((r) => r.kind === 'alert');
    expect(dr.length / SAMPLE.length).toBeGreaterThan(0.35);
    expect(dr.length / SAMPLE.length).toBeLessThan(0.45);
    // The examples in runbooks/: 5.7–10 KB, 6–10 steps, 6–12 commands, up to 9 decision nodes.
    expect(median(dr.map((r) => BYTES.get(r)!))).toBeGreaterThan(5000);
    expect(median(dr.map((r) => BYTES.get(r)!))).toBeLessThan(10000);
    expect(median(dr.map((r) => steps(r).length))).toBeGreaterThanOrEqual(6);
    expect(median(dr.map((r) => steps(r).flatMap((s) => s.commands ?? []).length))).toBeGreaterThanOrEqual(6);
    expect(Math.max(...dr.map((r) => r.data.decisions?.length ?? 0))).toBe(9);
    expect(dr.some((r) => r.format === 'mdx')).toBe(true);
    // The imported alert runbooks: a median of 1.4 KB of Markdown, most with few code blocks.
    expect(median(alert.map((r) => BYTES.get(r)!))).toBeLessThan(3000);
    expect(median(alert.map((r) => steps(r).flatMap((s) => s.commands ?? []).length))).toBeLessThanOrEqual(3);
  });

  it('groups runbooks by service, several to a service', () => {
    const services = new Set(SAMPLE.map((r) => r.data.service));
    expect(SAMPLE.length / services.size).toBeGreaterThan(4);
    expect(SAMPLE.length / services.size).toBeLessThan(8);
  });

  it('writes a corpus that loads with no format error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lifeboat-corpus-'));
    try {
      await writeRunbookCorpus(dir, 80);
      const result = await loadRunbooks(dir, { cwd: dir, clusters: BENCH_CLUSTERS, vars: {}, facts: new Map() });
      expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(result.runbooks).toHaveLength(80);
      expect(result.fileList.some((f) => f.endsWith('.mdx'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
