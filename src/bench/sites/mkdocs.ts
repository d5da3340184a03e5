/**
 * MkDocs with the Material theme (Debian packages) on the same content: one Markdown page per
 * runbook in a folder per service, navigation generated from the folders (the full tree on every
 * page, Material's default), and the built-in search plugin.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { commandSucceeds, ensureDebianPackages } from './debian.ts';
import { writeMarkdownCorpus, type SiteTool } from './site-tool.ts';

/**
 * Asks Python whether MkDocs knows a theme named "material". Debian's mkdocs registers the themes
 * in /usr/share/mkdocs/themes when mkdocs.themes is imported, so import it first.
 */
const HAS_MATERIAL = "import sys, mkdocs.themes, importlib.metadata as m; sys.exit(0 if any(e.name == 'material' for e in m.entry_points(group='mkdocs.themes')) else 1)";

/** True when mkdocs runs and the Python it runs on knows the Material theme. */
function materialInstalled(): boolean {
  if (!commandSucceeds('mkdocs', ['--version'])) return false;
  const shebang = spawnSync('sh', ['-c', 'head -n 1 "$(command -v mkdocs)"'], { encoding: 'utf8' }).stdout;
  const python = /^#!\s*(\S+)/.exec(shebang)?.[1] ?? 'python3';
  return commandSucceeds(python, ['-c', HAS_MATERIAL]);
}

export const mkdocsSite: SiteTool = {
  key: 'mkdocs',
  name: 'MkDocs Material',
  ready: async (log, options) => ensureDebianPackages(['mkdocs', 'mkdocs-material'], materialInstalled, log, options),
  async prepare(dir, count) {
    await mkdir(join(dir, 'docs'), { recursive: true });
    await writeFile(join(dir, 'mkdocs.yml'), "site_name: Bench runbooks\nsite_url: https://runbooks.example/\ntheme:\n  name: material\nplugins:\n  - search\n");
    await writeFile(join(dir, 'docs/index.md'), '# Bench runbooks\n\nEvery runbook is in the navigation.\n');
    await writeMarkdownCorpus(join(dir, 'docs'), count, (service, id) => `../../${service}/${id}/`, ({ data }, markdown) => [
      `${data.service}/${data.id}.md`,
      `# ${data.title}\n\n${markdown}`,
    ]);
  },
  command: (dir, out) => ({ command: 'mkdocs', args: ['build', '--quiet', '--config-file', join(dir, 'mkdocs.yml'), '--site-dir', out] }),
};
