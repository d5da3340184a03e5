/**
 * Issue 28, items 2 and 7, through `lifeboat check` and `lifeboat build`: MDX runbooks are content
 * unless `mdx.allowCode` is on. Each hostile runbook writes a marker file when its code runs; the
 * same project built with code allowed is the control that proves each one would. And what
 * `check` accepts, `build` builds.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScript } from './support/run-script.ts';
import { RUNBOOK_HEAD, testdir } from './support/testdir.ts';

const mdx = (id: string, body: string) => `---\n${RUNBOOK_HEAD(id)}---\n${body}\n\n<Step id="look" title="Look">\nRead the dashboard.\n</Step>\n`;

function hostileProject(config: string) {
  const dir = testdir({ 'lifeboat.config.yaml': config });
  const marker = (name: string) => join(dir, `${name}.marker`);
  const files: Record<string, string> = {
    'export.mdx': mdx('by-export', `export const x = (await import("node:fs")).writeFileSync(${JSON.stringify(marker('export'))}, "1");`),
    'import.mdx': mdx('by-import', `import fs from "node:fs";\n\nWritten: {String(fs.writeFileSync(${JSON.stringify(marker('import'))}, "1"))}`),
    'inline.mdx': mdx('by-expression', `Inline {(() => process.getBuiltinModule("node:fs").writeFileSync(${JSON.stringify(marker('inline'))}, "1"))()}`),
  };
  mkdirSync(join(dir, 'runbooks'));
  mkdirSync(join(dir, 'facts'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'runbooks', name), text);
  return { dir, flags: ['--config', join(dir, 'lifeboat.config.yaml')], markers: ['export', 'import', 'inline'].map(marker) };
}

describe('MDX runbooks with code', () => {
  it('are errors in check, with code and position, and build refuses them without running any', async () => {
    const { flags, markers } = hostileProject('title: Hostile\n');
    const check = await runScript('check', flags);
    expect(check.code).toBe(1);
    const errors = [...check.stdout.matchAll(/runbooks\/(\S+)  error  (\w+)/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(errors).toMatchInlineSnapshot(`
      [
        "export.mdx:12:1 MdxCodeNotAllowed",
        "export.mdx:12:25 MdxCodeNotAllowed",
        "import.mdx:12:1 MdxImportNotAllowed",
        "import.mdx:14:10 MdxCodeNotAllowed",
        "inline.mdx:12:8 MdxCodeNotAllowed",
      ]
    `);
    expect(check.stdout).toContain('An `export` would run as code when the site is built, and MDX runbooks are content unless the configuration allows code.');
    expect(check.stdout).toContain('hint: If every author of every runbook may run code in your builds, set `mdx: { allowCode: true }` in lifeboat.config.yaml.');

    const build = await runScript('build', flags);
    expect(build.code).toBe(1);
    expect(build.stderr).toContain('Build stopped');
    expect(markers.filter(existsSync)).toEqual([]);
  });

  it('control: with mdx.allowCode the same runbooks build, and every one of them runs its code', async () => {
    const { flags, markers } = hostileProject('title: Hostile\nmdx: { allowCode: true }\n');
    const build = await runScript('build', flags);
    expect(build.code, build.stderr).toBe(0);
    expect(markers.filter(existsSync)).toEqual(markers);
  });
});

describe('what check accepts, build builds', () => {
  it('refuses in check what would break the build: a missing import, an export that throws, a misspelt component', async () => {
    const dir = testdir({
      'lifeboat.config.yaml': 'title: Broken\n',
      'runbooks/missing.mdx': mdx('missing', "import OnCallNote from '../components/OnCallNote.astro';\n\n<OnCallNote />"),
      'runbooks/throws.mdx': mdx('throws', 'export const x = (() => { throw new Error("boom"); })();'),
      'runbooks/misspelt.mdx': mdx('misspelt', "import { Asdie } from '@astrojs/starlight/components';\n\n<Asdie>Careful.</Asdie>"),
    });
    const check = await runScript('check', ['--config', join(dir, 'lifeboat.config.yaml')]);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/missing\.mdx:\d+:1 {2}error {2}MdxImportNotFound/);
    expect(check.stdout).toMatch(/throws\.mdx:\d+:1 {2}error {2}MdxCodeNotAllowed/);
    expect(check.stdout).toMatch(/misspelt\.mdx:\d+:1 {2}error {2}MdxImportUnknownName\n.*does not export "Asdie".*\n.*Did you mean "Aside"\?/);
  });

  it('builds content MDX: Starlight and allowed components, plain attributes, comments', async () => {
    const dir = testdir({
      'lifeboat.config.yaml': 'title: Content\nmdx: { imports: ["@astrojs/starlight/components", "components/"] }\n',
      'components/OnCallNote.astro': '---\nconst { team } = Astro.props;\n---\n<p class="on-call-note">Page {team}</p>\n',
      'runbooks/content.mdx': mdx(
        'content',
        "import { Aside } from '@astrojs/starlight/components';\nimport OnCallNote from '../components/OnCallNote.astro';\n\n{/* a note for authors */}\n\n<Aside type=\"caution\" title=\"Careful\">Freeze deploys first.</Aside>\n\n<OnCallNote team=\"edge-oncall\" />",
      ),
    });
    mkdirSync(join(dir, 'facts'));
    const flags = ['--config', join(dir, 'lifeboat.config.yaml')];
    const check = await runScript('check', flags);
    expect(check.stdout).not.toMatch(/ error /);
    const build = await runScript('build', flags);
    expect(build.code, build.stderr).toBe(0);
  });
});
