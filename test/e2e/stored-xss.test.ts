/**
 * Issue 28, item 1: script in a runbook's Markdown never runs for a reader. A YAML runbook whose
 * step and decision bodies carry the reported payloads is built twice through `lifeboat build`:
 * as a team gets it (sanitized, with the pages' Content-Security-Policy) and with
 * `markdown.allowHtml: true`. The second build, opened with CSP bypassed, is the control: there
 * every payload does set its marker, so a marker that stays unset means something stopped it.
 * Then the page over http, the offline edition over http and from file://, and the binder's links.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFString, PDFHexString } from 'pdf-lib';
import type { BrowserContext, Page } from 'playwright-core';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { runScript } from '../support/run-script.ts';
import { buildAndPrintProject } from '../support/printed-project.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';
import { RUNBOOK_HEAD } from '../support/testdir.ts';

/** Each payload records its name in the top window, so the test can read what ran. */
const mark = (name: string) => `(window.top.__xss=window.top.__xss||[]).push('${name}')`;

const STEP_BODY = `Every payload from the report:

<script>${mark('script')}</script>

<details open ontoggle="${mark('ontoggle')}"><summary>Toggle</summary>inside</details>

<iframe srcdoc="<script>${mark('iframe')}</script>"></iframe>

<img src="missing.png" onerror="${mark('onerror')}">

[md-link](javascript:${mark('md-link')}) and <a href="javascript:${mark('html-link')}">html-link</a>
`;
const DECISION_BODY = `Look first: <img src="gone.png" onerror="${mark('decision')}"> [decision-link](javascript:${mark('decision-link')})`;
const ALL = ['decision', 'decision-link', 'html-link', 'iframe', 'md-link', 'onerror', 'ontoggle', 'script'];

const runbook = `${RUNBOOK_HEAD('hostile')}${stringify({
  steps: [{ id: 'payloads', title: 'Payloads', body: STEP_BODY }],
  decisions: [{ id: 'root', question: 'Carry on?', body: DECISION_BODY, answers: [{ label: 'Yes', outcome: 'Done.' }, { label: 'No', outcome: 'Stop.' }] }],
})}`;

let safe: string;
let trusting: string;
const servers: StaticServer[] = [];
const browsers: BrowserContext[] = [];

const buildProject = (config: string) => buildAndPrintProject(config, 'hostile.yaml', runbook);

beforeAll(async () => {
  safe = await buildProject('title: Hostile\n');
  trusting = await buildProject('title: Hostile\nmarkdown: { allowHtml: true }\n');
}, 300_000);
afterAll(async () => {
  await Promise.all([...browsers.map((b) => b.close()), ...servers.map((s) => s.close())]);
});

async function browser(bypassCSP: boolean): Promise<BrowserContext> {
  const context = await launchBrowser({ bypassCSP });
  browsers.push(context);
  return context;
}
async function serve(dir: string): Promise<string> {
  const server = await serveStatic(dir);
  servers.push(server);
  return server.url;
}

/** Opens `url`, clicks every payload link, and returns the markers set, with the CSP reports seen. */
async function payloadsFired(context: BrowserContext, url: string, open?: (page: Page) => Promise<void>): Promise<{ fired: string[]; refused: string[] }> {
  const page = await context.newPage();
  const refused: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
  });
  await page.goto(url);
  await open?.(page);
  await page.waitForTimeout(300);
  await page.evaluate(() => {
    for (const a of document.querySelectorAll('a')) if (/link$/.test(a.textContent ?? '')) a.click();
  });
  await page.waitForTimeout(700);
  const fired = await page.evaluate(() => [...new Set((window as unknown as { __xss?: string[] }).__xss ?? [])].sort());
  await page.close();
  return { fired, refused };
}

const openRunbook = async (page: Page) => {
  await page.locator('#index a', { hasText: 'Runbook hostile' }).click();
  await page.locator('article:not([hidden]) h1').waitFor();
};

describe('lifeboat check', () => {
  it('warns about every fragment the sanitizer removes, at its position, and passes', async () => {
    const result = await runScript('check', ['--config', join(safe, '..', 'lifeboat.config.yaml')]);
    const found = [...result.stdout.matchAll(/hostile\.yaml:(\d+:\d+) {2}warning {2}(RawHtmlRemoved|UnsafeLinkRemoved)/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(found).toMatchInlineSnapshot(`
      [
        "16:7 RawHtmlRemoved",
        "18:7 RawHtmlRemoved",
        "20:7 RawHtmlRemoved",
        "22:7 RawHtmlRemoved",
        "24:7 UnsafeLinkRemoved",
        "24:89 RawHtmlRemoved",
        "28:24 RawHtmlRemoved",
        "29:67 UnsafeLinkRemoved",
      ]
    `);
    expect(result.code).toBe(0);
  });
});

describe('a runbook page served over http', () => {
  it('control: with raw HTML allowed and CSP bypassed, every payload fires', async () => {
    expect((await payloadsFired(await browser(true), `${await serve(trusting)}/runbooks/hostile/`)).fired).toEqual(ALL);
  });

  it('fires none: the sanitizer alone (CSP bypassed), and with the CSP, with no policy violation', async () => {
    const url = `${await serve(safe)}/runbooks/hostile/`;
    expect((await payloadsFired(await browser(true), url)).fired).toEqual([]);
    expect(await payloadsFired(await browser(false), url)).toEqual({ fired: [], refused: [] });
  });

  it('fires none with raw HTML allowed: the CSP alone refuses them', async () => {
    const { fired, refused } = await payloadsFired(await browser(false), `${await serve(trusting)}/runbooks/hostile/`);
    expect(fired).toEqual([]);
    expect(refused.length).toBeGreaterThan(0);
  });
});

describe('the single-file offline edition', () => {
  it('control: with raw HTML allowed and CSP bypassed, its payloads fire from file://', async () => {
    const { fired } = await payloadsFired(await browser(true), `file://${join(trusting, 'lifeboat-offline.html')}`, openRunbook);
    // innerHTML never runs <script>; everything else does.
    expect(fired).toEqual(expect.arrayContaining(['html-link', 'md-link', 'onerror']));
  });

  it('fires none from file:// or over http, and its own script runs under its policy', async () => {
    const context = await browser(false);
    for (const url of [`file://${join(safe, 'lifeboat-offline.html')}`, `${await serve(safe)}/lifeboat-offline.html`]) {
      const { fired, refused } = await payloadsFired(context, url, openRunbook);
      expect(fired, url).toEqual([]);
      // The file loads nothing outside itself: a runbook's relative <img> is refused, by design.
      expect(refused.filter((text) => !/^Loading the image '[^']*\/(missing|gone)\.png'/.test(text)), url).toEqual([]);
    }
  });
});

describe('the binder', () => {
  it('control: with raw HTML allowed, javascript: links become link annotations', async () => {
    expect((await linkTargets(trusting)).filter((uri) => uri.startsWith('javascript:')).length).toBeGreaterThan(0);
  });

  it('has no javascript: or data: link annotation, in the binder or the runbook PDF', async () => {
    const uris = await linkTargets(safe);
    expect(uris.filter((uri) => /^\s*(javascript|data):/i.test(uri))).toEqual([]);
  });
});

/** Every /URI of every link annotation in binder.pdf and pdf/*.pdf. */
async function linkTargets(dist: string): Promise<string[]> {
  const files = [join(dist, 'binder.pdf'), ...readdirSync(join(dist, 'pdf')).map((f) => join(dist, 'pdf', f))];
  const uris: string[] = [];
  for (const file of files) {
    const pdf = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
    for (const page of pdf.getPages()) {
      const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
      for (let i = 0; i < (annots?.size() ?? 0); i++) {
        const action = annots!.lookup(i, PDFDict).lookupMaybe(PDFName.of('A'), PDFDict);
        const uri = action?.lookupMaybe(PDFName.of('URI'), PDFString, PDFHexString);
        if (uri) uris.push(uri.decodeText());
      }
    }
  }
  return uris;
}
