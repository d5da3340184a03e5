import { describe, expect, it } from 'vitest';
import { binderFooters, layoutRunbooks, orderRunbooks, runbookFooters, titleDest } from './plan-binder.ts';

const dests = (pages: Record<string, number>) => new Map(Object.entries(pages).map(([id, page]) => [titleDest(id), { page }]));

describe('orderRunbooks', () => {
  it('orders like the site: service by name, then tier, then title, and names a page per runbook', () => {
    const runbook = (id: string, service: string, tier: number) => ({ path: `/runbooks/${id}/`, id, title: id.toUpperCase(), service, tier });
    const order = orderRunbooks([runbook('b', 'web', 1), runbook('a', 'web', 1), runbook('z', 'db', 3), runbook('c', 'web', 0)]);
    expect(order.map((r) => [r.id, r.pageName])).toEqual([
      ['z', 'lb-runbook-1'],
      ['c', 'lb-runbook-2'],
      ['a', 'lb-runbook-3'],
      ['b', 'lb-runbook-4'],
    ]);
  });
});

describe('layoutRunbooks', () => {
  it("gives each runbook the pages from its title to the next runbook's title", () => {
    expect(layoutRunbooks(['a', 'b', 'c'], dests({ a: 0, b: 3, c: 4 }), 9)).toEqual({
      layout: [
        { id: 'a', first: 0, pages: 3 },
        { id: 'b', first: 3, pages: 1 },
        { id: 'c', first: 4, pages: 5 },
      ],
    });
  });

  it('fails when a title has no page, or a runbook shares a page with the one before', () => {
    expect(layoutRunbooks(['a', 'b'], dests({ a: 0 }), 3).problem).toBe('no page was recorded for the title of runbook "b"');
    expect(layoutRunbooks(['a', 'b'], dests({ a: 0, b: 0 }), 3).problem).toBe('runbook "b" does not start on a page of its own');
    expect(layoutRunbooks(['a'], dests({ a: 1 }), 3).problem).toBe('runbook "a" does not start on a page of its own');
  });
});

describe('footers', () => {
  it('number binder pages across the front matter and give runbook pages their own count', () => {
    const footers = binderFooters(2, [{ id: 'a', first: 0, pages: 2 }, { id: 'b', first: 2, pages: 1 }], 'build x');
    expect(footers).toEqual([
      ['build x', '', 'Page 1 of 5'],
      ['build x', '', 'Page 2 of 5'],
      ['build x', 'a · 1/2', 'Page 3 of 5'],
      ['build x', 'a · 2/2', 'Page 4 of 5'],
      ['build x', 'b · 1/1', 'Page 5 of 5'],
    ]);
  });

  it("number a runbook's own PDF from 1", () => {
    expect(runbookFooters('a', 2, 'build x')).toEqual([
      ['build x', 'a', 'Page 1 of 2'],
      ['build x', 'a', 'Page 2 of 2'],
    ]);
  });
});
