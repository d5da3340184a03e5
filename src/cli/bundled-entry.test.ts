import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testdir } from '../../test/support/testdir.ts';
import { bundleFor, runBundled } from './bundled-entry.js';

/** What the test programs below leave behind when their main() runs. */
const ran = () => (globalThis as { __lifeboatRan?: unknown }).__lifeboatRan;

describe('bundled CLI entry', () => {
  let root: string;
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
    delete (globalThis as { __lifeboatRan?: unknown }).__lifeboatRan;
  });
  /** Sources and cache both in the test's folder. */
  const inRoot = () => ({ root, cache: join(root, 'node_modules/.cache/lifeboat') });
  const bundles = () => readdirSync(join(root, 'node_modules/.cache/lifeboat/bundles')).sort();
  const program = (answer: number) => `import { answer } from './part.ts';
export async function main(): Promise<void> {
  await Promise.resolve();
  (globalThis as { __lifeboatRan?: unknown }).__lifeboatRan = { value: answer * 2, url: __filename };
}
export const unused: number = ${answer};
`;

  it('runs main() from one bundled script, writes its code cache after the run, and rebuilds both when a source changes', async () => {
    root = testdir({ 'src/main.ts': program(1), 'src/part.ts': 'export const answer: number = 21;\n' });
    const entry = pathToFileURL(join(root, 'src/main.ts'));
    await runBundled(entry, inRoot());
    expect(ran()).toMatchObject({ value: 42, url: expect.stringMatching(/\/node_modules\/\.cache\/lifeboat\/bundles\/main-[0-9a-f]{16}\.cjs$/) });
    const [bundle, cache] = bundles();
    expect(cache).toBe(bundle!.replace(/\.cjs$/, '.v8cache'));
    const written = statSync(join(root, 'node_modules/.cache/lifeboat/bundles', cache!));
    expect(written.size).toBeGreaterThan(0);

    // Same sources: the same bundle, and V8 takes the cache (it is not written again).
    await runBundled(entry, inRoot());
    expect(bundles()).toEqual([bundle, cache]);
    expect(statSync(join(root, 'node_modules/.cache/lifeboat/bundles', cache!)).mtimeMs).toBe(written.mtimeMs);

    writeFileSync(join(root, 'src/part.ts'), 'export const answer: number = 50;\n');
    await runBundled(entry, inRoot());
    expect(ran()).toMatchObject({ value: 100 });
    const now = bundles();
    expect(now).toHaveLength(2);
    expect(now).not.toContain(bundle);
  });

  it('writes the code cache again when V8 refuses it', async () => {
    root = testdir({ 'src/main.ts': program(2), 'src/part.ts': 'export const answer: number = 1;\n' });
    const entry = pathToFileURL(join(root, 'src/main.ts'));
    const bundle = (await bundleFor(entry, inRoot()))!;
    const cache = bundle.replace(/\.cjs$/, '.v8cache');
    writeFileSync(cache, 'not a code cache');
    await runBundled(entry, inRoot());
    expect(ran()).toMatchObject({ value: 2 });
    expect(readFileSync(cache, 'latin1')).not.toBe('not a code cache');
  });

  it('keeps characters outside ASCII as they are', async () => {
    root = testdir({
      'src/main.ts': "// Sätteri — a comment\nexport const dash: string = '—…';\nexport async function main() { (globalThis as { __lifeboatRan?: unknown }).__lifeboatRan = dash; }\n",
    });
    await runBundled(pathToFileURL(join(root, 'src/main.ts')), inRoot());
    expect(ran()).toBe('—…');
  });

  it('runs the sources as they are, with a warning, when they cannot be bundled or need import.meta beyond its url', async () => {
    root = testdir({
      'src/missing.ts': "import { missing } from './nowhere.ts';\nexport const value = missing;\n",
      'src/main.ts': 'export async function main() { (globalThis as { __lifeboatRan?: unknown }).__lifeboatRan = import.meta.dirname; }\n',
    });
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    expect(await bundleFor(pathToFileURL(join(root, 'src/missing.ts')), inRoot())).toBeUndefined();
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/Running missing from its sources: bundling failed \(.*nowhere/s);
    await runBundled(pathToFileURL(join(root, 'src/main.ts')), inRoot());
    expect(String(warn.mock.calls[1]?.[0])).toMatch(/Running main from its sources: bundling failed \(.*import\.meta/s);
    expect(ran()).toBe(join(root, 'src'));
    expect(bundles().filter((f) => f.endsWith('.tmp'))).toEqual([]);
    warn.mockRestore();
  });
});
