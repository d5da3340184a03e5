/**
 * What `lifeboat init` writes into a team's folder: the project's own files only (configuration,
 * starter runbooks, CI workflows), never a copy of Lifeboat. Pure: the caller looks at the folder
 * and writes.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const TEMPLATES = fileURLToPath(new URL('../../templates/project/', import.meta.url));

/**
 * Template files whose name in the project differs: npm leaves `.gitignore` out of packages, and
 * dot-folders are easy to lose on the way, so the templates keep plain names.
 */
const RENAMED: Record<string, string> = {
  gitignore: '.gitignore',
  'github-workflow.yml': '.github/workflows/lifeboat.yml',
  'gitlab-ci.yml': '.gitlab-ci.yml',
};

export interface InitOptions {
  /** The folder the project is created in (its name becomes the package name). */
  dir: string;
  title?: string;
  /** Lifeboat's version, which package.json depends on. */
  version: string;
  /** Today, for the starter runbooks' `lastReviewed`. */
  today: Date;
}

export interface PlannedFile {
  /** Path relative to the project folder, with forward slashes. */
  path: string;
  content: string;
}

export function planInit(options: InitOptions): PlannedFile[] {
  const title = options.title ?? `${titleCase(basename(options.dir))} DR runbooks`;
  const fill = (text: string) => text.replaceAll('__TITLE__', yamlScalar(title)).replaceAll('__TODAY__', options.today.toISOString().slice(0, 10));
  const files = templateFiles(TEMPLATES).map((file) => {
    const path = relative(TEMPLATES, file).split('\\').join('/');
    return { path: RENAMED[path] ?? path, content: fill(readFileSync(file, 'utf8')) };
  });
  files.push({ path: 'package.json', content: packageJson(options) });
  return files.sort((a, b) => (a.path < b.path ? -1 : 1));
}

function packageJson({ dir, version }: InitOptions): string {
  const name =
    basename(dir)
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^[._-]+|-+$/g, '') || 'runbooks';
  const run = (command: string) => `lifeboat ${command}`;
  const pkg = {
    name,
    private: true,
    type: 'module',
    scripts: { check: run('check'), build: run('build'), pdf: run('pdf'), facts: run('facts'), drill: run('drill'), dev: run('dev'), preview: run('preview') },
    devDependencies: { lifeboat: `^${version}` },
    // esbuild's install script only checks that its binary landed; approving it keeps npm quiet.
    allowScripts: { esbuild: true },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

function templateFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? templateFiles(path) : [path];
    });
}

const titleCase = (name: string) =>
  name
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join(' ') || 'Team';

/** A title as a YAML scalar: plain when that reads back as the same string, quoted otherwise. */
const yamlScalar = (text: string) => (/^[A-Za-z0-9][\w .,()/-]*$/.test(text) && !/:\s|\s#/.test(text) ? text : JSON.stringify(text));
