import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import jsYaml from 'js-yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { testdir } from '../../test/support/testdir.ts';
import { applyPatch, PATCHES } from './bundle-patches.js';

const installed = (patch: (typeof PATCHES)[number]) => {
  const file = fileURLToPath(import.meta.resolve('js-yaml'));
  expect(file).toMatch(patch.file);
  return file;
};

/** Documents through every path of js-yaml's flow collections, and the errors it raises there. */
const DOCUMENTS = [
  'owners: [a, b]\nmap: {x: 1, y: [2, 3]}\n',
  'pairs: [a: 1, b: 2]\nnested: {list: [{k: v}], empty: {}, none: []}\n',
  'anchored: &a {x: 1}\nagain: *a\nkey: !!str 3\n',
  'plain: text\nblock: |\n  line\nseq:\n  - one\n  - {two: 2}\n',
  'dup: {a: 1, a: 2}\n',
  'merge: {<<: {a: 1}, b: 2}\n',
  'broken: [a, b\n',
];

describe('bundle patches', () => {
  let root: string | undefined;
  afterEach(() => root && rmSync(root, { recursive: true, force: true }));

  it('every patch finds its text in the installed package', () => {
    for (const patch of PATCHES) expect(applyPatch(readFileSync(installed(patch), 'utf8'), patch), patch.why).toBeDefined();
  });

  it('js-yaml reads every document, with the same listener events and errors, once patched', async () => {
    const patch = PATCHES[0]!;
    root = testdir({});
    const file = join(root, 'js-yaml-patched.mjs');
    // Without its source map comment: the map stays beside the original.
    writeFileSync(file, applyPatch(readFileSync(installed(patch), 'utf8'), patch)!.replace(/^\/\/# sourceMappingURL=.*$/m, ''));
    const patched = (await import(pathToFileURL(file).href)).default as typeof jsYaml;
    const read = (yaml: typeof jsYaml, text: string) => {
      const events: unknown[] = [];
      try {
        const data = yaml.load(text, { listener: (event, state) => events.push([event, state.position, state.result]) });
        return { data, events };
      } catch (error) {
        return { error: (error as Error).message, events };
      }
    };
    for (const text of DOCUMENTS) expect(read(patched, text), text).toEqual(read(jsYaml, text));
  });
});
