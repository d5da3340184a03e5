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
  it('takes a sealed page’s slug, audiences and payload, the payload byte for byte the file beside its keyrings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lifeboat-edition-locked-'));
    try {
      const key = await generateContentKey();
      const payload = await sealPayload(key, JSON.stringify({ v: 1, id: 'secret', title: 'Secret', html: '<div class="lb-runbook"></div>' }), { context: 'abcdefghijklmnop' });
      mkdirSync(join(dir, 'private/0123456789abcdef'), { recursive: true });
      writeFileSync(join(dir, 'private/0123456789abcdef/abcdefghijklmnop.json'), JSON.stringify(payload));
      const page = sealedPage(lockedBlock({ slug: 'abcdefghijklmnop', audiences: ['payments', 'sre'] }, { keyrings: '/private/0123456789abcdef/' }));
      const locked = extractLocked(page, dir)!;
      expect(locked).toEqual({ slug: 'abcdefghijklmnop', audiences: ['payments', 'sre'], payload, keyrings: '/private/0123456789abcdef/' });
      const opened = await openPayload(key, locked.payload, locked.slug);
      expect(opened.ok && JSON.parse(opened.text).title).toBe('Secret');
      // A block that carries its payload (the edition's own) is read as it is.
      expect(extractLocked(sealedPage(lockedBlock(locked, { payload: JSON.stringify(payload) })), dir)!.payload).toEqual(payload);
      // A sealed page has no runbook block for the public extraction, and a public page no locked block.
      expect(extractRunbook(page, undefined)).toBeUndefined();
      expect(extractLocked('<div class="lb-runbook" data-runbook="x"></div>', dir)).toBeUndefined();
      // Refused rather than left out silently: a locked block whose payload cannot be found.
      expect(() => extractLocked(sealedPage(lockedBlock({ slug: 'zzzzzzzzzzzzzzzz', audiences: [] }, { keyrings: '/private/0123456789abcdef/' })), dir)).toThrow(/lacks its slug or payload/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
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
      mkdirSync(join(dir, 'private/0123456789abcdef'), { recursive: true });
      for (const [name, value] of [
        ['0123456789abcdef/sre.json', { kind: 'keyring', k: 1 }],
        ['0123456789abcdef/ops-team.json', { kind: 'keyring', k: 2 }],
        // A sealed page beside them: its name could be an audience's, its kind says it is not.
        ['0123456789abcdef/abcdefghijklmnop.json', { kind: 'page' }],
        ['sre.search.json', { s: 1 }],
        ['notes.txt', 'x'],
      ] as const)
        writeFileSync(join(dir, 'private', name), JSON.stringify(value));
      expect(readAudienceFiles(dir, '/private/0123456789abcdef/')).toEqual({ keyrings: { 'ops-team': { kind: 'keyring', k: 2 }, sre: { kind: 'keyring', k: 1 } }, search: { sre: { s: 1 } } });
      expect(readAudienceFiles(join(dir, 'nowhere'))).toEqual({ keyrings: {}, search: {} });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(scriptJson({ a: '</script>' })).toBe('{"a":"\\u003c/script>"}');
  });
});
