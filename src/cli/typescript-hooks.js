// @ts-check
/**
 * Lets Node run Lifeboat's TypeScript when Lifeboat is an installed package. Node strips types
 * itself for files outside node_modules (this checkout), but refuses to for files under
 * node_modules (ERR_UNSUPPORTED_NODE_MODULES_TYPE_STRIPPING), which is where a team's install
 * puts them. A load hook hands those files to Node's own stripper (`stripTypeScriptTypes`), so
 * the same sources run in both places, with no build step and no second copy in the package.
 * Importing this module registers the hook; child processes get it through `typescriptNodeArgs()`.
 */
import { registerHooks, stripTypeScriptTypes } from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const PACKAGE_URL = new URL('../../', import.meta.url).href;

/** True when this copy of Lifeboat sits inside a node_modules folder (an installed package). */
export const INSTALLED = PACKAGE_URL.includes('/node_modules/');

if (INSTALLED) {
  registerHooks({
    load(url, context, nextLoad) {
      if (!url.startsWith(PACKAGE_URL) || !url.endsWith('.ts') || url.includes('/node_modules/', PACKAGE_URL.length)) return nextLoad(url, context);
      return { format: 'module', source: stripTypes(readFileSync(fileURLToPath(url), 'utf8'), url), shortCircuit: true };
    },
  });
}

let quiet = false;
/**
 * Node's own stripper. Its first call warns that its JavaScript API is experimental; it is the
 * stripper Node runs on every .ts file outside node_modules, the engines range pins the Node
 * versions it runs on, and the warning says nothing a user could act on, so that one is muted.
 * @param {string} source
 * @param {string} url
 */
function stripTypes(source, url) {
  if (quiet) return stripTypeScriptTypes(source, { sourceUrl: url });
  const emitWarning = process.emitWarning;
  process.emitWarning = () => {};
  try {
    return stripTypeScriptTypes(source, { sourceUrl: url });
  } finally {
    process.emitWarning = emitWarning;
    quiet = true;
  }
}

/** Arguments for `node` that give a child process the same hook (none in a checkout). */
export function typescriptNodeArgs() {
  return INSTALLED ? ['--import', import.meta.url] : [];
}
