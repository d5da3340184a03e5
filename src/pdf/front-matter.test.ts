import { describe, expect, it } from 'vitest';
import { factsAge, renderContents, renderCover, replaceAfterDate } from './front-matter.ts';

const info = { builtAt: '2026-11-22T08:00:00.000Z', commit: 'abc123', buildId: 'b1', facts: {}, staleFacts: [] };

describe('dates on the cover', () => {
  it('puts the replace-after date the given number of days after the build', () => {
    expect(replaceAfterDate('2026-11-22T08:00:00.000Z', 30)).toBe('2026-12-22');
    expect(replaceAfterDate('2026-12-31T23:59:00.000Z', 1)).toBe('2027-01-01');
  });

  it('gives the age of the facts at build time in words', () => {
    expect(factsAge('2026-11-22T07:30:00Z', info.builtAt)).toBe('less than an hour before the build');
    expect(factsAge('2026-11-21T07:00:00Z', info.builtAt)).toBe('25 hours before the build');
    expect(factsAge('2026-11-12T08:00:00Z', info.builtAt)).toBe('10 days before the build');
    expect(factsAge('2026-11-23T08:00:00Z', info.builtAt)).toBe('collected after the build started');
    expect(factsAge('yesterday', info.builtAt)).toBe('age unknown');
  });
});

describe('renderCover', () => {
  it('escapes what comes from the manifest and the site', () => {
    const html = renderCover({
      siteTitle: 'Ops <script>',
      info: { ...info, facts: { 'eu-<b>1</b>': '2026-11-22T06:00:00Z' }, staleFacts: [{ cluster: 'eu-<b>1</b>', reason: 'timed <out>' }] },
      replaceAfterDays: 30,
      entries: [],
    });
    expect(html).toContain('<h1 class="lb-cover-title">Ops &lt;script&gt;</h1>');
    expect(html).toContain(
      '<td><code>eu-&lt;b&gt;1&lt;/b&gt;</code></td><td>2026-11-22 06:00 UTC</td><td>2 hours before the build — stale: could not be refreshed (timed &lt;out&gt;)</td>',
    );
    expect(html).not.toContain('<script>');
  });
});

describe('renderContents', () => {
  it('groups runbooks by service like the home page, each with its tier and page', () => {
    const html = renderContents([
      { id: 'b', title: 'B & co', service: 'web', tier: 1, page: 9 },
      { id: 'a', title: 'A', service: 'web', tier: 0, page: 3 },
      { id: 'c', title: 'C', service: 'db', tier: 2, page: 12 },
    ]);
    const rows = [...html.matchAll(/<h3>(.*?)<\/h3>|<li><span class="lb-toc-title">(.*?)<\/span>.*?"lb-toc-tier">(.*?)<.*?"lb-toc-page">(.*?)</g)].map((m) => m.slice(1).filter(Boolean).join(' '));
    expect(rows).toEqual(['db', 'C T2 12', 'web', 'A T0 3', 'B &amp; co T1 9']);
  });
});
