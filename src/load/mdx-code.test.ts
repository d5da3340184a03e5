import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatLocation } from '../errors/issue.ts';
import { readMdxBody } from './mdx-body.ts';
import { DEFAULT_MDX_POLICY, type MdxPolicy } from './mdx-code.ts';

const root = mkdtempSync(join(tmpdir(), 'lifeboat-mdx-code-'));
mkdirSync(join(root, 'components'));
mkdirSync(join(root, 'runbooks'));
writeFileSync(join(root, 'components/Note.astro'), '<p>note</p>\n');
const file = join(root, 'runbooks/r.mdx');

const problems = (source: string, policy: Partial<MdxPolicy> = {}) =>
  readMdxBody(source, 'r.mdx', { ...DEFAULT_MDX_POLICY, root, ...policy }, file).issues.map((i) => `${formatLocation(i)} ${i.code}`);

describe('MDX as content', () => {
  it('accepts Markdown, Lifeboat and allowed components with literal attributes, and comments', () => {
    const source = `import { Aside } from '@astrojs/starlight/components';\nimport Note from '../components/Note.astro';\n\n{/* for authors */}\n\n<Aside type="tip" title='T' open={true} count={2}>Hi <kbd>k</kbd> [l](https://a.example)</Aside>\n\n<Note />\n`;
    expect(problems(source, { imports: ['@astrojs/starlight/components', 'components/'] })).toEqual([]);
  });

  it('reports exports, expressions, expression and spread attributes, and dynamic imports', () => {
    const source = `export const a = 1;\n\nText {a} and {import("node:fs")}\n\n<kbd {...a}>x</kbd> <kbd title={a}>y</kbd>\n`;
    expect(problems(source)).toEqual([
      'r.mdx:1:1 MdxCodeNotAllowed',
      'r.mdx:3:6 MdxCodeNotAllowed',
      'r.mdx:3:14 MdxCodeNotAllowed',
      'r.mdx:5:1 MdxCodeNotAllowed',
      'r.mdx:5:21 MdxCodeNotAllowed',
    ]);
  });

  it('reports imports from outside mdx.imports, side-effect ones included', () => {
    expect(problems(`import fs from 'node:fs';\nimport './style.css';\nimport Note from '../components/Note.astro';\n`)).toEqual([
      'r.mdx:1:1 MdxImportNotAllowed',
      'r.mdx:2:1 MdxImportNotFound',
      'r.mdx:3:1 MdxImportNotAllowed',
    ]);
  });

  it('reports unsafe HTML elements and links, unless raw HTML is allowed', () => {
    const source = `<script>alert(1)</script>\n\n<details open onToggle="alert(2)">x</details>\n\n[x](javascript:alert(3))\n\n<a href="data:text/html,hi">y</a>\n`;
    expect(problems(source)).toEqual(['r.mdx:1:1 MdxUnsafeHtml', 'r.mdx:3:1 MdxUnsafeHtml', 'r.mdx:5:1 MdxUnsafeHtml', 'r.mdx:7:1 MdxUnsafeHtml']);
    expect(problems(source, { allowHtml: true })).toEqual([]);
  });

  it('allows code with mdx.allowCode, but still refuses imports the build cannot resolve', () => {
    const source = `import fs from 'node:fs';\nimport Gone from './Gone.astro';\nimport { Asdie } from '@astrojs/starlight/components';\nexport const a = 1;\n\n{fs.readFileSync}\n`;
    expect(problems(source, { allowCode: true })).toEqual(['r.mdx:2:1 MdxImportNotFound', 'r.mdx:3:1 MdxImportUnknownName']);
  });
});
