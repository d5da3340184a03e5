/**
 * Hugo (Debian package) on the same content: one Markdown page per runbook, grouped in a section
 * per service, with a minimal theme whose every page carries the full navigation, as the issue's
 * reference measurement did.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { commandSucceeds, ensureDebianPackages } from './debian.ts';
import { quoted, writeMarkdownCorpus, type SiteTool } from './site-tool.ts';

const BASEOF = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }} | {{ .Site.Title }}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><nav><ul>{{ range .Site.Sections }}<li>{{ .Title }}<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></li>{{ end }}</ul></nav>
<main>{{ block "main" . }}{{ end }}</main></body></html>
`;
const SINGLE = '{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}\n';
const LIST = '{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n';

export const hugoSite: SiteTool = {
  key: 'hugo',
  name: 'Hugo',
  ready: async (log, options) => ensureDebianPackages(['hugo'], () => commandSucceeds('hugo', ['version']), log, options),
  async prepare(dir, count) {
    await mkdir(join(dir, 'layouts/_default'), { recursive: true });
    await mkdir(join(dir, 'content'), { recursive: true });
    await writeFile(join(dir, 'hugo.toml'), "baseURL = 'https://runbooks.example/'\ntitle = 'Bench runbooks'\ndisableKinds = ['taxonomy', 'term', 'RSS']\n");
    await writeFile(join(dir, 'layouts/_default/baseof.html'), BASEOF);
    await writeFile(join(dir, 'layouts/_default/single.html'), SINGLE);
    await writeFile(join(dir, 'layouts/_default/list.html'), LIST);
    await writeFile(join(dir, 'content/_index.md'), '---\ntitle: Bench runbooks\n---\n');
    await writeMarkdownCorpus(join(dir, 'content'), count, (service, id) => `/${service}/${id}/`, ({ data }, markdown) => [
      `${data.service}/${data.id}.md`,
      `---\ntitle: ${quoted(data.title)}\n---\n\n${markdown}`,
    ]);
  },
  command: (dir, out) => ({ command: 'hugo', args: ['--quiet', '--source', dir, '--destination', out] }),
};
