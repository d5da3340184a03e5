/**
 * `lifeboat build` end to end: the real script builds a small fixture site; the tests read the
 * generated HTML and the manifest, and prove a failed build never replaces a good one.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { leftoverTemporaries, snapshotFolder } from './support/folder-snapshot.ts';
import { UNUSED_PAGEFIND_FILES } from '../src/build/prune-pagefind.ts';
import { runScript } from './support/run-script.ts';
import { RUNBOOK_HEAD, testdir } from './support/testdir.ts';

const FIXTURE = new URL('./fixtures/site-basic/', import.meta.url).pathname;

let work: string;
let out: string;
const page = (path: string) => readFileSync(join(out, path), 'utf8');
/** The HTML of the first command block on a page, with its DOM id normalised. */
const commandBlock = (html: string) =>
  html
    .match(/<div class="lb-command[\s\S]*?<\/pre><div class="lb-expect">[\s\S]*?<\/div><\/div>/)![0]
    .replace(/cmd-[\w-]+/g, 'cmd-ID');

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'lifeboat-build-'));
  out = join(work, 'dist');
  const result = await runScript('build', ['--runbooks', FIXTURE, '--out', out], { env: { LIFEBOAT_COMMIT: 'abc123def4567890' } });
  expect(result.stderr).not.toMatch(/error/i);
  expect(result.code).toBe(0);
  expect(result.stdout).toMatch(/^Readiness: \d+ errors?, \d+ warnings? \(lifeboat check lists them\); publishing anyway\.\nBuilt 3 runbooks into .*: \d+ files, [\d.]+ MB, in [\d.]+ s\.\n$/);
});

describe('the built site', () => {
  it('has a page per runbook, the home page (the index by service), error pages and a search index', () => {
    for (const path of ['index.html', '404.html', 'runbooks/yaml-twin/index.html', 'runbooks/mdx-twin/index.html', 'errors/unknown-key/index.html', 'pagefind/pagefind.js']) {
      expect(existsSync(join(out, path)), path).toBe(true);
    }
  });

  it('ships only the Pagefind files the search dialog loads (the unused UIs are not precached either)', () => {
    expect(existsSync(join(out, 'pagefind/pagefind-ui.js'))).toBe(true);
    const serviceWorker = readFileSync(join(out, 'sw.js'), 'utf8');
    expect(serviceWorker).toContain('/pagefind/pagefind-ui.js');
    for (const name of UNUSED_PAGEFIND_FILES) {
      expect(existsSync(join(out, 'pagefind', name)), name).toBe(false);
      expect(serviceWorker).not.toContain(name);
    }
  });

  it('shows the header facts first: service, tier, objectives, owners and escalation in order', () => {
    const html = page('runbooks/yaml-twin/index.html');
    const header = html.slice(html.indexOf('class="lb-header"'), html.indexOf('id="escalation"') + 2000);
    expect(header).toContain('<dd class="lb-tier lb-tier-0">Tier 0 · critical</dd>');
    expect(header).toMatch(/RTO<\/abbr><\/dt><dd>30m<\/dd>/);
    expect(header).toMatch(/RPO<\/abbr><\/dt><dd>5m<\/dd>/);
    expect(header).toContain('<dd>team-a, team-b</dd>');
    expect(header.indexOf('First responder')).toBeLessThan(header.indexOf('Second line'));
    expect(header).toContain('<a href="tel:+442079460999">+44 20 7946 0999</a>');
    expect(header).toContain('2026-10-01</time>: pass, 45m');
  });

  it('prints the filled-in command exactly, escaped, with its expected output and destructive marker', () => {
    const block = commandBlock(page('runbooks/yaml-twin/index.html'));
    expect(block).toContain(
      // One element per real line (src/command/command-html.ts), each but the last ending in its newline.
      '<code id="cmd-ID"><span class="lb-line">kubectl --context dr-euc1 -n shop apply -f - &lt;&lt;\'EOF\'\n</span>' +
        '<span class="lb-line">  kind: ConfigMap # &lt;b&gt;not html&lt;/b&gt; &amp; &quot;quoted&quot;\n</span><span class="lb-line">EOF</span></code>',
    );
    // Marked on the block; the copy button the page script adds reads it (src/site/client/copy.ts).
    expect(block).toMatch(/^<div class="lb-command not-content lb-destructive">/);
    expect(block).toContain('Destructive');
    expect(block).toContain('<pre tabindex="0"><code>configmap/x created</code></pre>');
  });

  it('renders an MDX command exactly like its YAML twin', () => {
    const yaml = commandBlock(page('runbooks/yaml-twin/index.html'));
    const mdx = commandBlock(page('runbooks/mdx-twin/index.html'));
    expect(mdx).toBe(yaml);
  });

  it('renders the decision tree as a diagram, and as nested text that is also the click-through data', () => {
    const html = page('runbooks/yaml-twin/index.html');
    expect(html).toMatch(/<figure tabindex="0"><svg [^>]*viewBox=/);
    expect(html).toContain('<div class="lb-outline-node" id="decision-root" data-decision="root"><p class="lb-outline-question"><strong>Is the &lt;thing&gt; broken?</strong>');
    // Each answer says where it leads (client/decision-walker.ts reads these back); no JSON copy.
    expect(html).toContain('<li data-kind="step"><span class="lb-answer-label">Yes</span> → go to step <a href="#step-restore">1.1 Restore the thing</a></li>');
    expect(html).toContain('<li data-kind="outcome"><span class="lb-answer-label">No</span> → <strong class="lb-outcome">Nothing to do.</strong></li>');
    expect(html).not.toContain('data-tree-data');
  });

  it("keeps navigation to the page's own service: no link to another service's runbooks", () => {
    const html = page('runbooks/yaml-twin/index.html');
    const sidebar = html.slice(html.indexOf('id="starlight__sidebar"'), html.indexOf('</nav>', html.indexOf('id="starlight__sidebar"')));
    expect(sidebar).toContain('href="/runbooks/mdx-twin/"');
    expect(sidebar).not.toContain('href="/runbooks/other-service/"');
    expect(sidebar).toContain('href="/#service-elsewhere"');
    // A service's runbooks are a section of the home page, not a page per service.
    expect(page('index.html')).toContain('<h2 id="service-elsewhere">elsewhere</h2>');
    expect(existsSync(join(out, 'services'))).toBe(false);
  });

  it('says on every runbook page which context and time its cluster facts come from', () => {
    const html = page('runbooks/yaml-twin/index.html');
    expect(html).toMatch(
      /<strong>dr<\/strong> = <code>dr-euc1<\/code>: from context <code>arn:aws:eks:eu-central-1:491726350182:cluster\/dr-euc1<\/code> \([^)]*\), collected <time datetime="2026-11-20T06:07:00.000Z" data-lb-age data-max-age="86400">/,
    );
  });

  it('shows the build time and commit in the footer', () => {
    expect(page('runbooks/mdx-twin/index.html')).toMatch(/from commit <code title="abc123def4567890">abc123def456<\/code>/);
  });

  it('names the same build in every footer as in the manifest', () => {
    const { buildId } = JSON.parse(page('lifeboat-manifest.json'));
    for (const path of ['index.html', 'runbooks/yaml-twin/index.html', 'errors/unknown-key/index.html']) expect(page(path), path).toContain(` · build ${buildId}<`);
  });

  it('reads the runbooks once: Astro takes the load the build checked', async () => {
    const result = await runScript('build', ['--runbooks', FIXTURE, '--out', join(work, 'dist-verbose'), '--verbose']);
    expect(result.code).toBe(0);
    expect(result.stdout + result.stderr).toMatch(/\[lifeboat-runbooks\] 3 runbooks taken from the build’s check of /);
  });

  it('writes a manifest with the hash of every file', () => {
    const manifest = JSON.parse(page('lifeboat-manifest.json'));
    expect(manifest).toMatchObject({ version: 1, commit: 'abc123def4567890' });
    const files = readdirSync(out, { recursive: true }).map(String).filter((f) => statSync(join(out, f)).isFile() && f !== 'lifeboat-manifest.json');
    expect(Object.keys(manifest.files).sort()).toEqual(files.map((f) => `/${f}`).sort());
    const index = readFileSync(join(out, 'index.html'));
    expect(manifest.files['/index.html']).toEqual({ sha256: createHash('sha256').update(index).digest('hex'), bytes: index.length });
  });
});

describe('a failed build', () => {
  it('stops on a format error, prints the report, and leaves the previous output untouched', async () => {
    const before = snapshotFolder(out);
    const broken = testdir({ 'bad.yaml': `${RUNBOOK_HEAD('bad').replace('rto: 1h', 'rto: 1 hour')}steps: [{ id: one, title: One }]\n` });
    const result = await runScript('build', ['--runbooks', broken, '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('bad.yaml:8:6  error  InvalidDuration');
    expect(result.stderr).toContain('Build stopped: fix the errors above. The previous output was left untouched.');
    expect(snapshotFolder(out)).toEqual(before);
    expect(leftoverTemporaries(work)).toEqual([]);
  });

  it('leaves the previous output untouched when rendering fails midway through the Astro build', async () => {
    const before = snapshotFolder(out);
    const runbooks = join(work, 'render-fails');
    cpSync(FIXTURE, runbooks, { recursive: true });
    // MDX that throws while the page renders. Only a project that allows code in MDX can have
    // one: by default `check` refuses the expression (issue 28), so it passes check only here.
    const mdx = `---\n${RUNBOOK_HEAD('throws')}---\n\n<Step id="one" title="One">\nValue: {missingVariable.field}\n</Step>\n`;
    cpSync(testdir({ 'throws.mdx': mdx }), runbooks, { recursive: true });
    const config = join(work, 'allow-code.config.yaml');
    writeFileSync(config, 'clusters: { primary: prod-euw1, dr: dr-euc1 }\nvars: { velero_ns: velero }\nmdx: { allowCode: true }\n');
    expect((await runScript('check', ['--runbooks', runbooks, '--no-facts'])).code).toBe(1);
    expect((await runScript('check', ['--config', config, '--runbooks', runbooks, '--no-facts'])).code).toBe(0);

    const result = await runScript('build', ['--config', config, '--runbooks', runbooks, '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('missingVariable');
    expect(result.stderr).toContain('Build failed. The previous output was left untouched.');
    expect(snapshotFolder(out)).toEqual(before);
    expect(leftoverTemporaries(work)).toEqual([]);
  });
});
