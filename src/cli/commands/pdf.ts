/** `lifeboat pdf`: print the built site's runbooks into `binder.pdf` and `pdf/<id>.pdf` (or, with --include-private, the private ones too into `binder-private.pdf`). */
import { rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { CONFIG_FLAGS, EXIT, exitWithUsage, loadConfigOrExit, recoverBuiltSite, parseFlags, useColor } from '../cli-kit.ts';
import { createIssue } from '../../errors/create-issue.ts';
import { blocksBuild, type Issue } from '../../errors/issue.ts';
import { openPrivatePages } from '../../pdf/private-pages.ts';
import { readPassphrases } from '../../private/passphrases.ts';
import { bindPdfs } from '../../pdf/bind-pdf.ts';
import { findChromium } from '../../pdf/find-chromium.ts';
import { readBuiltSite } from '../../pdf/read-built-site.ts';
import { writePdfs } from '../../pdf/write-pdfs.ts';
import { formatCliReport } from '../../reporters/cli.ts';

/** The binder with private runbooks in clear, beside the output folder. */
const PRIVATE_BINDER_FILE = 'binder-private.pdf';

const USAGE = `Usage: lifeboat pdf [--out DIR] [--replace-after DAYS] [--part-size N] [--include-private]

Prints the runbooks of the site built in the output folder (run \`lifeboat build\` first) with
headless Chromium: the binder, binder.pdf (cover, contents, every runbook), and one PDF per
runbook, pdf/<id>.pdf. The previous PDFs are replaced only once every new one is complete.
Exit codes: 0 printed, 1 no built site, no Chromium or printing failed, 2 usage or configuration error.

  --replace-after DAYS  a printed copy is stale this many days after the build (default 30);
                        the cover says after which date to replace it
  --part-size N         runbooks per Chromium print (default 10); fewer use less memory
  --include-private     print the private runbooks too, unlocked with their audiences' passphrases
                        (LIFEBOAT_PASSPHRASE_<AUDIENCE> or passphraseFile), into one binder beside
                        the output folder, binder-private.pdf, whose cover says so; without it,
                        private runbooks are left out
  --out DIR             the built site (LIFEBOAT_OUT, \`out:\` in lifeboat.config.yaml, default dist)
  --config FILE         configuration file (LIFEBOAT_CONFIG, default lifeboat.config.yaml)

Chromium is CHROMIUM_PATH, else chromium on PATH, else /usr/bin/chromium.`;

const { config: configFlag, out, help } = CONFIG_FLAGS;
const flags = parseFlags(
  { config: configFlag, out, help, 'replace-after': { type: 'string', default: '30' }, 'part-size': { type: 'string' }, 'include-private': { type: 'boolean' } },
  USAGE,
);
/** A whole number flag within bounds, or usage and exit 2. */
const whole = (name: 'replace-after' | 'part-size', max: number, unit: string) => {
  const value = Number(flags[name]);
  if (Number.isInteger(value) && value >= 1 && value <= max) return value;
  return exitWithUsage(`--${name} must be a whole number${unit} from 1 to ${max}, not "${flags[name]}".`, USAGE);
};
const days = whole('replace-after', 3650, ' of days');
const perPart = flags['part-size'] === undefined ? undefined : whole('part-size', 1000, '');
const config = loadConfigOrExit(flags);
const started = performance.now();
const fail = (issues: Issue[]): never => {
  process.stderr.write(`${formatCliReport(issues, { color: useColor(process.stderr), site: config.site })}\n`);
  process.exit(EXIT.failed);
};

await recoverBuiltSite(config.outDir);
const built = await readBuiltSite(config.outDir, config.cwd);
if (!built.site) fail(built.issues);
const chromium = findChromium();
if (chromium.issue) fail([chromium.issue]);
const includePrivate = Boolean(flags['include-private']) && built.site!.privatePages.length > 0;
if (!includePrivate && built.site!.runbookPages.length === 0) {
  fail([createIssue('PrintFailed', { file: relative(config.cwd, built.site!.dir) || '.' }, { detail: 'the build holds only private runbooks, which the binder leaves out', hint: 'Print them with --include-private.' })]);
}
let privatePages: ReadonlyMap<string, string> | undefined;
if (includePrivate) {
  const secrets = readPassphrases(config);
  if (secrets.issues.some(blocksBuild)) fail(secrets.issues);
  const opened = await openPrivatePages(built.site!.dir, built.site!.privatePages, secrets.passphrases);
  if ('problem' in opened) fail([createIssue('PrintFailed', { file: relative(config.cwd, built.site!.dir) || '.' }, { detail: opened.problem, hint: 'Set LIFEBOAT_PASSPHRASE_<AUDIENCE> (or passphraseFile) to the passphrases of the build that is in the output folder.' })]);
  else privatePages = opened.pages;
}
const { pdfs, issues } = await bindPdfs(built.site!, { chromium: chromium.path!, replaceAfterDays: days, perPart, ...(privatePages ? { privatePages } : {}) });
if (!pdfs) fail(issues);

if (privatePages) {
  // One binder, beside the output folder rather than in it: whatever serves or syncs the output
  // folder must never pick up a private binder. No per-runbook PDFs: their names are the ids.
  const file = join(dirname(config.outDir), PRIVATE_BINDER_FILE);
  const temporary = `${file}.tmp-${process.pid}`;
  try {
    await writeFile(temporary, pdfs!.binder.bytes);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    process.stderr.write(`Writing the PDF failed: ${(error as Error).message}\nThe previous binder was left untouched.\n`);
    process.exit(EXIT.failed);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `Printed ${pdfs!.runbooks.length} runbooks, ${privatePages.size} of them private, into ${relative(config.cwd, file)} (${pdfs!.binder.pages} pages, ${(pdfs!.binder.bytes.length / 1e6).toFixed(1)} MB) in ${seconds} s.\n` +
      'It holds private runbooks in clear: keep it as safe as their passphrases, and out of version control.\n',
  );
  process.exit(EXIT.ok);
}

try {
  const written = await writePdfs(config.outDir, pdfs!);
  const shown = (path: string) => relative(config.cwd, path) || '.';
  const mb = (bytes: number) => (bytes / 1e6).toFixed(1);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const eachBytes = pdfs!.runbooks.reduce((n, r) => n + r.bytes.length, 0);
  process.stdout.write(
    `Printed ${pdfs!.runbooks.length} runbooks into ${shown(written.binder)} (${pdfs!.binder.pages} pages, ${mb(pdfs!.binder.bytes.length)} MB) ` +
      `and ${shown(written.dir)}/ (${pdfs!.runbooks.length} files, ${mb(eachBytes)} MB) in ${seconds} s.\n`,
  );
  const left = built.site!.privatePages.length;
  if (left) process.stdout.write(`Left out ${left} private runbook${left === 1 ? '' : 's'}: the binder prints public runbooks only (--include-private prints them into a binder of their own).\n`);
} catch (error) {
  process.stderr.write(`Writing the PDFs failed: ${(error as Error).message}\nThe previous PDFs were left untouched.\n`);
  process.exit(EXIT.failed);
}
