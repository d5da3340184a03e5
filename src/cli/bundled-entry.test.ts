import { readdirSync, rmSync, writeFileSync } from 'node:fs';
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
