import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateContentKey, sealPayload } from '../private/seal.ts';
import { openPayload } from '../private/open.ts';
import { lockedBlock } from '../private/sealed-page.ts';
import { extractLocked, lockedList, readAudienceFiles, scriptJson } from './edition-private.ts';
import { extractRunbook } from './extract-runbook.ts';

const sealedPage = (block: string) => `<html><body><h1 id="_top">Private runbook</h1><div class="sl-markdown-content">${block}</div><footer>x</footer></body></html>`;

describe('private runbooks in the offline edition, the build’s side', () => {
  it('takes a sealed page’s slug, audiences and payload, the payload exactly as the page has it', async () => {
    const key = await generateContentKey();
    const payload = await sealPayload(key, JSON.stringify({ v: 1, id: 'secret', title: 'Secret', html: '<div class="lb-runbook"></div>' }), { context: 'abcdefghijklmnop' });
    const page = sealedPage(lockedBlock({ slug: 'abcdefghijklmnop', audiences: ['payments', 'sre'] }, JSON.stringify(payload), '/private/'));
    const locked = extractLocked(page)!;
    expect(locked).toEqual({ slug: 'abcdefghijklmnop', audiences: ['payments', 'sre'], payload });
    expect(JSON.stringify(locked.payload)).toBe(/data-lb-payload>(.*?)<\/script>/.exec(page)![1]);
    const opened = await openPayload(key, locked.payload, locked.slug);
    expect(opened.ok && JSON.parse(opened.text).title).toBe('Secret');
    // A sealed page has no runbook block for the public extraction, and a public page no locked block.
    expect(extractRunbook(page, undefined)).toBeUndefined();
    expect(extractLocked('<div class="lb-runbook" data-runbook="x"></div>')).toBeUndefined();
  });

  it('refuses a locked block without its payload rather than leave the runbook out silently', () => {
    expect(() => extractLocked(sealedPage('<div class="lb-locked not-content" data-lb-locked data-slug="s" data-audiences="[]"></div>'))).toThrow(/lacks its slug or payload/);
  });

  it('lists them as the site does, one locked entry each, linking into the edition', () => {
    const html = lockedList([
      { slug: 'aaaa', audiences: ['sre'], payload: {} },
      { slug: 'bbbb', audiences: ['payments', 'sre'], payload: {} },
    ]);
    expect(html).toContain('<li><a href="#rb-aaaa">Private runbook (sre)</a></li><li><a href="#rb-bbbb">Private runbook (payments, sre)</a></li>');
    expect(html).toContain('2 runbooks are encrypted');
    expect(lockedList([])).toBe('');
  });

  it('reads every audience’s keyring and search file, and writes JSON no script can be ended by', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lifeboat-edition-private-'));
    try {
      mkdirSync(join(dir, 'private'));
      for (const [name, value] of [['sre.json', { k: 1 }], ['sre.search.json', { s: 1 }], ['ops-team.json', { k: 2 }], ['notes.txt', 'x']] as const)
        writeFileSync(join(dir, 'private', name), JSON.stringify(value));
      expect(readAudienceFiles(dir)).toEqual({ keyrings: { 'ops-team': { k: 2 }, sre: { k: 1 } }, search: { sre: { s: 1 } } });
      expect(readAudienceFiles(join(dir, 'nowhere'))).toEqual({ keyrings: {}, search: {} });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(scriptJson({ a: '</script>' })).toBe('{"a":"\\u003c/script>"}');
  });
});
