// @ts-check
/**
 * Starts a CLI from a bundle: one JavaScript file instead of ~120 TypeScript modules.
 *
 * Why: Node strips types and links every module again at each start. For `npm run check` over
 * 1,000 runbooks that was 0.35–0.48 s of a 1 s budget; the bundle loads in ~0.13 s, ~0.1 s
 * with V8's compile cache. This file is plain JavaScript (checked by tsc through JSDoc) because
 * it runs before any TypeScript: loading Node's type stripper alone costs ~0.08 s.
 *
 * The bundle is rebuilt when the sources change: its name carries a hash of the path, size and
 * modification time of every source file under src/, of package.json and package-lock.json.
 * When esbuild cannot bundle, the sources run as they are (slower, same behaviour).
 */
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundlePatches } from './bundle-patches.js';
import { REPO, useCompileCache } from './compile-cache.js';

/**
 * The URL to import for `entry` (a module under `root`/src): its bundle, built first if missing.
 * @param {URL} entry
 * @param {{ root?: string }} [options] the project folder (this checkout unless a test says otherwise)
 * @returns {Promise<URL>}
 */
export async function bundledEntry(entry, { root = REPO } = {}) {
  const cache = join(root, 'node_modules', '.cache', 'lifeboat');
  const dir = join(cache, 'bundles');
  const name = basename(fileURLToPath(entry)).replace(/\.[^.]+$/, '');
  const bundle = join(dir, `${name}-${sourceKey(root)}.mjs`);
  // V8 keeps the compiled bundle between runs (bytecode, not the bundling: that is the file).
  useCompileCache(root);
  if (exists(bundle)) return pathToFileURL(bundle);
  try {
    await build(fileURLToPath(entry), bundle);
    for (const old of readdirSync(dir)) {
      if (old.startsWith(`${name}-`) && join(dir, old) !== bundle) rmSync(join(dir, old), { force: true });
    }
    return pathToFileURL(bundle);
  } catch (error) {
    process.emitWarning(`Running ${name} from its sources: bundling failed (${error instanceof Error ? error.message : String(error)}).`);
    return entry;
  }
}

/** @param {string} path */
const exists = (path) => statSync(path, { throwIfNoEntry: false }) !== undefined;

/**
 * Hash of what the bundle is made of: every source file's path, size and mtime (~300 stats, 3 ms).
 * Not node:crypto: loading it costs ~10 ms of every start, and this only tells builds apart.
 * @param {string} root
 */
function sourceKey(root) {
  const files = readdirSync(join(root, 'src'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.includes('.test.'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
  let key = '';
  for (const file of [...files, join(root, 'package.json'), join(root, 'package-lock.json')]) {
    const stat = statSync(file, { throwIfNoEntry: false });
    key += `${file}\0${stat?.size}\0${stat?.mtimeMs}\n`;
  }
  return fnv1a(key, 0x811c9dc5) + fnv1a(key, 0x050c5d1f);
}

/**
 * 32-bit FNV-1a of `text` from `seed`, as 8 hex digits (two seeds give the 16 of a bundle's name).
 * @param {string} text
 * @param {number} seed
 */
function fnv1a(text, seed) {
  let hash = seed;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/**
 * Bundles `entry` into `out` (atomically: concurrent runs never see half a file).
 * @param {string} entry
 * @param {string} out
 */
async function build(entry, out) {
  const esbuild = await import('esbuild');
  mkdirSync(join(out, '..'), { recursive: true });
  const tmp = `${out}.${process.pid}.tmp`;
  await esbuild.build({
    entryPoints: [entry],
    outfile: tmp,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    logLevel: 'silent',
    // Comments out and every character ASCII: V8 holds a source with a single non-ASCII character
    // (a dependency's comment) as UTF-16, twice the bytes to read and keep (~25 ms of a check).
    minifyWhitespace: true,
    legalComments: 'none',
    charset: 'ascii',
    plugins: [bundlePatches],
    // Bundled CommonJS packages call require() for Node's own modules.
    banner: { js: "import { createRequire as __lifeboatRequire } from 'node:module'; const require = __lifeboatRequire(import.meta.url);" },
  });
  renameSync(tmp, out);
}
