/**
 * `lifeboat pdf` on a small fixture site built without a public address, whose title, runbook
 * title and manifest facts carry markup and quotes; then the ways a run can fail, each of which
 * must leave the previous PDFs exactly as they were.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pdfLinks, pdfOutline, pdfText, readQrCode } from '../support/read-pdf.ts';
import { leftoverTemporaries, snapshotFolder } from '../support/folder-snapshot.ts';
import { runScript } from '../support/run-script.ts';

const FIXTURE = new URL('../fixtures/pdf-edge/', import.meta.url).pathname;
const squash = (text: string) => text.replace(/\s+/g, '');

let work: string;
let out: string;
let text: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'lifeboat-pdf-cli-'));
  out = join(work, 'dist');
  const config = join(work, 'lifeboat.config.yaml');
  writeFileSync(config, `title: 'Edge <b>cases</b> & "friends"'\nrunbooks: ${FIXTURE}\n`);
  const built = await runScript('build', ['--config', config, '--out', out], { env: { LIFEBOAT_BUILD_TIME: '2026-11-22T08:00:00.000Z' } });
  expect(built.code, built.stderr).toBe(0);
  // Facts times as a facts-aware build records them; cluster names are untrusted text.
  const manifestFile = join(out, 'lifeboat-manifest.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  manifest.facts = { 'prod-<i>euw1</i>': '2026-11-20T07:00:00.000Z' };
  writeFileSync(manifestFile, JSON.stringify(manifest));
  // One runbook per print, so the link between the two crosses from one printed part to the other.
  const printed = await runScript('pdf', ['--out', out, '--replace-after', '14', '--part-size', '1']);
  expect(printed.stderr).toBe('');
  expect(printed.code).toBe(0);
  text = pdfText(join(out, 'binder.pdf'));
});

describe('untrusted text', () => {
  it('prints titles and cluster names exactly as written, never as markup', () => {
    expect(text).toContain('Edge <b>cases</b> & "friends"');
    expect(text).toContain('Restore "quoted" \\ </style><b>not bold</b> data');
    // Once in the running header, once as the page title.
    expect(text.split('Restore "quoted" \\ </style><b>not bold</b> data').length - 1).toBeGreaterThanOrEqual(2);
    expect(text.replace(/\s+/g, ' ')).toContain('prod-<i>euw1</i> 2026-11-20 07:00 UTC 2 days before the build');
    expect(text.replace(/\s+/g, ' ')).toContain('Replace this binder after 2026-12-06 (14 days after the build)');
  });

  it("prints an external link's address after its text", () => {
    expect(squash(text)).toContain(squash('Read the vault runbook (https://vault.example.com/recovery) first'));
  });

  it('links to a runbook printed in another part, inside the binder', () => {
    const plainPage = pdfOutline(join(out, 'binder.pdf')).find((e) => e.title === 'A plain runbook')!.page;
    expect(pdfLinks(join(out, 'binder.pdf'))).toContainEqual({ href: `binder.html#${plainPage}`, text: 'the other runbook' });
    // Without a public address there is nowhere for the runbook's own PDF to send that link.
    expect(pdfLinks(join(out, 'pdf', 'odd-title.pdf')).map((l) => l.text)).not.toContain('the other runbook');
  });

  it('wraps a token longer than a line instead of cutting it off', () => {
    const own = pdfText(join(out, 'pdf', 'odd-title.pdf'));
    expect(squash(own)).toContain(`echoQUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3ODlBQkNERUZHSElKS0xNTk9QUVJTVFVWV1hZWmFiY2RlZmdoaWprbG1ub3BxcnN0dXZ3eHl6MDEyMzQ1Njc4OQ==|base64-d`);
    expect(own).toMatch(/\bDESTRUCTIVE\b/);
  });

  it('says where the page is online and prints no QR code when the site has no public address', () => {
    const first = pdfText(join(out, 'pdf', 'plain.pdf'), 1);
    expect(first.replace(/\s+/g, ' ')).toContain('Online at /runbooks/plain/ on the runbook site (built without a public address, so no QR code).');
    expect(readQrCode(join(out, 'pdf', 'plain.pdf'), 1)).toBeUndefined();
  });
});

describe('a run that fails', () => {

  it('explains that there is nothing to print when the site was not built', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'lifeboat-empty-'));
    const result = await runScript('pdf', ['--out', empty]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error  SiteNotBuilt');
    expect(result.stderr).toContain('has no lifeboat-manifest.json');
    expect(result.stderr).toContain('hint: Run `lifeboat build` first');
  });

  it('names the install command when Chromium cannot be found', async () => {
    const result = await runScript('pdf', ['--out', out], { env: { CHROMIUM_PATH: '/nonexistent/chromium' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('CHROMIUM_PATH  error  ChromiumNotFound');
    expect(result.stderr).toContain('looked at CHROMIUM_PATH (/nonexistent/chromium)');
    expect(result.stderr).toContain('apt-get install -y chromium');
  });

  it('leaves the previous PDFs untouched when Chromium does not start', async () => {
    const before = snapshotFolder(out);
    const result = await runScript('pdf', ['--out', out], { env: { CHROMIUM_PATH: '/bin/false' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error  PrintFailed');
    expect(result.stderr).toContain('hint: Check that /bin/false starts');
    expect(snapshotFolder(out)).toEqual(before);
    expect([...leftoverTemporaries(out), ...leftoverTemporaries(work)]).toEqual([]);
  });

  it('leaves the previous PDFs untouched when a page of the build is missing', async () => {
    const broken = join(work, 'broken');
    cpSync(out, broken, { recursive: true });
    rmSync(join(broken, 'runbooks', 'plain', 'index.html'));
    const before = snapshotFolder(broken);
    const result = await runScript('pdf', ['--out', broken]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Chromium could not print the binder: /runbooks/plain/ could not be read');
    expect(snapshotFolder(broken)).toEqual(before);
    expect(leftoverTemporaries(broken)).toEqual([]);
  });

  it('prints its usage for --help, and exits 2 for a bad --replace-after', async () => {
    const help = await runScript('pdf', ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: lifeboat pdf \[--out DIR\] \[--replace-after DAYS\]/);
    const bad = await runScript('pdf', ['--replace-after', 'soon']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--replace-after must be a whole number of days from 1 to 3650, not "soon".');
  });
});
