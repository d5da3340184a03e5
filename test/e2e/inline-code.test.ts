/**
 * Issue 27 polish: backticks in one-line texts render as code, not as raw Markdown. A runbook whose
 * summary, decision question, answer and outcome carry `code` next to HTML is built through
 * `lifeboat build` and `lifeboat pdf`; the page, the home page's table, an error page's "How to
 * fix", the offline edition and the binder are read back. The HTML around the code, and inside it,
 * must stay text.
 */
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorsData } from '../../src/errors/errors-data.ts';
import { errorSlug } from '../../src/reporters/docs-url.ts';
import { launchBrowser, newStrictPage } from '../support/browser.ts';
import { pdfText } from '../support/read-pdf.ts';
import { buildAndPrintProject } from '../support/printed-project.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';
import { RUNBOOK_HEAD } from '../support/testdir.ts';

const SUMMARY = 'Run `kubectl rollout restart <deploy>` when <b id="injected">pods</b> hang.';
const QUESTION = 'Does `kubectl get pods` show <i id="injected">CrashLoopBackOff</i>?';
const runbook = `${RUNBOOK_HEAD('coded')}${stringify({
  summary: SUMMARY,
  steps: [{ id: 'restart', title: 'Restart', body: 'Restart it.' }],
  decisions: [
    {
      id: 'root',
      question: QUESTION,
      answers: [
        { label: 'Yes, `CrashLoopBackOff`', outcome: 'Read `kubectl logs --previous` first.' },
        { label: 'No', goto: 'restart' },
      ],
    },
  ],
})}`;
// An error code whose "How to fix" marks code with backticks.
const [code, error] = Object.entries(errorsData).find(([, e]) => /`[^`]+`/.test(e.fix))!;

let dist: string;
let server: StaticServer;
let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  dist = await buildAndPrintProject('title: Coded\n', 'coded.yaml', runbook);
  server = await serveStatic(dist);
  browser = await launchBrowser();
  page = await newStrictPage(browser);
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The inner HTML of every element matching `selector`. */
const htmlOf = (selector: string) => page.locator(selector).evaluateAll((els) => els.map((el) => el.innerHTML));

describe('code in one-line texts', () => {
  it("renders the runbook page's summary, question, answer and outcome with <code>, the HTML as text", async () => {
    await page.goto(`${server.url}/runbooks/coded/`);
    expect(await htmlOf('.lb-summary')).toEqual(['Run <code>kubectl rollout restart &lt;deploy&gt;</code> when &lt;b id="injected"&gt;pods&lt;/b&gt; hang.']);
    expect(await htmlOf('.lb-outline-question strong')).toEqual(['Does <code>kubectl get pods</code> show &lt;i id="injected"&gt;CrashLoopBackOff&lt;/i&gt;?']);
    expect(await htmlOf('.lb-answer-label')).toEqual(['Yes, <code>CrashLoopBackOff</code>', 'No']);
    expect(await htmlOf('.lb-outcome')).toEqual(['Read <code>kubectl logs --previous</code> first.']);
    expect(await page.locator('#injected').count()).toBe(0);
    // The click-through reads the question back as text: the words, no backticks.
    expect(await page.locator('.lb-walk-question').textContent()).toBe('Does kubectl get pods show <i id="injected">CrashLoopBackOff</i>?');
    expect(await page.locator('.lb-tree-diagram svg').textContent()).not.toContain('`');
  });

  it("renders the home page's summary with <code>", async () => {
    await page.goto(`${server.url}/`);
    expect(await htmlOf('.lb-index-summary')).toEqual(['Run <code>kubectl rollout restart &lt;deploy&gt;</code> when &lt;b id="injected"&gt;pods&lt;/b&gt; hang.']);
  });

  it(`renders an error page's "How to fix" with <code> (${code})`, async () => {
    await page.goto(`${server.url}/errors/${errorSlug(code)}/`);
    const fix = page.locator('h2#how-to-fix + p');
    expect(await fix.locator('code').allTextContents()).toEqual([...error.fix.matchAll(/`([^`]+)`/g)].map((m) => m[1]));
    expect(await fix.textContent()).toBe(error.fix.replace(/`/g, ''));
  });

  it('shows the same in the offline edition', async () => {
    await page.goto(`${server.url}/lifeboat-offline.html`);
    await page.locator('#index a', { hasText: 'Runbook coded' }).click();
    const article = page.locator('article:not([hidden])');
    expect(await article.locator('.lb-summary').evaluate((el) => el.innerHTML)).toBe('Run <code>kubectl rollout restart &lt;deploy&gt;</code> when &lt;b id="injected"&gt;pods&lt;/b&gt; hang.');
    expect(await article.locator('.lb-outline-question code').allTextContents()).toEqual(['kubectl get pods']);
    expect(await page.locator('#injected').count()).toBe(0);
  });

  it('prints no backticks in the binder, and the HTML as text', () => {
    const text = pdfText(join(dist, 'binder.pdf')).replace(/\s+/g, ' ');
    expect(text).toContain('Run kubectl rollout restart <deploy> when <b id="injected">pods</b> hang.');
    expect(text).toContain('Does kubectl get pods show <i id="injected">CrashLoopBackOff</i>?');
    expect(text).not.toContain('`');
  });
});
