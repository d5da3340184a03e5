/** `lifeboat init`: a new project in a folder, with nothing of Lifeboat's source copied into it. */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import packageJson from '../../../package.json' with { type: 'json' };
import { planInit } from '../../init/plan-init.ts';
import { EXIT, exitWithUsage, parseCommandLine } from '../cli-kit.ts';

const USAGE = `Usage: lifeboat init [DIR] [--title TEXT]

Creates a Lifeboat project in DIR (default: this folder): package.json with lifeboat as a
devDependency, lifeboat.config.yaml with every setting commented, one YAML and one MDX starter
runbook, facts/, .gitignore, and CI workflows for GitHub Actions and GitLab CI.
It never overwrites: if any of those files exists, it writes nothing and names them.
A package.json that already depends on lifeboat is kept as it is.
Then: npm install, and npx lifeboat check / build / pdf.

  --title TEXT      site title (default: from the folder's name)

Exit codes: 0 created, 1 files in the way, 2 usage error.`;

const { values: flags, positionals } = parseCommandLine({ title: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, USAGE, process.argv.slice(2), true);
if (positionals.length > 1) exitWithUsage(`Name one folder, not ${positionals.length}.`, USAGE);
const dir = resolve(positionals[0] ?? '.');
const shown = relative(process.cwd(), dir) || '.';

let planned = planInit({ dir, version: packageJson.version, today: new Date(), ...(flags.title ? { title: flags.title } : {}) });
if (dependsOnLifeboat(join(dir, 'package.json'))) planned = planned.filter((file) => file.path !== 'package.json');
const inTheWay = planned.filter((file) => blocked(join(dir, file.path)));
if (inTheWay.length) {
  process.stderr.write(
    `lifeboat init wrote nothing: ${inTheWay.length === 1 ? 'this file is' : 'these files are'} in the way in ${shown}:\n` +
      inTheWay.map((file) => `  ${file.path}\n`).join('') +
      `Run it in a new folder, or move ${inTheWay.length === 1 ? 'that file' : 'those files'} away first; init never overwrites a file.` +
      (inTheWay.some((file) => file.path === 'package.json') ? '\nTo keep your package.json, add Lifeboat to it first (npm install --save-dev lifeboat) and run init again.' : '') +
      '\n',
  );
  process.exit(EXIT.failed);
}

for (const file of planned) {
  const path = join(dir, file.path);
  mkdirSync(dirname(path), { recursive: true });
  // 'wx': fail rather than overwrite, should a file appear between the check and the write.
  writeFileSync(path, file.content, { flag: 'wx' });
}
process.stdout.write(
  `Created a Lifeboat project in ${shown}:\n${planned.map((file) => `  ${file.path}\n`).join('')}\nNext:\n` +
    (shown === '.' ? '' : `  cd ${shown}\n`) +
    `  npm install\n  npx lifeboat check && npx lifeboat build && npx lifeboat pdf\n`,
);
process.exitCode = EXIT.ok;

/** True when `path` exists, or one of its folders exists as something other than a folder. */
function blocked(path: string): boolean {
  if (existsSync(path)) return true;
  for (let parent = dirname(path); parent !== dir && parent.startsWith(dir); parent = dirname(parent)) {
    if (existsSync(parent)) return !statSync(parent).isDirectory();
  }
  return false;
}

function dependsOnLifeboat(file: string): boolean {
  try {
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { dependencies?: object; devDependencies?: object };
    return Object.hasOwn(pkg.dependencies ?? {}, 'lifeboat') || Object.hasOwn(pkg.devDependencies ?? {}, 'lifeboat');
  } catch {
    return false;
  }
}
