/**
 * What a module an MDX runbook imports from provides, read without running it, so `check` can
 * refuse an import that would fail the build (issue 28, item 7): a missing file, a package that
 * is not installed, a name the module does not export.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, join } from 'node:path';
import { initSync, parse } from 'es-module-lexer';
import { PACKAGE_ROOT } from '../cli/compile-cache.js';

/**
 * The file `specifier` names, from the project (`root`) or else from Lifeboat's own packages,
 * which the build resolves too (it aliases Starlight's components to Lifeboat's copy).
 */
export function resolveModule(specifier: string, root: string): string | undefined {
  for (const from of [root, PACKAGE_ROOT]) {
    try {
      return createRequire(join(from, 'package.json')).resolve(specifier);
    } catch {
      // Not from here; try the next place.
    }
  }
  return undefined;
}

/** The names `file` exports, or undefined when they cannot be read statically (then nothing is checked). */
export function moduleExports(file: string): string[] | undefined {
  // An Astro, Markdown or MDX component is its default export.
  if (['.astro', '.md', '.mdx'].includes(extname(file))) return ['default'];
  if (!existsSync(file)) return undefined;
  try {
    initSync();
    const [, exports] = parse(readFileSync(file, 'utf8'));
    return exports.map((e) => e.n);
  } catch {
    return undefined;
  }
}

/** The names an import clause takes (`X`, `{ A, B as C }`, `* as N` → `default`, `A`, `B`; a namespace takes none). */
export function importedBindings(clause: string): string[] {
  const names: string[] = [];
  const braces = /\{([^}]*)\}/.exec(clause);
  const outside = clause.replace(/\{[^}]*\}/, '').replace(/\*\s+as\s+[\w$]+/, '');
  if (/[A-Za-z_$][\w$]*/.test(outside.replace(/,/g, ' ').trim())) names.push('default');
  for (const part of braces?.[1]?.split(',') ?? []) {
    const name = part.trim().split(/\s+as\s+/)[0]?.replace(/^type\s+/, '').trim();
    if (name) names.push(name);
  }
  return names;
}
