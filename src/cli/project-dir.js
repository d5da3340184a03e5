// @ts-check
/**
 * Where a command's project is, before its configuration is read: the folder of `--config FILE`
 * (or LIFEBOAT_CONFIG), else the working directory. Caches go under the project's node_modules,
 * never into the installed package, which may be read-only.
 */
import { dirname, join, resolve } from 'node:path';

/**
 * @param {readonly string[]} args the command's arguments
 * @param {Record<string, string | undefined>} env
 * @param {string} cwd
 */
export function projectDirFor(args, env, cwd) {
  let config = env.LIFEBOAT_CONFIG || undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--') break;
    if (arg === '--config' && args[i + 1] !== undefined) config = args[i + 1];
    else if (arg.startsWith('--config=')) config = arg.slice('--config='.length);
  }
  return config ? dirname(resolve(cwd, config)) : cwd;
}

/** @param {string} projectDir */
export const cacheDirFor = (projectDir) => join(projectDir, 'node_modules', '.cache', 'lifeboat');
