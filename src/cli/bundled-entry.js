// @ts-check
/**
 * Runs a CLI from a bundle: one script instead of ~120 TypeScript modules, compiled from V8's
 * code cache.
 *
 * Why: Node strips types and links every module again at each start. For `lifeboat check` over
 * 1,000 runbooks, running the sources (with Node's compile cache) took 16% longer than the bundle
 * (CPU time +18%; issue 26, medians of 15 interleaved runs). This file is plain JavaScript (checked by
 * tsc through JSDoc) because it runs before any TypeScript: loading Node's type stripper alone
 * costs ~0.08 s.
 *
 * The bundle is a script (CommonJS), not a module, so its code cache can be written after its
 * first run: Node's compile cache is made when a module is compiled, before any of its functions
 * has run, and V8 compiles functions when they are first called, so ~960 of them were compiled
 * again by every check (~40 ms). `script.createCachedData()` after the run holds them all.
 *
 * The bundle is rebuilt when the sources change: its name carries a hash of the path, size and
 * modification time of every source file under src/, of package.json and package-lock.json. Its
 * code cache sits beside it; V8 refuses a cache made by another V8 or with other flags, and then
 * it is written again. When esbuild cannot bundle, the sources run as they are (slower, same
 * behaviour).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Script } from 'node:vm';
import { cacheDir, PACKAGE_ROOT } from './compile-cache.js';

/**
 * Runs `main()` of `entry` (a module under `root`/src that exports it, with no top-level await)
 * from its bundle, built first if missing.
 * @param {URL} entry
 * @param {BundleOptions} [options]
 * @returns {Promise<void>}
 */
export async function runBundled(entry, options = {}) {
  const bundle = await bundleFor(entry, options);
  if (bundle === undefined) {
    const { main } = await import(entry.href);
    return main();
  }
  const codeCache = bundle.replace(/\.cjs$/, '.v8cache');
  const cachedData = readIfPresent(codeCache);
  // Read as it is (the file already holds the wrapper, and UTF-8 is read straight into a string):
  // joining or converting a megabyte of source would copy it again.
  const script = new Script(readFileSync(bundle, 'utf8'), { filename: bundle, ...(cachedData ? { cachedData } : {}) });
  const module = { exports: /** @type {{ main?: () => Promise<void> }} */ ({}) };
  // Packages in the bundle resolve their own files (Sätteri's native binding) from where the
  // entry is, not from the cache: an installed Lifeboat may keep its dependencies to itself.
  const entryPath = fileURLToPath(entry);
  script.runInThisContext()(module.exports, createRequire(entryPath), module, bundle, dirname(bundle), pathToFileURL(entryPath).href);
  if (typeof module.exports.main !== 'function') throw new Error(`${bundle} does not export main()`);
  await module.exports.main();
  if (cachedData === undefined || script.cachedDataRejected) writeAtomically(codeCache, script.createCachedData());
}

/**
 * @typedef {object} BundleOptions
 * @property {string} [root] Lifeboat's folder, whose src/ the bundle is made of (this one unless a test says otherwise)
 * @property {string} [cache] the project's cache folder (LIFEBOAT_CACHE_DIR)
 */

/** What the bundle's function receives, in order. */
const BUNDLE_PARAMETERS = ['exports', 'require', 'module', '__filename', '__dirname', '__lifeboatBundleUrl'];

/**
 * The bundle of `entry` (built first if missing), or undefined when esbuild cannot bundle it (a
 * warning says why).
 * @param {URL} entry
 * @param {BundleOptions} [options]
 * @returns {Promise<string | undefined>}
 */
export async function bundleFor(entry, { root = PACKAGE_ROOT, cache = cacheDir() } = {}) {
  const dir = join(cache, 'bundles');
  const name = basename(fileURLToPath(entry)).replace(/\.[^.]+$/, '');
  const key = sourceKey(root);
  const bundle = join(dir, `${name}-${key}.cjs`);
  if (exists(bundle)) return bundle;
  try {
    await build(fileURLToPath(entry), bundle);
    for (const old of readdirSync(dir)) {
      if (old.startsWith(`${name}-`) && !old.startsWith(`${name}-${key}.`)) rmSync(join(dir, old), { force: true });
    }
    return bundle;
  } catch (error) {
    process.emitWarning(`Running ${name} from its sources: bundling failed (${error instanceof Error ? error.message : String(error)}).`);
    return undefined;
  }
}

/** @param {string} path */
const readIfPresent = (path) => {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
};

/**
 * @param {string} path
 * @param {Uint8Array} data
 */
function writeAtomically(path, data) {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

/** @param {string} path */
const exists = (path) => statSync(path, { throwIfNoEntry: false }) !== undefined;

/**
 * Hash of what the bundle is made of: every source file's path, size and mtime (~300 stats).
 * @param {string} root
 */
function sourceKey(root) {
  const src = join(root, 'src');
  const sources = readdirSync(src, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.includes('.test.'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  const hash = createHash('sha256');
  for (const file of [...sources, join(root, 'package.json'), join(root, 'package-lock.json')]) {
    const stat = statSync(file, { throwIfNoEntry: false });
    hash.update(`${file}\0${stat?.size}\0${stat?.mtimeMs}\n`);
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * Bundles `entry` into `out` (atomically: concurrent runs never see half a file).
 * @param {string} entry
 * @param {string} out
 */
async function build(entry, out) {
  const esbuild = await import('esbuild');
  mkdirSync(dirname(out), { recursive: true });
  const tmp = `${out}.${process.pid}.tmp`;
  const result = await esbuild.build({
    entryPoints: [entry],
    outfile: tmp,
    bundle: true,
    platform: 'node',
    // A script, so that runBundled can write its code cache after the run (see the top).
    format: 'cjs',
    target: 'node22',
    logLevel: 'silent',
    // Packages that find files beside themselves (Sätteri's native binding) ask import.meta.url.
    define: { 'import.meta.url': '__lifeboatBundleUrl' },
    // The script is one function of what a CommonJS module receives, and that URL.
    banner: { js: `(function (${BUNDLE_PARAMETERS.join(', ')}) {` },
    footer: { js: '\n})' },
  });
  // Any other use of import.meta would be empty in a script: run the sources instead.
  const empty = result.warnings.find((w) => /import\.meta/.test(w.text));
  if (empty) {
    rmSync(tmp, { force: true });
    throw new Error(`${empty.text} (${empty.location?.file}:${empty.location?.line})`);
  }
  renameSync(tmp, out);
}
