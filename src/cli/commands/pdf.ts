/** `lifeboat pdf`: print the built site's runbooks into `binder.pdf` and `pdf/<id>.pdf`. */
import { relative } from 'node:path';
import { CONFIG_FLAGS, EXIT, exitWithUsage, loadConfigOrExit, recoverBuiltSite, parseFlags, useColor } from '../cli-kit.ts';
import type { Issue } from '../../errors/issue.ts';
import { bindPdfs } from '../../pdf/bind-pdf.ts';
import { findChromium } from '../../pdf/find-chromium.ts';
import { readBuiltSite } from '../../pdf/read-built-site.ts';
import { writePdfs } from '../../pdf/write-pdfs.ts';
import { formatCliReport } from '../../reporters/cli.ts';

const USAGE = `Usage: lifeboat pdf [--out DIR] [--replace-after DAYS] [--part-size N]

Prints the runbooks of the site built in the output folder (run \`lifeboat build\` first) with
headless Chromium: the binder, binder.pdf (cover, contents, every runbook), and one PDF per
runbook, pdf/<id>.pdf. The previous PDFs are replaced only once every new one is complete.
Exit codes: 0 printed, 1 no built site, no Chromium or printing failed, 2 usage or configuration error.

  --replace-after DAYS  a printed copy is stale this many days after the build (default 30);
                        the cover says after which date to replace it
  --part-size N         runbooks per Chromium print (default 10); fewer use less memory
  --out DIR             the built site (LIFEBOAT_OUT, \`out:\` in lifeboat.config.yaml, default dist)
  --config FILE         configuration file (LIFEBOAT_CONFIG, default lifeboat.config.yaml)

Chromium is CHROMIUM_PATH, else chromium on PATH, else /usr/bin/chromium.`;

const { config: configFlag, out, help } = CONFIG_FLAGS;
const flags = parseFlags(
  { config: configFlag, out, help, 'replace-after': { type: 'string', default: '30' }, 'part-size': { type: 'string' } },
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
const { pdfs, issues } = await bindPdfs(built.site!, { chromium: chromium.path!, replaceAfterDays: days, perPart });
if (!pdfs) fail(issues);

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
  const left = built.site!.privatePages;
  if (left) process.stdout.write(`Left out ${left} private runbook${left === 1 ? '' : 's'}: the binder prints public runbooks only.\n`);
} catch (error) {
  process.stderr.write(`Writing the PDFs failed: ${(error as Error).message}\nThe previous PDFs were left untouched.\n`);
  process.exit(EXIT.failed);
}
