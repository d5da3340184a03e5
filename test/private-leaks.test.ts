/**
 * Issue 24: nothing of a private runbook in clear anywhere in the built site. A copy of the
 * example gets two private runbooks (YAML and MDX) with a marker in every field, and a public
 * runbook that links to one; after a real build, every byte of the output is searched for the
 * markers, including what is compressed (Pagefind's gzip files, the offline edition's base64
 * gzip bundle). Positive controls prove the scan would see them: the same markers are found
 * once the pages are decrypted with the passphrase, and public words are found inside the
 * compressed files.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPayload, unlock } from '../src/private/open.ts';
import { runScript } from './support/run-script.ts';
import { pdfText } from './support/read-pdf.ts';
import { buildPrivateProject, MARKERS, PASSPHRASES, type PrivateProject } from './support/private-project.ts';

let project: PrivateProject;
beforeAll(async () => {
  project = await buildPrivateProject();
});
afterAll(() => rmSync(project.dir, { recursive: true, force: true }));

/** An audience's keyring, in the build's keyring folder (`private/<hash>/`). */
const keyringFile = (audience: string) => {
  const version = readdirSync(join(project.out, 'private')).find((name) => /^[0-9a-f]{16}$/.test(name))!;
  return join(project.out, 'private', version, `${audience}.json`);
};
const files = (dir: string): string[] => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
const isGzip = (b: Buffer) => b.length > 2 && b[0] === 0x1f && b[1] === 0x8b;

/** The file's bytes and every readable layer inside them: gunzipped, and base64 runs decoded (then gunzipped). */
function layers(bytes: Buffer): Buffer[] {
  const out = [bytes];
  if (isGzip(bytes)) out.push(gunzipSync(bytes));
  const text = bytes.toString('latin1');
  for (const [run] of text.matchAll(/[A-Za-z0-9+/]{200,}={0,2}/g)) {
    const decoded = Buffer.from(run, 'base64');
    out.push(decoded);
    if (isGzip(decoded)) {
      try {
        out.push(gunzipSync(decoded));
      } catch {
        // a base64 run that only looks like gzip
      }
    }
  }
  return out;
}

/** Every word of the private runbooks that must never appear, lower-cased. */
const SECRET = [
  'zqxmark',
  MARKERS.id,
  MARKERS.mdxId,
  MARKERS.searchWord,
  '4471-zqx',
  MARKERS.varValue,
  // The MDX runbook is otherwise plain: its own words must not show either.
  'move dns to the secondary provider',
].map((s) => s.toLowerCase());

function scan(dir: string, words: readonly string[]): string[] {
  const hits: string[] = [];
  for (const file of files(dir)) {
    for (const layer of layers(readFileSync(file))) {
      const text = layer.toString('utf8').toLowerCase();
      for (const word of words) if (text.includes(word)) hits.push(`${relative(dir, file)}: ${word}`);
    }
  }
  return [...new Set(hits)].sort();
}

describe('private runbooks in check reports', () => {
  it('reports their problems without their source lines, unless --show-private asks for them', async () => {
    const check = (extra: string[]) => runScript('check', ['--config', project.config, ...extra], { env: { ...project.env, LIFEBOAT_NOW: '2026-11-22T09:00:00Z' } });
    for (const format of ['text', 'json', 'sarif', 'junit', 'github']) {
      const quiet = await check(['--format', format]);
      expect(quiet.stdout, format).toContain('runbooks/vault/break-glass.yaml');
      expect(quiet.stdout, format).toContain('zqxmark-sc-missing');
      // Code frames would show the lines around each problem: the tags, the requirement.
      expect(quiet.stdout, format).not.toContain(MARKERS.tag);
      expect(quiet.stdout, format).not.toContain('| requires:');
    }
    const shown = await check(['--show-private']);
    expect(shown.stdout).toContain(`9 | tags: [${MARKERS.tag}]`);
    expect(shown.stdout).toContain('> 19 |     name: zqxmark-sc-missing');
  });
});

describe('private runbooks in the binder', () => {
  it('prints the public runbooks only, says how many it left out, and no marker is in any PDF', async () => {
    const printed = await runScript('pdf', ['--config', project.config, '--out', project.out], { env: project.env });
    expect(printed.code, printed.stderr).toBe(0);
    expect(printed.stdout).toMatch(/^Printed 8 runbooks into .*\nLeft out 2 private runbooks: the binder prints public runbooks only \(--include-private prints them into a binder of their own\)\.\n$/);
    const pdfs = files(project.out).filter((f) => f.endsWith('.pdf'));
    expect(pdfs.length).toBe(9);
    const text = pdfs.map((f) => `${relative(project.out, f)}\n${pdfText(f)}`).join('\n').toLowerCase();
    expect(text).toContain('public runbook that links to a private one');
    for (const word of [...SECRET, 'private runbook (']) expect(text).not.toContain(word);
    expect(scan(project.out, SECRET)).toEqual([]);
  });
});

describe('a binder of private runbooks, when asked for', () => {
  it('prints them unlocked into binder-private.pdf beside the output folder, says so on its cover, and refuses wrong passphrases', async () => {
    const wrong = await runScript('pdf', ['--config', project.config, '--out', project.out, '--include-private'], {
      env: { ...project.env, LIFEBOAT_PASSPHRASE_SRE: 'not the sre passphrase', LIFEBOAT_PASSPHRASE_PAYMENTS: 'not the payments one' },
    });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/PrintFailed\n.*the private runbook at \/runbooks\/[a-z2-7]{16}\/ opens with none of the passphrases given \(it is for (payments, )?sre\)/);
    expect(readdirSync(project.dir)).not.toContain('binder-private.pdf');

    const printed = await runScript('pdf', ['--config', project.config, '--out', project.out, '--include-private'], { env: project.env });
    expect(printed.code, printed.stderr).toBe(0);
    expect(printed.stdout).toMatch(/^Printed 10 runbooks, 2 of them private, into .*binder-private\.pdf \(\d+ pages, [\d.]+ MB\) in [\d.]+ s\.\nIt holds private runbooks in clear: keep it as safe as their passphrases, and out of version control\.\n$/);
    const file = join(project.dir, 'binder-private.pdf');
    const cover = pdfText(file, 1).replace(/\s+/g, ' ');
    expect(cover.toLowerCase()).toContain('printed binder · includes private runbooks');
    expect(cover).toContain('Confidential: 2 private runbooks printed in clear.');
    const text = pdfText(file);
    for (const marker of [MARKERS.title, MARKERS.stepTitle, MARKERS.mdxTitle, MARKERS.mdxCommand]) expect(text.replace(/\s+/g, ' ')).toContain(marker);
    // Nothing of it in the output folder, which is what gets served.
    expect(scan(project.out, SECRET)).toEqual([]);
  });
});

describe('private runbooks in the built site', () => {
  it('leaves no marker of a private runbook in any byte of the output, compressed or not', () => {
    const searched = files(project.out).map((f) => relative(project.out, f));
    // The places the issue names are all there to be searched.
    for (const place of ['index.html', '404.html', 'readiness/index.html', 'sitemap-0.xml', 'sw.js', 'lifeboat-manifest.json', 'lifeboat-offline.html', 'search-vocabulary.json', 'pagefind/pagefind-entry.json']) {
      expect(searched).toContain(place);
    }
    expect(searched.some((f) => f.endsWith('.pf_fragment'))).toBe(true);
    expect(scan(project.out, SECRET)).toEqual([]);
  });

  it('the scan sees compressed text: public words inside Pagefind fragments and the offline edition', () => {
    // "informer" is in the etcd runbook's body only.
    const hits = scan(project.out, ['informer']);
    expect(hits.some((h) => h.startsWith('pagefind/fragment/'))).toBe(true);
    expect(hits).toContain('lifeboat-offline.html: informer');
  });

  it('publishes each private runbook under an opaque address, locked, with a keyring per audience', () => {
    const pages = readdirSync(join(project.out, 'runbooks'));
    const locked = pages.filter((p) => readFileSync(join(project.out, 'runbooks', p, 'index.html'), 'utf8').includes('data-lb-locked'));
    expect(locked).toHaveLength(2);
    for (const slug of locked) {
      expect(slug).toMatch(/^[a-z2-7]{16}$/);
      const html = readFileSync(join(project.out, 'runbooks', slug, 'index.html'), 'utf8');
      expect(html).toContain('<title>Private runbook | Kestrel Pay DR runbooks</title>');
      expect(html).not.toContain('data-pagefind-body');
      expect(html).not.toContain('class="lb-runbook"');
    }
    // Keyrings in a folder named by their hash, which the pages name; search files beside it.
    const [version, ...search] = readdirSync(join(project.out, 'private')).sort();
    expect(version).toMatch(/^[0-9a-f]{16}$/);
    expect(search).toEqual(['payments.search.json', 'sre.search.json']);
    expect(readdirSync(join(project.out, 'private', version!)).sort()).toEqual(['payments.json', 'sre.json', ...locked.map((slug) => `${slug}.json`)].sort());
    for (const slug of locked) expect(readFileSync(join(project.out, 'runbooks', slug, 'index.html'), 'utf8')).toContain(`data-keyrings="/private/${version}/"`);
    // The public runbook links to the private one by its slug, under the generic name.
    const linking = readFileSync(join(project.out, 'runbooks/public-links-private/index.html'), 'utf8');
    const related = /<h2 id="related">Related runbooks<\/h2><ul><li><a href="\/runbooks\/([a-z2-7]{16})\/">Private runbook<\/a>/.exec(linking);
    expect(related && locked).toContain(related![1]);
    // The home page lists them as locked entries with their audiences.
    const home = readFileSync(join(project.out, 'index.html'), 'utf8');
    expect(home).toContain('Private runbook (sre)');
    expect(home).toContain('Private runbook (payments, sre)');
  });

  it('opens with the passphrase: the markers are all inside the sealed pages', async () => {
    const keyring = JSON.parse(readFileSync(keyringFile('sre'), 'utf8'));
    const wrong = await unlock('not the passphrase at all', keyring);
    expect(wrong).toMatchObject({ ok: false, message: 'That passphrase does not unlock these runbooks.' });
    const unlocked = await unlock(PASSPHRASES.sre, keyring);
    if (!unlocked.ok) throw new Error(unlocked.message);
    // Two pages and the audience's search.
    expect([...unlocked.keys.keys()].sort()).toEqual(['#search', ...readdirSync(join(project.out, 'runbooks')).filter((p) => /^[a-z2-7]{16}$/.test(p))].sort());
    const search = await openPayload(unlocked.keys.get('#search')!, JSON.parse(readFileSync(join(project.out, 'private/sre.search.json'), 'utf8')), 'search:sre');
    if (!search.ok) throw new Error(search.message);
    expect(JSON.parse(search.text).runbooks.map((r: { title: string }) => r.title).sort()).toEqual([MARKERS.mdxTitle, MARKERS.title].sort());
    expect(search.text).toContain(MARKERS.searchWord);
    const texts: string[] = [];
    for (const [slug, key] of [...unlocked.keys].filter(([slug]) => slug !== '#search')) {
      // Beside the keyrings, named by slug; the page itself carries none of it.
      const payload = JSON.parse(readFileSync(join(keyringFile('sre'), '..', `${slug}.json`), 'utf8'));
      const opened = await openPayload(key, payload, slug);
      if (!opened.ok) throw new Error(opened.message);
      texts.push(opened.text);
    }
    const all = texts.join('\n');
    for (const marker of [MARKERS.title, MARKERS.summary, MARKERS.stepTitle, MARKERS.stepBody, MARKERS.command, MARKERS.expect, MARKERS.question, MARKERS.answer, MARKERS.outcome, MARKERS.escalation, MARKERS.varValue, MARKERS.mdxTitle, MARKERS.mdxBody, MARKERS.mdxCommand]) {
      expect(all).toContain(marker.replace(/"/g, '&quot;').split(' ').slice(0, 3).join(' '));
    }
    // The payments audience reads the MDX runbook only.
    const payments = await unlock(PASSPHRASES.payments, JSON.parse(readFileSync(keyringFile('payments'), 'utf8')));
    expect(payments.ok && payments.keys.size).toBe(2);
  });
});
