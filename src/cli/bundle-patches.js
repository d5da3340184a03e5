// @ts-check
/**
 * Edits to dependencies' code, made while bundling the CLIs (never to node_modules itself).
 * Each is a performance fix that changes no behaviour, with the text it expects to find: when a
 * new version of the package no longer has that text, the patch is skipped (the code runs as
 * published, only slower) and a test says so.
 */
import { readFile } from 'node:fs/promises';

/**
 * @typedef {object} Patch
 * @property {string} why
 * @property {RegExp} file which files (their path) the patch applies to
 * @property {[find: string, replace: string][]} edits applied in order, each after the previous one
 */

/** @type {Patch[]} */
export const PATCHES = [
  {
    why:
      'js-yaml tries readFlowCollection on every node that is not a block collection, and it made an Object.create(null) ' +
      'before looking at the first character: one dictionary object per scalar, 26 MB of garbage at 1,000 runbooks. ' +
      'It is now made once the node is known to be a flow collection.',
    file: /[\\/]js-yaml[\\/]dist[\\/]js-yaml\.mjs$/,
    edits: [
      ['const overridableKeys = /* @__PURE__ */ Object.create(null);', 'let overridableKeys;'],
      ['      return false;\n    }\n', '      return false;\n    }\n    overridableKeys = Object.create(null);\n'],
    ],
  },
];

/**
 * `source` with the patch's edits, or undefined when one of them does not find its text.
 * @param {string} source
 * @param {Patch} patch
 */
export function applyPatch(source, patch) {
  let text = source;
  let from = 0;
  for (const [find, replace] of patch.edits) {
    const at = text.indexOf(find, from);
    if (at === -1) return undefined;
    text = text.slice(0, at) + replace + text.slice(at + find.length);
    from = at + replace.length;
  }
  return text;
}

/**
 * The esbuild plugin that applies PATCHES.
 * @type {import('esbuild').Plugin}
 */
export const bundlePatches = {
  name: 'lifeboat-bundle-patches',
  setup(build) {
    for (const patch of PATCHES) {
      build.onLoad({ filter: patch.file }, async (args) => {
        const patched = applyPatch(await readFile(args.path, 'utf8'), patch);
        return patched === undefined ? undefined : { contents: patched, loader: 'js' };
      });
    }
  },
};
