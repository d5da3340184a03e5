import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testdir } from '../../test/support/testdir.ts';
import { bundledEntry } from './bundled-entry.js';

describe('bundled CLI entry', () => {
  let root: string;
  afterEach(() => rmSync(root, { recursive: true, force: true }));
  const bundles = () => readdirSync(join(root, 'node_modules/.cache/lifeboat/bundles'));

  it('runs the TypeScript entry as one bundled file, rebuilt when a source changes and never left stale', async () => {
    root = testdir({
      'src/main.ts': "import { answer } from './part.ts';\nexport const value: number = answer * 2;\n",
      'src/part.ts': 'export const answer: number = 21;\n',
    });
    const entry = pathToFileURL(join(root, 'src/main.ts'));
    const first = await bundledEntry(entry, { root });
    expect(first.pathname).toMatch(/\/node_modules\/\.cache\/lifeboat\/bundles\/main-[0-9a-f]{16}\.mjs$/);
    expect((await import(first.href)).value).toBe(42);
    // Same sources: the same bundle, not built again.
    expect((await bundledEntry(entry, { root })).href).toBe(first.href);

    writeFileSync(join(root, 'src/part.ts'), 'export const answer: number = 50;\n');
    const second = await bundledEntry(entry, { root });
    expect(second.href).not.toBe(first.href);
    expect((await import(second.href)).value).toBe(100);
    expect(bundles()).toEqual([second.pathname.split('/').at(-1)]);
  });

  it('writes an ASCII bundle, so V8 holds it as one byte per character', async () => {
    root = testdir({
      // A dependency's comment and a string with characters outside ASCII.
      'src/main.ts': "// Sätteri — a comment\nexport const dash: string = '—…';\n",
    });
    const bundle = await bundledEntry(pathToFileURL(join(root, 'src/main.ts')), { root });
    expect(readFileSync(bundle, 'latin1')).toMatch(/^[\x00-\x7f]*$/);
    expect((await import(bundle.href)).dash).toBe('—…');
  });

  it('bundles `npm run check` as ASCII (esbuild cannot escape a regular expression literal: write those with \\u escapes)', async () => {
    root = testdir({});
    const bundle = await bundledEntry(new URL('./check-main.ts', import.meta.url));
    const text = readFileSync(bundle, 'latin1');
    const outside = /[^\x00-\x7f]+/.exec(text);
    expect(outside && text.slice(outside.index - 60, outside.index + 20)).toBeNull();
  });

  it('runs the sources as they are, with a warning, when they cannot be bundled', async () => {
    root = testdir({ 'src/main.ts': "import { missing } from './nowhere.ts';\nexport const value = missing;\n" });
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    const entry = pathToFileURL(join(root, 'src/main.ts'));
    expect((await bundledEntry(entry, { root })).href).toBe(entry.href);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/Running main from its sources: bundling failed \(.*nowhere/s);
    expect(bundles().filter((f) => f.endsWith('.tmp'))).toEqual([]);
    warn.mockRestore();
  });
});
